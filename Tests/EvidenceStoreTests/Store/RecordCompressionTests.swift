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

    static let record = """
        <PubmedArticle>
            <MedlineCitation Status="MEDLINE" Owner="NLM">
              <PMID Version="1">399296</PMID>
              <Article PubModel="Print">
                <ArticleTitle>Monitoring of bacteriological contamination.</ArticleTitle>
                <AuthorList CompleteYN="Y">
                  <Author ValidYN="Y">
                    <LastName>Østergaard</LastName>
                    <ForeName>Søren D</ForeName>
                    <Initials>SD</Initials>
                  </Author>
                </AuthorList>
                <Language>eng</Language>
              </Article>
              <MeshHeadingList>
                <MeshHeading>
                  <DescriptorName UI="D006801" MajorTopicYN="N">Humans</DescriptorName>
                </MeshHeading>
              </MeshHeadingList>
            </MedlineCitation>
          </PubmedArticle>
        """

    @Test("the preset dictionary makes a typical record smaller, and the blob names it")
    func dictionary() throws {
        let withDictionary = try RecordCompression.compress(Self.record)
        let plain = try RecordCompression.compress(Self.record, dictionary: false)
        #expect(withDictionary.count < plain.count * 3 / 4)
        #expect(withDictionary[1] & 0x20 != 0, "FDICT set in the zlib header")
        #expect(try RecordCompression.decompress(withDictionary) == Self.record)
    }

    @Test("blobs written without the dictionary (older indexes) still decompress", arguments: [Int32(1), 6, 9])
    func plainBlobs(level: Int32) throws {
        let plain = try RecordCompression.compress(Self.record, level: level, dictionary: false)
        #expect(plain[1] & 0x20 == 0)
        #expect(try RecordCompression.decompress(plain) == Self.record)
    }

    @Test("a blob that needs an unknown dictionary, or is cut short, is an error")
    func unknownDictionary() throws {
        var blob = try RecordCompression.compress(Self.record)
        blob[2] ^= 0xFF  // corrupt the DICTID
        #expect(throws: RecordCompression.Failure.self) { try RecordCompression.decompress(blob) }
        let whole = try RecordCompression.compress(Self.record)
        #expect(throws: RecordCompression.Failure.self) { try RecordCompression.decompress(whole.prefix(whole.count / 2)) }
    }
}
