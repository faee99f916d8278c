import Foundation
import Testing
import EvidenceTestSupport
import PubMed
@testable import EvidenceStore

@Suite("Chunked originals")
struct OriginalChunkTests {
    /// A PubmedArticleSet of `pmids` at `version`, with an optional DeleteCitation block.
    private func file(_ directory: TemporaryDirectory, _ name: String, pmids: [Int], version: Int = 1,
                      deleted: [Int] = []) throws -> String {
        var articles: [String] = []
        for pmid in pmids {
            articles.append("""
                <PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="\(version)">\(pmid)</PMID>
                <Article PubModel="Print"><ArticleTitle>Record \(pmid) version \(version): Østergaard P&lt;0.001</ArticleTitle>
                <AuthorList><Author ValidYN="Y"><LastName>Smith\(pmid)</LastName><Initials>J</Initials>
                <AffiliationInfo><Affiliation>University \(pmid).</Affiliation></AffiliationInfo></Author></AuthorList>
                </Article></MedlineCitation></PubmedArticle>

                """)
        }
        return try Fixture.writeArticleSet(articles, deleted: deleted, in: directory, name: name)
    }

    private func expectOriginalsRoundTrip(_ store: ArticleStore, _ pmids: [Int], version: Int) throws {
        for pmid in pmids {
            let xml = try #require(try store.originalXML(PMID(Int64(pmid))), "\(pmid)")
            #expect(xml.hasPrefix("<PubmedArticle>") && xml.hasSuffix("</PubmedArticle>"), "\(pmid)")
            let record = try #require(try store.record(PMID(Int64(pmid))))
            #expect(record.pmid == PMID(Int64(pmid)))
            #expect(record.version == version)
            #expect(record.title == "Record \(pmid) version \(version): Østergaard P<0.001")
            #expect(record.authors.first?.affiliations == ["University \(pmid)."])
        }
    }

    @Test("an ingested file's originals go into chunks of consecutive records and read back exactly")
    func roundTrip() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        let pmids = Array(1...70)
        let report = ArticleIngester(store: store).ingest(paths: [try file(directory, "a.xml", pmids: pmids)])
        #expect(!report.hasFailures)
        let chunks = Int64((pmids.count + ArticleRow.chunkRecords - 1) / ArticleRow.chunkRecords)
        #expect(try store.database.scalarInt("SELECT count(*) FROM original_chunk") == chunks, "16 + 16 + 16 + 16 + 6 records")
        #expect(try store.database.scalarInt("SELECT count(*) FROM article WHERE length(original_xml) > 0") == 0)
        #expect(try store.database.scalarInt("SELECT count(DISTINCT original_chunk) FROM article") == chunks)
        try expectOriginalsRoundTrip(store, pmids, version: 1)
        // Parsing the stored original gives the same record as parsing the file did.
        let parsed = try PubMedParser().records(fromXML: String(contentsOfFile: directory.path("a.xml"), encoding: .utf8))
        for record in parsed {
            #expect(try store.originalXML(record.pmid) == record.originalXML)
        }
    }

    @Test("replacing and deleting records keeps the others readable and removes chunks nothing uses")
    func replaceAndDelete() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        let first = try file(directory, "v1.xml", pmids: Array(1...40))
        // Version 2 of 1…32 (the whole first chunk) and of 35; 36 and 37 deleted.
        let second = try file(directory, "v2.xml", pmids: Array(1...32) + [35], version: 2, deleted: [36, 37])
        let report = ArticleIngester(store: store).ingest(paths: [first, second])
        #expect(!report.hasFailures)
        #expect(report.files.map(\.replaced) == [0, 33])
        #expect(report.files.map(\.deletedRecords) == [0, 2])
        try expectOriginalsRoundTrip(store, Array(1...32) + [35], version: 2)
        try expectOriginalsRoundTrip(store, [33, 34] + Array(38...40), version: 1)
        #expect(try store.originalXML(PMID(36)) == nil)
        // v1's chunks of 1…32 are all replaced and gone; its last chunk (33…40) still holds live
        // records and stays, with the dead slices of 35, 36 and 37; v2 wrote ceil(33 / 16) chunks.
        let written = Int64((33 + ArticleRow.chunkRecords - 1) / ArticleRow.chunkRecords)
        #expect(32 % ArticleRow.chunkRecords == 0)
        #expect(try store.database.scalarInt("SELECT count(*) FROM original_chunk") == 1 + written)
        #expect(try store.removeUnreferencedOriginals() == 0)
        // Deleting the rest of v1's second chunk leaves it unreferenced.
        try store.delete([33, 34, 38, 39, 40].map { PMID(Int64($0)) })
        #expect(try store.removeUnreferencedOriginals() == 1)
        try expectOriginalsRoundTrip(store, Array(1...32) + [35], version: 2)
        #expect(try store.database.query("PRAGMA integrity_check") { $0.string(0) } == ["ok"])
    }

    @Test("a record stored on its own keeps its own blob, and replacing a chunked one with it works")
    func singleRecords() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        _ = ArticleIngester(store: store).ingest(paths: [try file(directory, "a.xml", pmids: [1, 2, 3])])
        let xml = try String(contentsOfFile: try file(directory, "b.xml", pmids: [2], version: 3), encoding: .utf8)
        let record = try #require(try PubMedParser().records(fromXML: xml).first)
        #expect(try store.store(record) == .replaced)
        #expect(try store.database.scalarInt("SELECT original_chunk IS NULL AND length(original_xml) > 0 FROM article WHERE pmid = 2") == 1)
        try expectOriginalsRoundTrip(store, [2], version: 3)
        try expectOriginalsRoundTrip(store, [1, 3], version: 1)
    }
}
