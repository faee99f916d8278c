import CitationExport
import EvidenceTestSupport
import Foundation
import PubMed
import Testing

/// Records parsed from the small XML fixtures in `Fixtures/XML/` (one per quirk), exported in
/// every format and compared with golden files, then read back by every consumer.
struct XMLFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/XML")
    static let names = ["collective-author-medline-date", "diacritics-vernacular-markup", "book-chapter", "no-doi-page-range"]

    /// Every fixture's records, in `names` order.
    static func records() throws -> [PubMedRecord] {
        try names.flatMap { name -> [PubMedRecord] in
            var records: [PubMedRecord] = []
            _ = try PubMedParser().parse(.file(path: folder.appendingPathComponent(name + ".xml").path)) { item in
                if case .record(let record) = item { records.append(record) }
            }
            return records
        }
    }

    @Test("The XML fixtures parse into the hard cases")
    func fixturesParse() throws {
        let records = try Self.records()
        #expect(records.map(\.pmid.value) == [10000001, 10000002, 20301546, 10000004])
        #expect(records[0].authors.first?.isCollective == true)
        #expect(records[0].pubDate?.medlineDate == "1998 Dec-1999 Jan")
        #expect(records[0].doi == nil)
        #expect(records[1].vernacularTitle?.hasPrefix("Эффекты") == true)
        #expect(records[2].kind == .book && records[2].isBookChapter)
    }

    @Test("Each format of the XML fixtures matches its golden file", arguments: [
        ("xml-fixtures.ris", CitationFormat.ris, ReferenceStyle.vancouver), ("xml-fixtures.bib", .bibtex, .vancouver),
        ("xml-fixtures.json", .cslJSON, .vancouver), ("xml-fixtures.nbib", .medline, .vancouver),
        ("xml-fixtures.csv", .csv, .vancouver), ("xml-fixtures-vancouver.md", .markdown, .vancouver),
        ("xml-fixtures-apa.md", .markdown, .apa),
    ])
    func golden(name: String, format: CitationFormat, style: ReferenceStyle) throws {
        let actual = format.render(try Self.records().map { ExportItem(record: $0) }, style: style)
        let url = GoldenFileTests.goldenFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["EVIDENCE_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
        }
        #expect(Data(actual.utf8) == (try Data(contentsOf: url)), "\(name) differs from Fixtures/Golden/\(name)")
    }

    @Test("Every consumer reads every format of the XML fixtures")
    func consumers() throws {
        try ConsumerTests.verifyWithEveryConsumer(try Self.records())
    }
}
