import ArgumentParser
import Claims
@testable import EvidenceCommands
import EvidenceStore
import EvidenceTestSupport
import Foundation
import PubMed
import Testing

/// `evidence claims link|unlink|review|show` on a ledger filled by `evidence check`.
@Suite("evidence claims")
struct ClaimsCommandTests {
    /// Ingests the ketamine records, checks a two-claim article, and returns the index path.
    static func checkedIndex(in folder: TemporaryDirectory) throws -> String {
        let index = folder.path("index.sqlite")
        let store = try ArticleStore(path: index)
        _ = ArticleIngester(store: store).ingest(paths: [try SharedData.url("corpus/ketamine/esketamine-trials-efetch.xml").path,
                                                          try SharedData.url("corpus/ketamine/esketamine-trd-records.xml").path])
        store.close()
        let article = folder.path("article.md")
        try """
        Esketamine nasal spray plus an oral antidepressant delays relapse in treatment-resistant depression.
        Esketamine nasal spray improves depressive symptoms within four weeks in adults with treatment-resistant depression.
        """.write(toFile: article, atomically: true, encoding: .utf8)
        let lexicons = SharedData.projectRoot.appendingPathComponent("Corpus/lexicon").path
        try CheckCommand.parse([article, "--format", "json", "--output", folder.path("report.json"), "--index", index,
                                "--lexicon-directory", lexicons]).run(output: .capturing())
        return index
    }

    static func links(_ index: String, claim: Int64) throws -> [PMID: ClaimLedger.StoredLink] {
        let store = try ArticleStore(path: index, create: false)
        defer { store.close() }
        let links = try ClaimLedger(database: store.database).links(claimID: claim)
        return Dictionary(links.map { ($0.pmid, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test("link adds a human link, review rejects an automatic one, unlink rejects a link, and a new check keeps them",
          .enabled(if: SharedData.isAvailable("corpus/ketamine/esketamine-trd-records.xml")))
    func reviewCycle() throws {
        let folder = try TemporaryDirectory(prefix: "claims-command"); defer { folder.remove() }
        let index = try Self.checkedIndex(in: folder)
        let store = try ArticleStore(path: index, create: false)
        let ledger = ClaimLedger(database: store.database)
        let claim = try #require(try ledger.claims().first { $0.citationCount > 0 })
        let automatic = try #require(try ledger.links(claimID: claim.id).first { $0.method == .auto })
        let linked = Set(try ledger.links(claimID: claim.id).map(\.pmid))
        let unlinked = try #require(try store.pmids().first { !linked.contains($0) })
        store.close()
        let id = String(claim.id)

        try ClaimsCommand.Link.parse([id, unlinked.description, "--stance", "contradicts", "--note", "read by hand", "--index", index])
            .run(output: .capturing())
        var links = try Self.links(index, claim: claim.id)
        #expect(links[unlinked]?.method == .human)
        #expect(links[unlinked]?.stance == .contradicts)
        #expect(links[unlinked]?.decision == .confirmed)

        try ClaimsCommand.Review.parse([id, automatic.pmid.description, "--reject", "--index", index]).run(output: .capturing())
        #expect(try Self.links(index, claim: claim.id)[automatic.pmid]?.decision == .rejected)

        let shown = CommandOutput.capturing()
        try ClaimsCommand.Show.parse([id, "--index", index]).run(output: shown)
        #expect(shown.standardOutput.contains("PMID \(unlinked) contradicts"))
        #expect(shown.standardOutput.contains("note: read by hand"))

        // A new check of the same article leaves both human decisions as they are.
        _ = try Self.checkedIndex(in: folder)
        links = try Self.links(index, claim: claim.id)
        #expect(links[unlinked]?.method == .human)
        #expect(links[automatic.pmid]?.decision == .rejected)

        try ClaimsCommand.Unlink.parse([id, unlinked.description, "--index", index]).run(output: .capturing())
        #expect(try Self.links(index, claim: claim.id)[unlinked]?.decision == .rejected)
    }

    @Test("a PMID that is not a number is refused before the ledger is touched")
    func badPMID() throws {
        let folder = try TemporaryDirectory(prefix: "claims-command"); defer { folder.remove() }
        #expect(throws: ValidationError.self) {
            try ClaimsCommand.Link.parse(["1", "abc", "--index", folder.path("none.sqlite")]).run(output: .capturing())
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("none.sqlite")))
    }
}
