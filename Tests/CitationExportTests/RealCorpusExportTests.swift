import CitationExport
import EvidenceTestSupport
import Foundation
import PubMed
import Testing

/// The formats over real PubMed records from `../shared/corpus`, read back by every consumer.
@Suite("Real records, real consumers")
struct RealCorpusExportTests {
    static func records(_ relativePaths: [String]) throws -> [PubMedRecord] {
        var records: [PubMedRecord] = []
        for relative in relativePaths {
            _ = try PubMedParser().parse(.file(path: try SharedData.url(relative).path)) { item in
                if case .record(let record) = item { records.append(record) }
            }
        }
        return records
    }

    @Test("PubMed web exports (106 + 93 records)",
          .enabled(if: SharedData.isAvailable("corpus/fixtures/exports/sr-project_pubmed_result_2015dtd.xml")))
    func webExports() throws {
        let records = try Self.records(["corpus/fixtures/exports/sr-project_pubmed_result_2015dtd.xml",
                                        "corpus/fixtures/exports/pubMR_pubmed_result_2019dtd.xml"])
        #expect(records.count == 199)
        try ConsumerTests.verifyWithEveryConsumer(records)
    }

    @Test("metapub single-record fixtures", .enabled(if: SharedData.isAvailable("corpus/fixtures/metapub/20301546.xml")))
    func metapub() throws {
        let folder = try SharedData.url("corpus/fixtures/metapub")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xml") }.sorted()
        let records = try Self.records(names.map { "corpus/fixtures/metapub/\($0)" })
        #expect(records.count >= 200)
        try ConsumerTests.verifyWithEveryConsumer(records)
    }

    @Test("Ketamine and esketamine records", .enabled(if: SharedData.isAvailable("corpus/ketamine/esketamine-trials-efetch.xml")))
    func ketamine() throws {
        let records = try Self.records(["corpus/ketamine/esketamine-trials-efetch.xml", "corpus/ketamine/esketamine-trd-records.xml"])
        #expect(records.count == 123)
        try ConsumerTests.verifyWithEveryConsumer(records)
        let keys = BibTeXKey.uniqueKeys(for: records)
        #expect(keys.first == "daly2019esketamine")
        #expect(Set(keys).count == keys.count)
    }
}
