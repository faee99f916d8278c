import EUtilities
import EvidenceTestSupport
import Foundation

/// Shared pieces for the E-utilities tests: real records from ../shared, and clients wired
/// to a fake service with a clock that does not wait.
enum FetchTestSupport {
    static let ketaminePath = "corpus/ketamine/esketamine-trd-records.xml"
    static let trialsPath = "corpus/ketamine/esketamine-trials-efetch.xml"

    /// The ketamine/TRD records plus the three esketamine trials, one per PMID.
    static let ketamineChunks: [PubMedXMLChunk] = {
        var seen = Set<UInt64>()
        var result: [PubMedXMLChunk] = []
        for path in [ketaminePath, trialsPath] {
            guard let url = try? SharedData.url(path), let chunks = try? PubMedXMLSplitter.chunks(ofFile: url) else { continue }
            for chunk in chunks where seen.insert(chunk.pmid).inserted { result.append(chunk) }
        }
        return result
    }()

    /// The ketamine records dated one a week from 2019.
    static func ketamineRecords() -> [FakeEUtilities.Record] {
        FakeEUtilities.records(from: ketamineChunks, startingAt: (2019, 1, 1), spacing: 7)
    }

    /// A client for `fake` that retries quickly on a manual clock.
    static func client(
        for fake: FakeEUtilities,
        clock: MonotonicClock = ManualClock(),
        apiKey: String? = nil,
        maxAttempts: Int = 6,
        limiter: RateLimiter? = nil
    ) -> EUtilitiesClient {
        let configuration = EUtilitiesConfiguration(
            baseURL: fake.baseURL,
            apiKey: apiKey,
            email: "tests@example.org",
            tool: "evidence-tests",
            timeout: 10,
            retry: RetryPolicy(maxAttempts: maxAttempts, baseDelay: 0.5, maxDelay: 4)
        )
        return EUtilitiesClient(
            configuration: configuration,
            rateLimiter: limiter ?? RateLimiter(requestsPerSecond: configuration.requestsPerSecond, clock: clock),
            clock: clock,
            random: { 0.5 }
        )
    }
}

/// Collects what a fetch hands to its ingest callback.
final class IngestLog: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var batches: [SavedBatch] = []
    var failOnBatch: Int?

    struct InjectedFailure: Error {}

    func ingest(_ batch: SavedBatch) throws {
        lock.lock(); defer { lock.unlock() }
        if let failOnBatch, batches.count + 1 == failOnBatch {
            self.failOnBatch = nil
            throw InjectedFailure()
        }
        batches.append(batch)
    }

    var ids: [EntrezUID] {
        lock.lock(); defer { lock.unlock() }
        return batches.flatMap(\.recordIDs)
    }
}
