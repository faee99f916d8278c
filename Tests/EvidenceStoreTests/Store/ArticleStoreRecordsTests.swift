import Foundation
import Testing
import EvidenceTestSupport
import PubMed
@testable import EvidenceStore

@Suite("Reading many records at once")
struct ArticleStoreRecordsTests {
    /// A PubmedArticleSet of `pmids` at `version`.
    private func file(_ directory: TemporaryDirectory, _ name: String, pmids: [Int], version: Int = 1) throws -> String {
        var xml = "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n"
        for pmid in pmids {
            xml += """
                <PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="\(version)">\(pmid)</PMID>
                <Article PubModel="Print"><ArticleTitle>Record \(pmid) version \(version): Østergaard</ArticleTitle>
                <AuthorList><Author ValidYN="Y"><LastName>Smith\(pmid)</LastName><Initials>J</Initials></Author></AuthorList>
                </Article></MedlineCitation></PubmedArticle>

                """
        }
        xml += "</PubmedArticleSet>\n"
        let path = directory.path(name)
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("records(_:) gives what record(_:) gives for each PMID, in order, nil for missing ones")
    func sameAsOneByOne() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        _ = ArticleIngester(store: store).ingest(paths: [try file(directory, "a.xml", pmids: Array(1...70))])
        // PMID 40 stored on its own blob, as a single replacement is.
        let xml = try String(contentsOfFile: try file(directory, "b.xml", pmids: [40], version: 2), encoding: .utf8)
        _ = try store.store(try #require(try PubMedParser().records(fromXML: xml).first))
        // Out of order, across chunks, with a repeat and PMIDs not in the index.
        let asked = [70, 3, 999, 40, 33, 1, 3, 64, 65, 2, 1_000].map { PMID(Int64($0)) }
        let batch = try store.records(asked)
        #expect(batch.count == asked.count)
        for (pmid, record) in zip(asked, batch) {
            #expect(record == (try store.record(pmid)), "\(pmid)")
            #expect(record?.pmid == ((try store.contains(pmid)) ? pmid : nil))
        }
        #expect(batch[3]?.version == 2)
        #expect(batch[1]?.title == "Record 3 version 1: Østergaard")
        #expect(try store.records([]).isEmpty)
    }

    @Test("a damaged chunk is an unreadable-record error naming the first PMID asked for in it")
    func damagedChunk() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        _ = ArticleIngester(store: store).ingest(paths: [try file(directory, "a.xml", pmids: Array(1...40))])
        let chunk = try #require(try store.database.scalarInt("SELECT original_chunk FROM article WHERE pmid = 35"))
        try store.database.execute("UPDATE original_chunk SET xml = X'0102030405' WHERE id = ?", arguments: [chunk])
        #expect(try store.records([PMID(1), PMID(2)]).count == 2)
        #expect(throws: ArticleStoreError.self) { try store.records([PMID(1), PMID(36), PMID(35)]) }
        do {
            _ = try store.records([PMID(1), PMID(36), PMID(35)])
        } catch let ArticleStoreError.unreadableRecord(pmid, _) {
            #expect(pmid == PMID(36))
        }
    }
}
