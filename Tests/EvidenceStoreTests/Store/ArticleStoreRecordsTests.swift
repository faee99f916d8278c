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

    @Test("records(_:keepingOriginalXML: false) gives the same records without their XML")
    func withoutOriginalXML() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        _ = ArticleIngester(store: store).ingest(paths: [try file(directory, "a.xml", pmids: Array(1...70))])
        let asked = [70, 3, 999, 33, 1, 3, 64, 65, 2].map { PMID(Int64($0)) }
        let batch = try store.records(asked, keepingOriginalXML: false)
        for (pmid, record) in zip(asked, batch) {
            var expected = try store.record(pmid)
            expected?.originalXML = ""
            #expect(record == expected, "\(pmid)")
        }
    }

    @Test("a chunk whose records cannot be parsed together is parsed record by record")
    func parsedTogetherFallsBack() throws {
        let one = Array("<PubmedArticle><MedlineCitation><PMID>1</PMID></MedlineCitation></PubmedArticle>".utf8)
        let two = Array("<?xml version=\"1.0\"?>\n<PubmedArticle><MedlineCitation><PMID>2</PMID></MedlineCitation></PubmedArticle>".utf8)
        let members = [StoredOriginals.Member(index: 0, range: 0..<one.count),
                       StoredOriginals.Member(index: 1, range: one.count..<(one.count + two.count))]
        let pmids = [PMID(1), PMID(2)]
        // An XML declaration inside the joined document: not well-formed, so nil.
        #expect(ArticleStore.parsedTogether(members, of: one + two, pmids: pmids, parser: PubMedParser()) == nil)
        // A PMID other than the one asked for: nil.
        #expect(ArticleStore.parsedTogether([members[0], StoredOriginals.Member(index: 1, range: 0..<one.count)], of: one,
                                              pmids: pmids, parser: PubMedParser()) == nil)
        // Two good ones: the records, with lines counted from each original's start.
        let twoLines = Array("\n<PubmedArticle><MedlineCitation><PMID>2</PMID></MedlineCitation></PubmedArticle>".utf8)
        let parsed = ArticleStore.parsedTogether(
            [members[0], StoredOriginals.Member(index: 1, range: one.count..<(one.count + twoLines.count))],
            of: one + twoLines, pmids: pmids, parser: PubMedParser())
        #expect(parsed?.map(\.pmid) == pmids)
        #expect(parsed?.map(\.sourceLine) == [1, 2])
        #expect(parsed?.first == (try PubMedParser().records(fromBytes: one)).first)
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
