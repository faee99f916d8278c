import Foundation
import Testing
import EvidenceTestSupport
import PubMed
@testable import EvidenceStore

@Suite("Chunks sized to fill pages")
struct ChunkPageFillTests {
    static let words = ["ketamine", "depression", "randomized", "placebo", "trial", "patients", "response", "week",
                        "dose", "mg/kg", "infusion", "remission", "scores", "baseline", "adverse", "effects", "were",
                        "the", "of", "and", "in", "with", "a", "significant", "p=0.001", "95%", "CI", "cohort"]

    /// Random text of about `length` characters from `words` and numbers.
    static func text(length: Int, using generator: inout SeededGenerator) -> String {
        var parts: [String] = []
        var count = 0
        while count < length {
            let word = Bool.random(using: &generator) ? words.randomElement(using: &generator)! : String(Int.random(in: 0...9999, using: &generator))
            parts.append(word)
            count += word.count + 1
        }
        return parts.joined(separator: " ")
    }

    /// What a blob takes on its leaf, as SQLite stores it.
    static func leafPart(_ size: Int) -> Int {
        ChunkPageFill.leafBytes(size) ?? ChunkPageFill.minLocal + ChunkPageFill.cellOverhead(payload: ChunkPageFill.payload(blob: size))
    }

    @Test("the model of the leaves matches SQLite's: same leaf and overflow page counts for blobs of every size")
    func leafModel() throws {
        let directory = try TemporaryDirectory(prefix: "evidence-page-fill")
        let database = try Database(path: directory.path("pages.sqlite"))
        try database.execute("PRAGMA page_size = 16384")
        try database.execute("CREATE TABLE original_chunk (id INTEGER PRIMARY KEY, xml BLOB NOT NULL)")
        var generator = SeededGenerator(seed: 7)
        var pages = ChunkPageFill()
        var leaves = 1, overflows = 0
        try database.transaction {
            // Ids from 16,384: 3-byte rowid varints, as the model takes them.
            for id in 16_384..<(16_384 + 1500) {
                let size = [Int.random(in: 100...3000, using: &generator), Int.random(in: 3000...16_400, using: &generator),
                            Int.random(in: 16_300...60_000, using: &generator)][Int.random(in: 0...2, using: &generator)]
                if Self.leafPart(size) > pages.room { leaves += 1 }
                let payload = ChunkPageFill.payload(blob: size)
                if payload > ChunkPageFill.maxLocal {
                    let local = ChunkPageFill.minLocal + (payload - ChunkPageFill.minLocal) % ChunkPageFill.overflowBytes
                    let stored = local <= ChunkPageFill.maxLocal ? local : ChunkPageFill.minLocal
                    overflows += (payload - stored + ChunkPageFill.overflowBytes - 1) / ChunkPageFill.overflowBytes
                }
                pages.place(compressed: size, raw: size * 4)
                try database.execute("INSERT INTO original_chunk(id, xml) VALUES (?, zeroblob(?))", arguments: [id, size])
            }
        }
        let counts = try database.query("SELECT pagetype, count(*) FROM dbstat WHERE name = 'original_chunk' GROUP BY pagetype") {
            ($0.string(0) ?? "", $0.int(1))
        }
        let byType = Dictionary(uniqueKeysWithValues: counts)
        #expect(byType["leaf"] == leaves)
        #expect(byType["overflow"] == overflows)
    }

    @Test("leafBytes: whole rows up to maxLocal, split rows by their leaf part, nil where an overflow page would stay part empty")
    func leafBytes() {
        // Blob, record header (size, NULL id, 2-byte serial type), cell pointer, rowid, payload size.
        #expect(ChunkPageFill.leafBytes(100) == 100 + 2 + 2 + 2 + 3 + 1)
        let largestWhole = ChunkPageFill.maxLocal - 5
        #expect(ChunkPageFill.payload(blob: largestWhole) == ChunkPageFill.maxLocal)
        #expect(ChunkPageFill.leafBytes(largestWhole).map { $0 <= ChunkPageFill.pageRoom } == true)
        // Just over maxLocal: the leaf part would exceed maxLocal, so SQLite keeps minLocal and the
        // overflow page is mostly empty.
        #expect(ChunkPageFill.leafBytes(largestWhole + 1) == nil)
        // One full overflow page and a leaf part of minLocal + 100 bytes.
        let split = ChunkPageFill.minLocal + ChunkPageFill.overflowBytes + 100 - 5
        #expect(ChunkPageFill.leafBytes(split) == ChunkPageFill.minLocal + 100 + 2 + 3 + 3)
    }

    @Test("packed chunks hold every record byte for byte, at most chunkRecords each, and fill their leaves")
    func packing() throws {
        var generator = SeededGenerator(seed: 11)
        var items: [IngestItem] = []
        var originals: [Int64: String] = [:]
        for pmid in Int64(1)...600 {
            var record = Fixture.record(pmid, title: "Record \(pmid)")
            // Mostly small records, some large (about a page compressed).
            let length = Int.random(in: 0...9, using: &generator) == 0 ? Int.random(in: 20_000...90_000, using: &generator)
                : Int.random(in: 300...4000, using: &generator)
            let abstract = Self.text(length: length, using: &generator)
            record.abstract = [AbstractSection(text: abstract)]
            record.originalXML = """
                <PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">\(pmid)</PMID>\
                <Article><ArticleTitle>Record \(pmid)</ArticleTitle><Abstract><AbstractText>\(abstract)</AbstractText></Abstract>\
                </Article></MedlineCitation></PubmedArticle>
                """
            originals[pmid] = record.originalXML
            items.append(.row(try ArticleRow(record, chunked: true)))
            if pmid % 97 == 0 { items.append(.deletion([PMID(pmid + 10_000)])) }
        }
        var pages = ChunkPageFill()
        try ArticleRow.packOriginals(&items, pages: &pages)
        var chunk: [UInt8] = []
        var inChunk = 0
        var sizes: [Int] = []
        for item in items {
            guard case .row(let row) = item else { continue }
            if let compressed = row.chunk {
                chunk = try RecordCompression.decompressBytes(compressed)
                sizes.append(compressed.count)
                inChunk = 0
            }
            inChunk += 1
            #expect(inChunk <= ArticleRow.chunkRecords)
            let place = try #require(row.chunkPlace)
            #expect(String(decoding: chunk[place.offset..<(place.offset + place.length)], as: UTF8.self) == originals[row.pmid.value])
            #expect(row.originalXML == nil && row.chunkText == nil)
            if let text = row.textPlace {
                #expect(text.offset == place.offset + place.length)
                #expect(text.offset + text.length <= chunk.count)
            }
        }
        // Replaying the chunks through the model: the leaves they start are mostly full.
        var replay = ChunkPageFill()
        var leaves = 1, used = 0
        for size in sizes {
            if Self.leafPart(size) > replay.room { leaves += 1 }
            used += Self.leafPart(size)
            replay.place(compressed: size, raw: size * 4)
        }
        // A large record that does not fit what is left of a leaf starts the next one, so this mix
        // (a tenth of the records 5-20 times the others) fills its leaves less than the ingest below.
        #expect(Double(used) / Double(leaves * ChunkPageFill.pageRoom) > 0.75, "\(used) bytes in \(leaves) leaves")
    }

    @Test("an ingest leaves little of original_chunk's pages unused, and reads every original back")
    func ingestFill() throws {
        let (store, directory) = try Fixture.store()
        defer { store.close() }
        var generator = SeededGenerator(seed: 3)
        var articles: [String] = []
        var abstracts: [Int: String] = [:]
        for pmid in 1...1500 {
            let abstract = Self.text(length: Int.random(in: 200...3000, using: &generator), using: &generator)
            abstracts[pmid] = abstract
            articles.append("""
                <PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">\(pmid)</PMID>
                <Article PubModel="Print"><ArticleTitle>Record \(pmid)</ArticleTitle>\
                <Abstract><AbstractText>\(abstract)</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>

                """)
        }
        let path = try Fixture.writeArticleSet(articles, in: directory, name: "fill.xml")
        #expect(!ArticleIngester(store: store).ingest(paths: [path]).hasFailures)
        for pmid in [1, 2, 17, 700, 1500] {
            let xml = try #require(try store.originalXML(PMID(Int64(pmid))))
            #expect(xml.contains(abstracts[pmid]!))
            #expect(try store.database.scalarString("SELECT abstract FROM article WHERE pmid = ?", arguments: [pmid]) == abstracts[pmid])
        }
        let (size, unused) = try #require(try store.database.queryFirst(
            "SELECT sum(pgsize), sum(unused) FROM dbstat WHERE name = 'original_chunk' AND pagetype = 'leaf'") { ($0.int(0), $0.int(1)) })
        // The last leaf may be part empty; the others are nearly full (a quarter empty before).
        #expect(Double(unused - 16_384) / Double(size) < 0.05, "\(unused) of \(size) bytes unused")
    }
}
