import CitationExport
import Foundation
import PubMed
import Testing

/// Large exports render in parallel chunks; the output must not depend on the chunking.
struct ParallelRenderingTests {
    /// 1,500 records: the hard cases with fresh PMIDs.
    static let items: [ExportItem] = (0..<1_500).map { index in
        var record = ExportFixtures.all[index % ExportFixtures.all.count]
        record.pmid = PMID(Int64(40_000_000 + index))
        return ExportItem(record: record)
    }

    @Test("Chunked output equals record-by-record output", arguments: [CitationFormat.ris, .medline, .bibtex, .markdown])
    func sameAsSequential(format: CitationFormat) {
        let whole = format.render(Self.items)
        switch format {
        case .ris, .medline:
            #expect(whole == Self.items.map { format.render([$0]) }.joined())
        case .bibtex:
            let keys = BibTeXKey.uniqueKeys(for: Self.items.map(\.record))
            let entries = whole.components(separatedBy: "\n@").map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
            #expect(entries.count == 1_500)
            #expect(entries.map { String($0.drop { $0 != "{" }.dropFirst().prefix { $0 != "," }) } == keys)
        default:
            let lines = whole.split(separator: "\n").dropFirst()
            #expect(lines.count == 1_500)
            #expect(lines.enumerated().allSatisfy { $0.element.hasPrefix("\($0.offset + 1). ") })
        }
    }

    @Test("Chunked CSL-JSON and CSV stay well-formed, one entry per item")
    func wellFormed() throws {
        let json = try JSONSerialization.jsonObject(with: Data(CitationFormat.cslJSON.render(Self.items).utf8)) as? [[String: Any]]
        #expect(json?.count == 1_500)
        #expect(json?.last?["PMID"] as? String == "40001499")
        let csv = CitationFormat.csv.render(Self.items)
        #expect(csv.components(separatedBy: "\r\n").count == 1_502)
    }
}
