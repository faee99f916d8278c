import EUtilities
import EvidenceTestSupport
import Foundation
import Testing

@Suite("Gzip")
struct GzipTests {
    @Test("compressing then decompressing gives the bytes back")
    func roundTrip() throws {
        let text = Data(String(repeating: "<PubmedArticle>ketamine</PubmedArticle>\n", count: 5000).utf8)
        let compressed = try Gzip.compress(text)
        #expect(Gzip.isGzip(compressed))
        #expect(compressed.count < text.count / 10)
        #expect(try Gzip.decompress(compressed) == text)
    }

    @Test("a gzip stream cut short is reported as truncated", arguments: [0.25, 0.5, 0.9])
    func truncated(fraction: Double) throws {
        let text = Data((0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
        let compressed = try Gzip.compress(text)
        let cut = compressed.prefix(Int(Double(compressed.count) * fraction))
        #expect(throws: GzipError.truncated) { try Gzip.decompress(Data(cut)) }
    }

    @Test("concatenated members decode one after another")
    func members() throws {
        let joined = try Gzip.compress(Data("first ".utf8)) + Gzip.compress(Data("second".utf8))
        #expect(try Gzip.decompress(joined) == Data("first second".utf8))
    }

    @Test("the test server's stored-block gzip is valid gzip")
    func storedGzip() throws {
        let text = Data(String(repeating: "x", count: 200_000).utf8)
        #expect(try Gzip.decompress(StoredGzip.encode(text)) == text)
    }
}
