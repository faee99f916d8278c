import Foundation
import Testing
import EvidenceTestSupport
@testable import PubMed

/// The parser over the real PubMed files in `../shared/corpus`.
@Suite("Real PubMed files")
struct PubMedParserCorpusTests {
    static let baseline = "corpus/pubmed/pubmed20n0014.xml.gz"
    static let update = "corpus/pubmed/pubmed21n1298.xml.gz"
    static let fixtures = "corpus/fixtures"
    static let ketamine = "corpus/ketamine"

    @Test("the 2020 baseline file: every record, matching an independent count",
          .enabled(if: SharedData.isAvailable(baseline)))
    func baselineFile() throws {
        let path = try SharedData.url(Self.baseline).path
        var records = 0
        var pmids = Set<PMID>()
        var roundTripped = 0
        let summary = try PubMedParser().parse(.file(path: path)) { item in
            guard case .record(let record) = item else { return }
            records += 1
            pmids.insert(record.pmid)
            if records % 500 == 0 {
                try OriginalXMLWriterTests.expectRoundTrip(record)
                roundTripped += 1
            }
        }
        let independent = try Self.count(["<PubmedArticle>", "<PubmedBookArticle>"], inGzip: path)
        #expect(records == independent)
        #expect(records == 30_000)
        #expect(pmids.count == 30_000)
        #expect(summary.records == records)
        #expect(summary.deletions == 0)
        #expect(roundTripped == 60)
    }

    @Test("the 2021 update file: records, deletions, versions of PMID 30271887, titles and round trips",
          .enabled(if: SharedData.isAvailable(update)))
    func updateFile() throws {
        let path = try SharedData.url(Self.update).path
        var records: [PubMedRecord] = []
        var deleted: [PMID] = []
        _ = try PubMedParser().parse(.file(path: path)) { item in
            switch item {
            case .record(let record): records.append(record)
            case .deletion(let pmids): deleted += pmids
            }
        }
        let independent = try Self.count(["<PubmedArticle>", "<PubmedBookArticle>"], inGzip: path)
        #expect(records.count == independent)
        #expect(records.count == 20_788)
        #expect(deleted.count == 20)
        #expect(try Self.count(["<PMID Version="], inGzip: path, within: "<DeleteCitation>") == 20)
        #expect(records.filter { $0.pmid == PMID(30271887) }.map(\.version) == [1, 2, 3, 4])

        // No record loses its title unless the XML has none.
        for record in records where record.title == nil {
            let xml = record.originalXML
            #expect(!xml.contains("<ArticleTitle>") || xml.contains("<ArticleTitle></ArticleTitle>"),
                    "PMID \(record.pmid) has an ArticleTitle but no title")
        }
        let emptyTitles = try Self.count(["<ArticleTitle/>", "<ArticleTitle></ArticleTitle>"], inGzip: path)
        #expect(records.filter { $0.title == nil }.count == emptyTitles)

        // Fields the file is known to hold.
        #expect(records.contains { $0.abstract.count > 1 && $0.abstract.allSatisfy { $0.label != nil } })
        #expect(records.contains { $0.authors.contains { $0.collectiveName != nil } })
        #expect(records.contains { $0.commentsCorrections.contains { $0.type == "ErratumIn" } })
        #expect(Set(records.compactMap(\.status)).count >= 5)
        #expect(records.contains { $0.pmid == PMID(33984391) })

        for (index, record) in records.enumerated() where index % 50 == 0 {
            try OriginalXMLWriterTests.expectRoundTrip(record)
        }
    }

    @Test("every fixture file parses, except the malformed one, which is refused with its line",
          .enabled(if: SharedData.isAvailable(fixtures)))
    func fixtureFiles() throws {
        let files = try PubMedParser.inputFiles(under: SharedData.url(Self.fixtures).path)
        #expect(files.count > 200)
        var parsed = 0
        for file in files {
            if file.hasSuffix("MedlineImporterTestMalformedEntry.xml") {
                do {
                    _ = try ParserFixtures.parse(.file(path: file))
                    Issue.record("the malformed entry parsed")
                } catch let error as ParseDiagnostic {
                    #expect(error.severity == .error)
                    #expect(error.line != nil)
                    #expect(error.file == file)
                }
                continue
            }
            let result = try ParserFixtures.parse(.file(path: file))
            let independent = try Self.countRecords(in: file)
            #expect(result.records.count == independent, "\(file)")
            for record in result.records {
                try OriginalXMLWriterTests.expectRoundTrip(record)
            }
            parsed += 1
        }
        #expect(parsed == files.count - 1)
    }

    @Test("book articles parse as books", .enabled(if: SharedData.isAvailable(fixtures)), arguments: [
        "jabref/MedlineImporterTestPubmedBook.xml", "jabref/MedlineImporterTestBookArticleSet.xml",
        "entrez-direct/esample_book.xml", "metapub/20301546.xml",
    ])
    func bookArticles(file: String) throws {
        let result = try ParserFixtures.parse(.file(path: SharedData.url("\(Self.fixtures)/\(file)").path))
        let books = result.records.filter { $0.kind == .book }
        #expect(!books.isEmpty)
        for book in books {
            #expect(book.book != nil)
            if book.originalXML.contains("<BookTitle") || book.originalXML.contains("<ArticleTitle>") {
                #expect(book.title != nil, "PMID \(book.pmid)")
            }
        }
    }

    @Test("legacy MedlineCitationSet files parse, with their deletion",
          .enabled(if: SharedData.isAvailable(fixtures)))
    func legacyFiles() throws {
        let sample = try ParserFixtures.parse(.file(path: SharedData.url("\(Self.fixtures)/legacy/medsamp2006.xml").path))
        #expect(sample.summary.rootElement == "MedlineCitationSet")
        #expect(sample.records.count == 88)
        let lease = try ParserFixtures.parse(.file(path: SharedData.url("\(Self.fixtures)/legacy/medline16n0902.xml.gz").path))
        #expect(lease.records.count == 604)
        #expect(lease.summary.deletions >= 1)
    }

    @Test("the ketamine files parse", .enabled(if: SharedData.isAvailable(ketamine)), arguments: [
        "esketamine-trd-records.xml", "esketamine-trials-efetch.xml",
    ])
    func ketamineFiles(file: String) throws {
        let path = try SharedData.url("\(Self.ketamine)/\(file)").path
        let result = try ParserFixtures.parse(.file(path: path))
        #expect(result.records.count == (try Self.count(["<PubmedArticle>", "<PubmedBookArticle>"], in: path)))
        #expect(!result.records.isEmpty)
        #expect(result.records.contains { ($0.title ?? "").lowercased().contains("ketamine") })
    }

    // MARK: Independent counts

    /// Record openings in the (possibly gzipped) file: `PubmedArticle` and `PubmedBookArticle`,
    /// or bare `MedlineCitation` in a legacy set.
    static func countRecords(in path: String) throws -> Int {
        let gzip = path.hasSuffix(".gz")
        let count = { (needles: [String]) in gzip ? try Self.count(needles, inGzip: path) : try Self.count(needles, in: path) }
        let records = try count(["<PubmedArticle>", "<PubmedBookArticle>"])
        return records > 0 ? records : try count(["<MedlineCitation ", "<MedlineCitation>"])
    }

    /// Occurrences of any of `needles` in the file's bytes (only after `within` when given).
    static func count(_ needles: [String], in path: String, within: String? = nil) throws -> Int {
        try count(needles, in: Data(contentsOf: URL(fileURLWithPath: path)), within: within)
    }

    /// Occurrences of any of `needles` in the gunzipped bytes of `path`.
    static func count(_ needles: [String], inGzip path: String, within: String? = nil) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return count(needles, in: data, within: within)
    }

    private static func count(_ needles: [String], in data: Data, within: String?) -> Int {
        var total = 0
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            if let within, let offset = Self.firstOffset(of: Array(within.utf8), in: bytes) { start = offset }
            for needle in needles.map({ Array($0.utf8) }) {
                var index = start
                while index + needle.count <= bytes.count {
                    if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) {
                        total += 1
                        index += needle.count
                    } else {
                        index += 1
                    }
                }
            }
        }
        return total
    }

    private static func firstOffset(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
