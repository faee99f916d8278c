import Foundation
import Testing
@testable import EvidenceStore

@Suite("RecordCompression")
struct RecordCompressionTests {
    @Test("text round-trips through zlib", arguments: ["", "x", "<PMID>1</PMID> Østergaard – P<0.001 ∑ 😀", String(repeating: "<Author>Smith</Author>", count: 20_000)])
    func roundTrip(text: String) throws {
        #expect(try RecordCompression.decompress(RecordCompression.compress(text)) == text)
    }

    @Test("repetitive XML gets much smaller")
    func ratio() throws {
        let xml = String(repeating: "<Author ValidYN=\"Y\"><LastName>Smith</LastName></Author>\n", count: 200)
        #expect(try RecordCompression.compress(xml).count * 10 < xml.utf8.count)
    }

    @Test("garbage is an error, not a crash")
    func garbage() {
        #expect(throws: RecordCompression.Failure.self) { try RecordCompression.decompress(Data([1, 2, 3, 4])) }
        #expect(throws: RecordCompression.Failure.self) { try RecordCompression.decompress(Data()) }
    }
}
