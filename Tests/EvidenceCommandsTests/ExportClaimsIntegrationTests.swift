import ArgumentParser
import CitationExport
import Claims
@testable import EvidenceCommands
import EvidenceStore
import EvidenceTestSupport
import Foundation
import PubMed
import Testing

/// `evidence check` then `evidence export --check` and `--claim`, on the ketamine records.
struct ExportClaimsIntegrationTests {
    @Test("A check report and a ledger claim export their citations with stances and quotes",
          .enabled(if: SharedData.isAvailable("corpus/ketamine/esketamine-trd-records.xml")))
    func checkThenExport() throws {
        let folder = try TemporaryDirectory(prefix: "export-claims"); defer { folder.remove() }
        let index = folder.path("index.sqlite")
        let store = try ArticleStore(path: index)
        _ = ArticleIngester(store: store).ingest(paths: [try SharedData.url("corpus/ketamine/esketamine-trials-efetch.xml").path,
                                                          try SharedData.url("corpus/ketamine/esketamine-trd-records.xml").path])
        store.close()
        let article = folder.path("article.md")
        try """
        # Esketamine for hard-to-treat depression

        Esketamine nasal spray plus an oral antidepressant delays relapse in treatment-resistant depression.
        Esketamine nasal spray improves depressive symptoms within four weeks in adults with treatment-resistant depression.
        """.write(toFile: article, atomically: true, encoding: .utf8)
        let report = folder.path("report.json")
        let lexicons = SharedData.projectRoot.appendingPathComponent("Corpus/lexicon").path
        try CheckCommand.parse([article, "--format", "json", "--output", report, "--index", index, "--lexicon-directory", lexicons])
            .run(output: .capturing())

        // --check: every citation of the report, with its claim.
        let bundle = folder.path("check-bundle.zip")
        let output = CommandOutput.capturing()
        try ExportCommand.parse(["--index", index, "--check", report, "--bundle", bundle]).run(output: output)
        let verification = try BundleVerification.verify(at: URL(fileURLWithPath: bundle))
        #expect(verification.isIntact)
        let reportJSON = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as! [String: Any]
        let claims = reportJSON["claims"] as! [[String: Any]]
        let citations = claims.flatMap { $0["citations"] as? [[String: Any]] ?? [] }
        try #require(!citations.isEmpty, "the check found no citations to export")
        #expect(verification.manifest.claims.map(\.id) == claims.map { $0["id"] as! String })
        #expect(verification.manifest.counts.items == citations.count)
        let csv = String(decoding: verification.contents["evidence.csv"]!, as: UTF8.self)
        #expect(csv.split(separator: "\r\n").count == citations.count + 1)
        let firstQuote = try #require(citations.first?["quote"] as? String)
        #expect(csv.contains(String(firstQuote.prefix(40))))

        // --claim: the ledger's links of one claim.
        let ledgerStore = try ArticleStore(path: index, create: false)
        let ledger = ClaimLedger(database: ledgerStore.database)
        let claim = try #require(try ledger.claims().first { $0.citationCount > 0 })
        let links = try ledger.links(claimID: claim.id).filter { $0.decision != .rejected && ($0.present || $0.method == .human) }
        ledgerStore.close()
        let claimOutput = CommandOutput.capturing()
        try ExportCommand.parse(["--index", index, "--claim", String(claim.id), "--format", "csv"]).run(output: claimOutput)
        let rows = claimOutput.standardOutput.split(separator: "\r\n").dropFirst()
        #expect(rows.count == links.count)
        #expect(rows.map { String($0.prefix { $0 != "," }) } == links.map(\.pmid.description))
        #expect(rows.allSatisfy { $0.contains(",\(claim.id),") && $0.contains(claim.verdict) })

        // An unknown claim id is a clear error.
        let missing = CommandOutput.capturing()
        #expect(throws: ExitCode.failure) { try ExportCommand.parse(["--index", index, "--claim", "999999", "--format", "ris"]).run(output: missing) }
        #expect(missing.standardError == "error: no claim 999999 in the ledger (see 'evidence claims list')\n")
    }
}
