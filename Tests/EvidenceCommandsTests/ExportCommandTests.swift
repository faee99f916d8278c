import ArgumentParser
import CitationExport
@testable import EvidenceCommands
import EvidenceStore
import EvidenceTestSupport
import Foundation
import PubMed
import Testing

/// `evidence export` and `evidence verify-bundle`, run in process on an index built from the
/// CitationExport XML fixtures.
struct ExportCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("CitationExportTests/Fixtures/XML")

    /// A temporary folder with an index of the four fixture records.
    static func makeIndex(_ names: [String] = ["collective-author-medline-date", "diacritics-vernacular-markup", "book-chapter", "no-doi-page-range"]) throws -> (TemporaryDirectory, String) {
        let folder = try TemporaryDirectory(prefix: "export-command")
        let index = folder.path("index.sqlite")
        let store = try ArticleStore(path: index)
        defer { store.close() }
        let report = ArticleIngester(store: store).ingest(paths: names.map { fixtures.appendingPathComponent($0 + ".xml").path })
        #expect(try store.articleCount() == names.count, "\(report)")
        return (folder, index)
    }

    /// Parses and runs `evidence export …`; returns the output and whether it failed.
    static func export(_ arguments: [String], stdin: String? = nil) throws -> (output: CommandOutput, failed: Bool) {
        let command = try ExportCommand.parse(arguments)
        let output = CommandOutput.capturing(standardInput: stdin)
        do {
            try command.run(output: output, now: Date(timeIntervalSince1970: 1_800_000_000))
            return (output, false)
        } catch let exit as ExitCode where exit != .success {
            return (output, true)
        }
    }

    static func verify(_ arguments: [String]) throws -> (output: CommandOutput, failed: Bool) {
        let command = try VerifyBundleCommand.parse(arguments)
        let output = CommandOutput.capturing()
        do {
            try command.run(output: output)
            return (output, false)
        } catch let exit as ExitCode where exit != .success {
            return (output, true)
        }
    }

    @Test("A PMID list exports one format to standard output, in the list's order")
    func pmidListToStandardOutput() throws {
        let (folder, index) = try Self.makeIndex(); defer { folder.remove() }
        let (output, failed) = try Self.export(["--index", index, "--pmids", "-", "--format", "bibtex"], stdin: "20301546\n# a comment\n10000001\n")
        #expect(!failed)
        let keys = output.standardOutput.split(separator: "\n").filter { $0.hasPrefix("@") }
        #expect(keys == ["@incollection{gauvreau1993hereditary,", "@article{ketamine1998ketamine,"])
    }

    @Test("An unknown PMID is an error naming it, and nothing is written")
    func unknownPMID() throws {
        let (folder, index) = try Self.makeIndex(); defer { folder.remove() }
        let list = folder.path("pmids.txt")
        try "10000001\n99999999\n88888888\n".write(toFile: list, atomically: true, encoding: .utf8)
        let bundle = folder.path("bundle")
        let (output, failed) = try Self.export(["--index", index, "--pmids", list, "--bundle", bundle])
        #expect(failed)
        #expect(output.standardError == "error: PMIDs not in the index \(index): 99999999, 88888888\n")
        #expect(!FileManager.default.fileExists(atPath: bundle))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains("partial") }.isEmpty)
    }

    @Test("An empty list, a malformed PMID and an unwritable target are clear errors")
    func errors() throws {
        let (folder, index) = try Self.makeIndex(); defer { folder.remove() }
        var result = try Self.export(["--index", index, "--pmids", "-", "--format", "ris"], stdin: "\n# nothing\n")
        #expect(result.failed && result.output.standardError == "error: nothing to export: standard input gave no records\n")
        result = try Self.export(["--index", index, "--pmids", "-", "--format", "ris"], stdin: "10000001\n12ab\n")
        #expect(result.failed && result.output.standardError == "error: <stdin>:2: '12ab' is not a PMID\n")
        let target = folder.path("missing-folder/out.ris")
        result = try Self.export(["--index", index, "--pmids", "-", "--format", "ris", "--out", target], stdin: "10000001\n")
        #expect(result.failed && result.output.standardError.hasPrefix("error: \(target): cannot write: folder"))
        result = try Self.export(["--index", index, "--query", "nosuchwordanywhere", "--format", "ris"])
        #expect(result.failed && result.output.standardError == "error: nothing to export: the query 'nosuchwordanywhere' gave no records\n")
    }

    @Test("Options are validated: one source, one format without a bundle")
    func validation() {
        #expect(throws: (any Error).self) { try ExportCommand.parse(["--pmids", "a", "--query", "b", "--format", "ris"]) }
        #expect(throws: (any Error).self) { try ExportCommand.parse(["--format", "ris"]) }
        #expect(throws: (any Error).self) { try ExportCommand.parse(["--pmids", "a", "--format", "ris", "--format", "bibtex"]) }
        #expect(throws: (any Error).self) { try ExportCommand.parse(["--pmids", "a", "--format", "all"]) }
        #expect(throws: (any Error).self) { try ExportCommand.parse(["--pmids", "a", "--bundle", "b", "--out", "c"]) }
        #expect(throws: Never.self) { try ExportCommand.parse(["--pmids", "a", "--bundle", "b"]) }
    }

    @Test("A query exports its hits")
    func query() throws {
        let (folder, index) = try Self.makeIndex(); defer { folder.remove() }
        let (output, failed) = try Self.export(["--index", index, "--query", "ketamine", "--format", "csv"])
        #expect(!failed, "\(output.standardError)")
        let pmids = output.standardOutput.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" }
        #expect(Set(pmids) == ["10000001", "10000002", "10000004"])
    }

    @Test("Search filters narrow a query export, and a bad query exits 64")
    func queryFilters() throws {
        let (folder, index) = try Self.makeIndex(); defer { folder.remove() }
        let (output, failed) = try Self.export(["--index", index, "--query", "ketamine", "--since", "2019", "--format", "ris"])
        #expect(!failed, "\(output.standardError)")
        #expect(Set(output.standardOutput.split(separator: "\r\n").filter { $0.hasPrefix("AN  - ") }) == ["AN  - 10000002", "AN  - 10000004"])
        let command = try ExportCommand.parse(["--index", index, "--query", "ketamine AND (", "--format", "ris"])
        let capture = CommandOutput.capturing()
        #expect(throws: ExitCode(64)) { try command.run(output: capture) }
        #expect(capture.standardError.hasPrefix("error: "))
    }

    @Test("--out writes the file atomically and replaces an older one")
    func outFile() throws {
        let (folder, index) = try Self.makeIndex(); defer { folder.remove() }
        let target = folder.path("refs.md")
        try "old".write(toFile: target, atomically: true, encoding: .utf8)
        let (output, failed) = try Self.export(["--index", index, "--pmids", "-", "--format", "markdown", "--style", "apa", "--out", target], stdin: "10000004")
        #expect(!failed)
        #expect(output.standardOutput.isEmpty)
        let text = try String(contentsOfFile: target, encoding: .utf8)
        #expect(text.contains("van der Berg, A., & McLean, I. (2020)."))
    }

    @Test("A bundle holds every format and a manifest; verify-bundle accepts it, then catches tampering", arguments: ["bundle", "bundle.zip"])
    func bundle(name: String) throws {
        let (folder, index) = try Self.makeIndex(); defer { folder.remove() }
        let bundle = folder.path(name)
        let (output, failed) = try Self.export(["--index", index, "--pmids", "-", "--bundle", bundle], stdin: "10000002 10000001 20301546")
        #expect(!failed, "\(output.standardError)")
        let verification = try BundleVerification.verify(at: URL(fileURLWithPath: bundle))
        let manifest = verification.manifest
        #expect(manifest.pmids.map(\.value) == [10000002, 10000001, 20301546])
        #expect(manifest.source.kind == "pmids" && manifest.source.value == "<stdin>")
        #expect(manifest.tool.version == EvidenceVersion.current)
        #expect(manifest.created == "2027-01-15T08:00:00Z")
        #expect(manifest.index.snapshot?.count == 64)
        #expect(manifest.index.ingestedFiles.count == 4)
        #expect(manifest.counts == .init(records: 3, items: 3, claims: 0, files: 7))
        #expect(manifest.files.map(\.name) == ["citations.ris", "citations.bib", "citations.json", "citations.nbib", "evidence.csv",
                                                "references-vancouver.md", "references-apa.md"])
        #expect(verification.isIntact)

        var result = try Self.verify(["--index", index, bundle])
        #expect(!result.failed)
        #expect(result.output.standardOutput.contains("hashes: all 7 files match manifest.json"))
        #expect(result.output.standardOutput.contains("reproduction: yes: same index snapshot"))

        // The same bundle path again is refused, and the first one stays.
        let again = try Self.export(["--index", index, "--pmids", "-", "--bundle", bundle], stdin: "10000004")
        #expect(again.failed && again.output.standardError == "error: \(bundle): already exists; choose a new path or remove it first\n")
        #expect(try BundleVerification.verify(at: URL(fileURLWithPath: bundle)).manifest.pmids.count == 3)

        guard name == "bundle" else { return }
        // Tampering with one file is caught.
        let ris = URL(fileURLWithPath: bundle).appendingPathComponent("citations.ris")
        try (try String(contentsOf: ris, encoding: .utf8) + "TY  - JOUR\r\nER  - \r\n").write(to: ris, atomically: true, encoding: .utf8)
        result = try Self.verify(["--index", index, bundle])
        #expect(result.failed)
        #expect(result.output.standardOutput.contains("modified citations.ris"))
    }

    @Test("verify-bundle tells whether a changed index still reproduces the bundle")
    func reproduction() throws {
        let (folder, index) = try Self.makeIndex(["collective-author-medline-date", "book-chapter"]); defer { folder.remove() }
        let bundle = folder.path("b")
        #expect(try !Self.export(["--index", index, "--pmids", "-", "--bundle", bundle], stdin: "10000001").failed)
        // A new file changes the snapshot but not record 10000001.
        let store = try ArticleStore(path: index)
        _ = ArticleIngester(store: store).ingest(paths: [Self.fixtures.appendingPathComponent("no-doi-page-range.xml").path])
        store.close()
        var result = try Self.verify(["--index", index, bundle])
        #expect(!result.failed)
        #expect(result.output.standardOutput.contains("reproduction: yes: the snapshot changed"))
        // An index without the record cannot reproduce it; --strict makes that an error.
        let (other, otherIndex) = try Self.makeIndex(["book-chapter"]); defer { other.remove() }
        result = try Self.verify(["--index", otherIndex, "--strict", bundle])
        #expect(result.failed)
        #expect(result.output.standardOutput.contains("reproduction: no: the index \(otherIndex) lacks 1 of the bundle's PMIDs (10000001)"))
    }

    @Test("A check report exports its citations with stances, quotes and verdicts")
    func checkReport() throws {
        let (folder, index) = try Self.makeIndex(); defer { folder.remove() }
        let report = folder.path("report.json")
        try """
        {"schema": "evidence.check-report/1", "article": {"source": "a.md"}, "snapshot": "0000",
         "claims": [
           {"id": "c1", "text": "Ketamine helps, \\"fast\\".", "verdict": "supported", "reason": "2 supporting",
            "citations": [{"pmid": "10000004", "stance": "supports", "score": 0.9, "quote": "We randomized 86 adults.", "design": "rct", "n": 86, "year": 2020},
                          {"pmid": 10000001, "stance": "mixed", "score": 0.4, "quote": "50% responded, (P < .05)", "design": "case report", "n": 12, "year": 1998}]},
           {"id": "c2", "text": "Nothing cited.", "verdict": "insufficient", "reason": "no evidence", "citations": []},
           {"id": "c3", "text": "Again.", "verdict": "supported", "reason": "", "citations": [{"pmid": "10000004", "stance": "supports", "quote": "n = 43 per arm"}]}
         ],
         "skipped": []}
        """.write(toFile: report, atomically: true, encoding: .utf8)
        let bundle = folder.path("check-bundle")
        let (output, failed) = try Self.export(["--index", index, "--check", report, "--bundle", bundle, "--format", "csv", "--format", "bibtex"])
        #expect(!failed, "\(output.standardError)")
        #expect(output.standardError.contains("was made against index snapshot 0000"))
        let csv = try String(contentsOfFile: bundle + "/evidence.csv", encoding: .utf8)
        #expect(csv == """
            pmid,year,design,n,title,journal,doi,claim_id,stance,verdict,quote\r
            10000004,2020,RCT,86,Ketamine and sleep in TRD measured with mRNA levels in London: a randomized trial.,"Journal of psychopharmacology (Oxford, England)",,c1,supports,supported,We randomized 86 adults.\r
            10000001,1998,case report,12,Ketamine infusions for refractory depression: a multicentre case series.,The British journal of psychiatry : the journal of mental science,,c1,mixed,supported,"50% responded, (P < .05)"\r
            10000004,2020,RCT,86,Ketamine and sleep in TRD measured with mRNA levels in London: a randomized trial.,"Journal of psychopharmacology (Oxford, England)",,c3,supports,supported,n = 43 per arm\r

            """)
        let manifest = try BundleVerification.verify(at: URL(fileURLWithPath: bundle)).manifest
        #expect(manifest.source.kind == "check")
        #expect(manifest.pmids.map(\.value) == [10000004, 10000001])
        #expect(manifest.claims.map(\.id) == ["c1", "c2", "c3"])
        #expect(manifest.claims[1].verdict == "insufficient")
        #expect(manifest.claims[0].citations.map(\.quote) == ["We randomized 86 adults.", "50% responded, (P < .05)"])
        #expect(manifest.counts == .init(records: 2, items: 3, claims: 3, files: 2))
        let verification = try Self.verify(["--index", index, bundle])
        #expect(!verification.failed && verification.output.standardOutput.contains("reproduction: yes"))
    }

    @Test("A malformed check report is an error naming the file and the field")
    func badReport() throws {
        let (folder, index) = try Self.makeIndex(); defer { folder.remove() }
        let report = folder.path("bad.json")
        try #"{"claims": [{"id": "c1", "citations": [{"pmid": "12x"}]}]}"#.write(toFile: report, atomically: true, encoding: .utf8)
        let (output, failed) = try Self.export(["--index", index, "--check", report, "--format", "ris"])
        #expect(failed)
        #expect(output.standardError.hasPrefix("error: \(report): not a usable check report: claims[0].citations[0].pmid: '12x' is not a PMID"))
    }
}
