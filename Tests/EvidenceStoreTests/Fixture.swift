import Foundation
import EvidenceTestSupport
import PubMed
@testable import EvidenceStore

/// Paths to this target's fixtures, and small builders the tests share.
enum Fixture {
    /// The path of `Fixtures/name` in the test bundle.
    static func path(_ name: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    /// A fresh store in its own temporary directory (tests run in parallel).
    static func store() throws -> (ArticleStore, TemporaryDirectory) {
        let directory = try TemporaryDirectory(prefix: "evidence-store-test")
        return (try ArticleStore(path: directory.path("index/evidence.sqlite")), directory)
    }

    /// A record built in code, with a minimal but real original XML.
    static func record(_ pmid: Int64, version: Int = 1, title: String = "A title", authors: [Author] = [],
                       abstract: String? = nil, mesh: [MeshHeading] = []) -> PubMedRecord {
        var record = PubMedRecord(pmid: PMID(pmid), version: version)
        record.title = title
        record.authors = authors
        record.mesh = mesh
        if let abstract { record.abstract = [AbstractSection(text: abstract)] }
        record.originalXML = """
            <PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="\(version)">\(pmid)</PMID>\
            <Article><ArticleTitle>\(title)</ArticleTitle></Article></MedlineCitation></PubmedArticle>
            """
        return record
    }

    /// Writes `Fixtures`-style XML to `directory/name`: a PubmedArticleSet of `articles` (each a
    /// whole `<PubmedArticle>` element), then a DeleteCitation block of `deleted` when any.
    static func writeArticleSet(_ articles: [String], deleted: [Int] = [], in directory: TemporaryDirectory,
                                name: String) throws -> String {
        var xml = "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n" + articles.joined()
        if !deleted.isEmpty {
            xml += "<DeleteCitation>" + deleted.map { "<PMID Version=\"1\">\($0)</PMID>" }.joined() + "</DeleteCitation>\n"
        }
        xml += "</PubmedArticleSet>\n"
        let path = directory.path(name)
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
