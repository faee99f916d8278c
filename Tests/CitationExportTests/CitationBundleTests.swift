import CitationExport
import EvidenceTestSupport
import Foundation
import PubMed
import Testing

struct CitationBundleTests {
    static func manifest() -> BundleManifest {
        BundleManifest(tool: .init(version: "test"), created: "2026-01-01T00:00:00Z", source: .init(kind: "pmids", value: "list.txt"),
                       pmids: [], index: .init(snapshot: "abc"), formats: CitationFormat.allCases, styles: ReferenceStyle.allCases)
    }

    @Test("A stored zip round-trips and Python's zipfile reads it")
    func zipRoundTrip() throws {
        let entries = [StoredZip.Entry(name: "a.txt", data: Data("hello\n".utf8)), StoredZip.Entry(name: "ü/b.bib", data: Data(repeating: 0x41, count: 70_000))]
        let archive = try StoredZip.archive(entries, date: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(try StoredZip.entries(of: archive, path: "x.zip") == entries)
        var corrupted = archive
        corrupted[40] ^= 0xFF
        #expect(throws: CitationExportError.self) { try StoredZip.entries(of: corrupted, path: "x.zip") }
        if Consumers.isInstalled("python3") {
            let folder = try TemporaryDirectory(); defer { folder.remove() }
            try archive.write(to: folder.url.appendingPathComponent("t.zip"))
            let result = try Consumers.run(["python3", "-c", "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(','.join(z.namelist()))", folder.path("t.zip")])
            #expect(String(decoding: result.stdout, as: UTF8.self) == "a.txt,ü/b.bib\n", "\(result.stderr)")
        }
    }

    @Test("Writing a bundle is all or nothing, and never replaces an existing one")
    func atomicWrites() throws {
        let folder = try TemporaryDirectory(); defer { folder.remove() }
        let items = ExportFixtures.itemsWithClaims
        let target = folder.url.appendingPathComponent("bundle")
        let written = try CitationBundle(items: items).write(to: target, manifest: Self.manifest())
        #expect(written.counts == .init(records: 7, items: 8, claims: 0, files: 7))
        #expect(try BundleVerification.verify(at: target).isIntact)
        #expect(throws: CitationExportError.targetExists(path: target.path)) {
            try CitationBundle(items: items).write(to: target, manifest: Self.manifest())
        }
        #expect(throws: CitationExportError.empty) {
            try CitationBundle(items: []).write(to: folder.url.appendingPathComponent("empty"), manifest: Self.manifest())
        }
        let missingParent = folder.url.appendingPathComponent("no/such/bundle.zip")
        #expect(throws: CitationExportError.self) { try CitationBundle(items: items).write(to: missingParent, manifest: Self.manifest()) }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0 != "bundle" }
        #expect(leftovers.isEmpty)
    }

    @Test("Claims in a bundle rebuild the same items")
    func claimItemsRoundTrip() {
        let items = ExportFixtures.itemsWithClaims.filter { $0.claim != nil }
        let summaries = BundleManifest.claimSummaries(of: items)
        #expect(summaries.map(\.id) == ["c1", "c2"])
        let records = Dictionary(items.map { ($0.record.pmid, $0.record) }, uniquingKeysWith: { first, _ in first })
        let rebuilt = BundleManifest.items(for: summaries, records: records)
        #expect(EvidenceTableCSV.render(rebuilt) == EvidenceTableCSV.render(items.sorted { ($0.claim?.claimID ?? "") < ($1.claim?.claimID ?? "") }))
    }
}
