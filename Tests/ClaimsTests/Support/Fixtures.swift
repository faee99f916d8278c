import Claims
import EvidenceStore
import EvidenceTestSupport
import Foundation
import PubMed

/// Fixture files and a small index built from them, for the claims tests.
enum Fixtures {
    static var root: URL { Bundle.module.resourceURL!.appendingPathComponent("Fixtures") }

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    static func text(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    /// The project's own lexicon (Corpus/lexicon).
    static func lexicon() throws -> CompiledLexicon {
        let directory = SharedData.projectRoot.appendingPathComponent("Corpus/lexicon").path
        return CompiledLexicon(try Lexicon.loadMerged(directory: directory))
    }

    /// A fresh index in a temporary folder holding `records/ketamine-evidence.xml`.
    static func evidenceIndex() throws -> (store: ArticleStore, directory: TemporaryDirectory) {
        let directory = try TemporaryDirectory(prefix: "claims-test")
        let store = try ArticleStore(path: directory.path("index.sqlite"))
        let report = ArticleIngester(store: store).ingest(paths: [url("records/ketamine-evidence.xml").path])
        if report.hasFailures { throw ClaimsError.index("fixture ingest failed: \(report.summary)") }
        return (store, directory)
    }

    /// An article read from marked text: the markers removed, the marks returned.
    static func markedArticle(_ path: String) throws -> (ArticleDocument, MarkedText) {
        let marked = MarkedText(try text(path))
        let document = ArticleDocument(source: (path as NSString).lastPathComponent, format: ArticleFormat(path: path), text: marked.text)
        return (document, marked)
    }

    /// Checks the article `text` against a fresh index of the fixture `records` file.
    static func check(_ text: String, against records: String) throws -> ArticleCheck {
        let directory = try TemporaryDirectory(prefix: "claims-check")
        defer { directory.remove() }
        let store = try ArticleStore(path: directory.path("index.sqlite"))
        defer { store.close() }
        let report = ArticleIngester(store: store).ingest(paths: [url(records).path])
        if report.hasFailures { throw ClaimsError.index("fixture ingest failed: \(report.summary)") }
        let checker = ClaimChecker(lexicon: try lexicon(), index: StoreEvidenceIndex(store: store))
        return try checker.check(ArticleDocument(source: "t.txt", format: .text, text: text))
    }

    /// The citation of record `pmid` for the first claim of `text` that `matches`, checked against the
    /// fixture `records` file; nil when there is no such claim or the claim does not cite the record.
    static func citation(_ pmid: Int64, for text: String, against records: String,
                         claim matches: (Claim) -> Bool = \.isCheckable) throws -> Citation? {
        try check(text, against: records).checks.first { matches($0.claim) }?.citations.first { $0.pmid == PMID(pmid) }
    }
}
