import Foundation
import Testing
import EvidenceTestSupport
import PubMed
@testable import EvidenceStore

@Suite("Packed search text")
struct PackedSearchTextTests {
    @Test("fields round-trip, NULL and empty included", arguments: [
        ["Background: P<0.001 in Østergaard’s trial.\nMethods: n = 12", "Depression; Depression/drug therapy", nil, "Müller J; Straße A"],
        [nil, nil, "esketamine", nil],
        ["", nil, nil, ""],
    ] as [[String?]])
    func roundTrip(fields: [String?]) throws {
        let blob = try #require(try PackedSearchText.pack(fields))
        #expect(blob.first.map { $0 & 0xF0 } == 0x80)
        #expect(try blob.withUnsafeBytes { try PackedSearchText.unpack($0) } == fields)
    }

    @Test("a damaged blob is an error, not text", arguments: [
        [0x81, 0xFF, 0xFF, 0xFF],   // the header says one field, then no valid deflate stream
        [0x41, 0x42, 0x43],         // no header at all
    ] as [[UInt8]])
    func damaged(bytes: [UInt8]) {
        #expect(throws: PackedSearchText.Failure.self) {
            _ = try bytes.withUnsafeBytes { try PackedSearchText.unpack($0) }
        }
    }

    @Test("a truncated deflate stream is an error")
    func truncated() throws {
        let blob = try #require(try PackedSearchText.pack([String(repeating: "ketamine response ", count: 50), nil, nil, nil]))
        #expect(throws: PackedSearchText.Failure.self) {
            _ = try blob.prefix(blob.count / 2).withUnsafeBytes { try PackedSearchText.unpack($0) }
        }
    }

    @Test("no blob when every field is NULL")
    func allNull() throws {
        #expect(try PackedSearchText.pack([nil, nil, nil, nil]) == nil)
    }

    @Test("one encoder packs many records the same as fresh ones")
    func reusedEncoder() throws {
        let encoder = PackedSearchText.Encoder()
        for index in 0..<50 {
            let fields: [String?] = [String(repeating: "ketamine trial \(index) ", count: index), nil, "k\(index)", "A B"]
            #expect(try encoder.pack(fields) == PackedSearchText.pack(fields))
        }
    }

    @Test("the SQL functions read fields, test presence without inflating, and pack")
    func sqlFunctions() throws {
        let database = try Database(path: ":memory:")
        let blob = try #require(try PackedSearchText.pack(["abstract text", nil, "kw", "Smith J"]))
        #expect(try database.scalarString("SELECT evidence_text(?, 0)", arguments: [blob]) == "abstract text")
        #expect(try database.scalarString("SELECT evidence_text(?, 1)", arguments: [blob]) == nil)
        #expect(try database.scalarString("SELECT evidence_text(?, 3)", arguments: [blob]) == "Smith J")
        #expect(try database.scalarString("SELECT evidence_text(NULL, 0)") == nil)
        #expect(try database.scalarInt("SELECT evidence_text_has(?, 0) + 2 * evidence_text_has(?, 1)", arguments: [blob, blob]) == 1)
        #expect(try database.scalarString("SELECT evidence_text(evidence_pack_text('a', NULL, 'c', 'd'), 2)") == "c")
        // A blob that is not packed text is an error, never a crash.
        #expect(throws: DatabaseError.self) { try database.scalarString("SELECT evidence_text(x'8101020304', 0)") }
    }

    @Test("an ingested record reads its texts back, and writing skips inflating them only while inserting")
    func skipsOnlyWhileInserting() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        try store.store(Fixture.record(31, title: "Ketamine", authors: [Author(lastName: "Åsberg", initials: "M")], abstract: "Infusion trial."))
        let db = store.database
        #expect(try db.withoutPackedTexts { try db.scalarString("SELECT abstract FROM article WHERE pmid = 31") } == nil)
        #expect(try db.scalarString("SELECT abstract FROM article WHERE pmid = 31") == "Infusion trial.")
        #expect(try db.scalarString("SELECT author_names FROM article WHERE pmid = 31") == "Åsberg M")
        // Replacing deletes through the trigger, which reads the old text: the FTS index stays exact.
        try store.store(Fixture.record(31, version: 2, title: "Esketamine", abstract: "Spray trial."))
        #expect(try db.scalarInt("SELECT count(*) FROM article_fts WHERE article_fts MATCH 'infusion OR asberg'") == 0)
        #expect(try db.scalarInt("SELECT count(*) FROM article_fts WHERE article_fts MATCH 'spray'") == 1)
        try db.execute("INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)")
    }
}
