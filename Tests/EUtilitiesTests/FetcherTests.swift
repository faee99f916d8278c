import EUtilities
import EvidenceTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite("Fetcher", .enabled(if: SharedData.isAvailable(FetchTestSupport.ketaminePath)))
struct FetcherTests {
    struct Run {
        var fake: FakeEUtilities
        var folder: TemporaryDirectory
        var log = IngestLog()
        var events = EventLog()
    }

    func makeRun(records: [FakeEUtilities.Record] = FetchTestSupport.ketamineRecords()) throws -> Run {
        Run(fake: try FakeEUtilities(records: records), folder: try TemporaryDirectory(prefix: "fetcher"))
    }

    func fetch(_ run: Run, job: FetchJob, clock: ManualClock = ManualClock()) throws -> FetchSummary {
        let client = FetchTestSupport.client(for: run.fake, clock: clock)
        let fetcher = Fetcher(client: client, job: job, folder: run.folder.url, clock: clock,
                              ingest: { try run.log.ingest($0) }, observe: { run.events.append($0) })
        return try fetcher.run()
    }

    func allIDs(_ run: Run) -> Set<EntrezUID> {
        Set(FetchTestSupport.ketamineRecords().map { EntrezUID(rawValue: $0.pmid) })
    }

    /// Whether `ids` holds exactly `expected` (compared without printing thousands of ids).
    func sameSet(_ ids: [EntrezUID], _ expected: Set<EntrezUID>) -> Bool {
        Set(ids) == expected
    }

    /// Every PMID served across all efetch responses, with repeats.
    func served(_ run: Run) -> [UInt64] {
        run.fake.servedBatches.flatMap { $0 }
    }

    @Test("every record arrives exactly once, saved gzipped and ingested batch by batch")
    func exactlyOnce() throws {
        let run = try makeRun()
        defer { run.fake.stop(); run.folder.remove() }
        let summary = try fetch(run, job: FetchJob(query: "ketamine", batchSize: 25))
        let expected = allIDs(run)
        #expect(expected.count >= 120)
        #expect(summary.recordsFetched == expected.count)
        #expect(summary.batchesFetched == (expected.count + 24) / 25)
        #expect(run.log.ids.count == expected.count)
        #expect(sameSet(run.log.ids, expected), "the records fetched are not the records served")
        #expect(served(run).count == expected.count)

        let files = try FileManager.default.contentsOfDirectory(atPath: run.folder.url.path).sorted()
        #expect(files.filter { $0.hasSuffix(".xml.gz") }.count == summary.batchesFetched)
        #expect(files.contains("all-r000000.xml.gz"))
        #expect(files.contains("all-r000025.xml.gz"))
        #expect(files.contains(FetchState.fileName))
        #expect(!files.contains { $0.hasSuffix(".tmp") })
        let saved = try Data(contentsOf: run.folder.url.appendingPathComponent("all-r000000.xml.gz"))
        let scan = PubMedXMLScan(try Gzip.decompress(saved))
        #expect(scan.isComplete && scan.recordIDs.count == 25)
    }

    @Test("faults along the way cost retries, not records")
    func faults() throws {
        let run = try makeRun()
        defer { run.fake.stop(); run.folder.remove() }
        run.fake.inject(.status(429, retryAfter: "2"), on: "esearch.fcgi")
        run.fake.inject(.status(500, retryAfter: nil), on: "efetch.fcgi")
        run.fake.inject(.reset, on: "efetch.fcgi")
        run.fake.inject(.truncatedGzip, on: "efetch.fcgi")
        run.fake.inject(.errorBody("Search Backend failed"), on: "efetch.fcgi")
        run.fake.inject(.cutShort, on: "efetch.fcgi")
        let summary = try fetch(run, job: FetchJob(query: "ketamine", batchSize: 40))
        #expect(sameSet(run.log.ids, allIDs(run)), "the records fetched are not the records served")
        #expect(run.log.ids.count == allIDs(run).count)
        #expect(summary.recordsFetched == allIDs(run).count)
        // No error body or partial body was saved: every file is complete PubMed XML.
        for batch in run.log.batches {
            let scan = PubMedXMLScan(try Gzip.decompress(Data(contentsOf: batch.url)))
            #expect(scan.rootElement == "PubmedArticleSet" && scan.isComplete && scan.errorMessage == nil)
        }
    }

    @Test("an esearch count above the cap is sliced by date until every slice fits")
    func slicing() throws {
        let chunks = (1...12_345).map { PubMedXMLSplitter.syntheticRecord(pmid: UInt64(20_000_000 + $0), title: "R\($0)", year: 2020) }
        let records = FakeEUtilities.records(from: chunks, startingAt: (1990, 1, 1), spacing: 1)
        let run = try makeRun(records: records)
        defer { run.fake.stop(); run.folder.remove() }
        let summary = try fetch(run, job: FetchJob(query: "synthetic", batchSize: 2_000))
        let expected = Set(chunks.map { EntrezUID(rawValue: $0.pmid) })
        #expect(sameSet(run.log.ids, expected), "the records fetched are not the records served")
        #expect(run.log.ids.count == expected.count)
        #expect(served(run).count == expected.count)
        #expect(summary.recordsMatched == 12_345)
        #expect(summary.slicesSearched > 2)
        let searches = run.fake.requests(to: "esearch.fcgi")
        #expect(searches.first?.parameters["mindate"] == nil)
        #expect(searches.dropFirst().allSatisfy { $0.parameters["mindate"] != nil && $0.parameters["datetype"] == "edat" })
        #expect(run.events.splits > 0)
    }

    @Test("a fetch stopped after some batches resumes without fetching any batch again")
    func resumeAfterLimit() throws {
        let run = try makeRun()
        defer { run.fake.stop(); run.folder.remove() }
        let first = try fetch(run, job: FetchJob(query: "ketamine", batchSize: 20, batchLimit: 2))
        #expect(first.stoppedAtLimit)
        #expect(first.batchesFetched == 2)
        #expect(run.log.ids.count == 40)

        let second = try fetch(run, job: FetchJob(query: "ketamine", batchSize: 20))
        #expect(second.recordsBefore == 40)
        #expect(second.batchesSkipped == 2)
        #expect(sameSet(run.log.ids, allIDs(run)), "the records fetched are not the records served")
        #expect(run.log.ids.count == allIDs(run).count)
        #expect(served(run).count == allIDs(run).count, "a record was fetched twice")

        let third = try fetch(run, job: FetchJob(query: "ketamine", batchSize: 20))
        #expect(third.recordsFetched == 0)
        #expect(run.fake.servedBatches.count == first.batchesFetched + second.batchesFetched)
    }

    @Test("a batch saved but not recorded when the run died is recovered, not fetched again")
    func resumeAfterCrash() throws {
        let run = try makeRun()
        defer { run.fake.stop(); run.folder.remove() }
        run.log.failOnBatch = 3
        #expect(throws: IngestLog.InjectedFailure.self) {
            try fetch(run, job: FetchJob(query: "ketamine", batchSize: 30))
        }
        #expect(run.log.ids.count == 60)
        #expect(run.fake.servedBatches.count == 3)
        // A half-written temporary file from the killed run is cleaned up.
        try Data("partial".utf8).write(to: run.folder.url.appendingPathComponent(".all-r000090.xml.gz.123.tmp"))

        let second = try fetch(run, job: FetchJob(query: "ketamine", batchSize: 30))
        #expect(second.batchesRecovered == 1)
        #expect(sameSet(run.log.ids, allIDs(run)), "the records fetched are not the records served")
        #expect(run.log.ids.count == allIDs(run).count)
        #expect(served(run).count == allIDs(run).count, "a record was fetched twice")
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: run.folder.url.path)).contains { $0.hasSuffix(".tmp") })
    }

    @Test("when the result list shifts between runs only the missing records are fetched")
    func shiftedResults() throws {
        let records = FetchTestSupport.ketamineRecords()
        let newest = Array(records.suffix(15))
        let older = Array(records.dropLast(15))
        let run = try makeRun(records: older)
        defer { run.fake.stop(); run.folder.remove() }
        _ = try fetch(run, job: FetchJob(query: "ketamine", batchSize: 20, batchLimit: 3))
        run.fake.replaceRecords(older + newest)
        _ = try fetch(run, job: FetchJob(query: "ketamine", batchSize: 20))
        #expect(sameSet(run.log.ids, allIDs(run)), "the records fetched are not the records served")
        #expect(served(run).count == allIDs(run).count, "a record was fetched twice")
        #expect(run.fake.requests(to: "efetch.fcgi").contains { $0.parameters["id"] != nil })
    }

    @Test("a damaged batch file is discarded and fetched again")
    func damagedFile() throws {
        let run = try makeRun()
        defer { run.fake.stop(); run.folder.remove() }
        _ = try fetch(run, job: FetchJob(query: "ketamine", batchSize: 50, batchLimit: 1))
        try Data([0x1F, 0x8B, 0x08, 0x00]).write(to: run.folder.url.appendingPathComponent("all-r000050.xml.gz"))
        _ = try fetch(run, job: FetchJob(query: "ketamine", batchSize: 50))
        #expect(run.events.discarded == ["all-r000050.xml.gz"])
        #expect(sameSet(run.log.ids, allIDs(run)), "the records fetched are not the records served")
    }

    @Test("a batch file deleted by hand is fetched again")
    func deletedFile() throws {
        let run = try makeRun()
        defer { run.fake.stop(); run.folder.remove() }
        _ = try fetch(run, job: FetchJob(query: "ketamine", batchSize: 50))
        try FileManager.default.removeItem(at: run.folder.url.appendingPathComponent("all-r000050.xml.gz"))
        let second = try fetch(run, job: FetchJob(query: "ketamine", batchSize: 50))
        #expect(second.batchesFetched == 1)
        #expect(second.recordsFetched == 50)
        #expect(run.events.warnings.contains { $0.hasPrefix("all-r000050.xml.gz is no longer in the folder") })
        #expect(FileManager.default.fileExists(atPath: run.folder.url.appendingPathComponent("all-r000050.xml.gz").path))
    }

    @Test("records esearch lists but efetch leaves out are asked for again on the next run")
    func withheld() throws {
        let records = FetchTestSupport.ketamineRecords()
        let run = try makeRun(records: records)
        defer { run.fake.stop(); run.folder.remove() }
        let hidden = records[3].pmid
        run.fake.withheldFromEFetch = [hidden]
        let first = try fetch(run, job: FetchJob(query: "ketamine", batchSize: 50))
        #expect(first.recordsAbsent == 1)
        #expect(first.recordsFetched == records.count - 1)
        #expect(run.events.warnings.contains { $0.contains("\(hidden)") && $0.contains("the next run asks for them again") })
        let efetchesBefore = run.fake.requests(to: "efetch.fcgi").count

        run.fake.withheldFromEFetch = []
        let second = try fetch(run, job: FetchJob(query: "ketamine", batchSize: 50))
        #expect(second.recordsFetched == 1)
        let retry = try #require(run.fake.requests(to: "efetch.fcgi").dropFirst(efetchesBefore).first)
        #expect(retry.parameters["id"] == "\(hidden)")
        #expect(run.log.ids.count == records.count)
    }

    @Test("a response holding none of the records asked for saves no file")
    func emptyResponse() throws {
        let records = Array(FetchTestSupport.ketamineRecords().prefix(10))
        let run = try makeRun(records: records)
        defer { run.fake.stop(); run.folder.remove() }
        run.fake.withheldFromEFetch = Set(records.map(\.pmid))
        let summary = try fetch(run, job: FetchJob(query: "ketamine", batchSize: 50))
        #expect(summary.batchesFetched == 0)
        #expect(summary.recordsAbsent == 10)
        #expect(try FileManager.default.contentsOfDirectory(atPath: run.folder.url.path).filter { $0.hasSuffix(".xml.gz") }.isEmpty)
    }

    @Test("--max caps the records the folder holds, across runs")
    func maximum() throws {
        let run = try makeRun()
        defer { run.fake.stop(); run.folder.remove() }
        let first = try fetch(run, job: FetchJob(query: "ketamine", maxRecords: 45, batchSize: 20))
        #expect(first.recordsFetched == 45)
        #expect(run.log.ids.count == 45)
        let second = try fetch(run, job: FetchJob(query: "ketamine", maxRecords: 45, batchSize: 20))
        #expect(second.recordsFetched == 0)
        #expect(run.fake.requests(to: "esearch.fcgi").count == 1)
    }

    @Test("a folder holding another query is refused")
    func otherQuery() throws {
        let run = try makeRun()
        defer { run.fake.stop(); run.folder.remove() }
        _ = try fetch(run, job: FetchJob(query: "ketamine", batchSize: 50, batchLimit: 1))
        #expect(throws: FetchError.self) { try fetch(run, job: FetchJob(query: "psilocybin")) }
    }

    @Test("a folder another fetch is writing is refused")
    func busyFolder() throws {
        let run = try makeRun()
        defer { run.fake.stop(); run.folder.remove() }
        let path = run.folder.url.appendingPathComponent("fetch.lock").path
        let descriptor = open(path, O_RDWR | O_CREAT, 0o644)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        do {
            _ = try fetch(run, job: FetchJob(query: "ketamine"))
            Issue.record("two fetches wrote the same folder")
        } catch FetchError.busy {
        }
        #expect(run.fake.server.requests.isEmpty)
        flock(descriptor, LOCK_UN)
        _ = try fetch(run, job: FetchJob(query: "ketamine", maxRecords: 1))
        #expect(run.log.ids.count == 1)
    }

    @Test("records the date slices cannot reach are reported, not silently lost")
    func unreachableByDate() throws {
        var records = FetchTestSupport.ketamineRecords()
        records[0].day = "3000/01/01"
        let run = try makeRun(records: records)
        defer { run.fake.stop(); run.folder.remove() }
        let summary = try fetch(run, job: FetchJob(query: "ketamine", batchSize: 50, searchCap: 60))
        #expect(summary.recordsFetched == records.count - 1)
        #expect(run.events.warnings.contains { $0.contains("matches \(records.count) records but its date slices listed \(records.count - 1)") })
    }

    @Test("book articles and records from single-record efetch files arrive too",
          .enabled(if: SharedData.isAvailable("corpus/fixtures/metapub/20301546.xml")))
    func metapub() throws {
        let folder = try SharedData.url("corpus/fixtures/metapub")
        var seen = Set<UInt64>()
        var chunks: [PubMedXMLChunk] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".xml") {
            chunks += try PubMedXMLSplitter.chunks(ofFile: folder.appendingPathComponent(name)).filter { seen.insert($0.pmid).inserted }
        }
        #expect(seen.contains(20_301_546))
        let run = try makeRun(records: FakeEUtilities.records(from: chunks, startingAt: (2010, 1, 1), spacing: 3))
        defer { run.fake.stop(); run.folder.remove() }
        _ = try fetch(run, job: FetchJob(query: "metapub", batchSize: 100))
        #expect(run.log.ids.count == chunks.count)
        #expect(sameSet(run.log.ids, Set(chunks.map { EntrezUID(rawValue: $0.pmid) })))
    }

    @Test("progress reports records, batches, rate and an estimate")
    func progress() throws {
        let run = try makeRun()
        defer { run.fake.stop(); run.folder.remove() }
        _ = try fetch(run, job: FetchJob(query: "ketamine", batchSize: 40))
        let last = try #require(run.events.progress.last)
        #expect(last.recordsInFolder == allIDs(run).count)
        #expect(last.expectedRecords == allIDs(run).count)
        #expect(last.batchesFetched == run.events.progress.count)
        #expect(last.elapsedSeconds > 0)
        #expect(last.estimatedSecondsLeft == 0)
    }
}

/// Fetch events, collected.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [FetchEvent] = []
    func append(_ event: FetchEvent) {
        lock.lock(); stored.append(event); lock.unlock()
    }
    var events: [FetchEvent] {
        lock.lock(); defer { lock.unlock() }
        return stored
    }
    var splits: Int { events.filter { if case .split = $0 { return true }; return false }.count }
    var discarded: [String] { events.compactMap { if case .discarded(let file, _) = $0 { return file }; return nil } }
    var warnings: [String] { events.compactMap { if case .warning(let text) = $0 { return text }; return nil } }
    var progress: [FetchProgress] { events.compactMap { if case .batch(_, let progress) = $0 { return progress }; return nil } }
}
