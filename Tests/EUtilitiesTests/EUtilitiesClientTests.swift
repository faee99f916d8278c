@testable import EUtilities
import EvidenceTestSupport
import Foundation
import Testing

@Suite("EUtilitiesClient")
struct EUtilitiesClientTests {
    static let records: [FakeEUtilities.Record] = (1...40).map { index in
        let chunk = PubMedXMLSplitter.syntheticRecord(pmid: UInt64(1000 + index), title: "Ketamine study \(index)", year: 2020)
        return FakeEUtilities.Record(pmid: chunk.pmid, day: String(format: "2020/01/%02d", (index % 28) + 1), xml: chunk.xml)
    }

    func search(_ client: EUtilitiesClient, retmax: Int = 100) throws -> ESearchResult {
        try client.search(ESearchRequest(term: "ketamine[tiab] AND \"depression\"", retmax: retmax))
    }

    @Test("esearch sends the query with history, tool, email and key, and reads the JSON answer")
    func esearch() throws {
        let fake = try FakeEUtilities(records: Self.records)
        defer { fake.stop() }
        let client = FetchTestSupport.client(for: fake, apiKey: "secret-key")
        let result = try search(client, retmax: 10)
        #expect(result.count == 40)
        #expect(result.ids.count == 10)
        #expect(result.webEnv != nil && result.queryKey == "1")
        let request = try #require(fake.requests(to: "esearch.fcgi").first)
        #expect(request.parameters["term"] == "ketamine[tiab] AND \"depression\"")
        #expect(request.parameters["usehistory"] == "y")
        #expect(request.parameters["retmode"] == "json")
        #expect(request.parameters["db"] == "pubmed")
        #expect(request.parameters["tool"] == "evidence-tests")
        #expect(request.parameters["email"] == "tests@example.org")
        #expect(request.parameters["api_key"] == "secret-key")
    }

    @Test("a date range is sent as mindate/maxdate with its datetype")
    func dates() throws {
        let fake = try FakeEUtilities(records: Self.records)
        defer { fake.stop() }
        let client = FetchTestSupport.client(for: fake)
        let range = DateRange(first: CalendarDay(parsing: "2020-01-01")!, last: CalendarDay(parsing: "2020-01-05")!)
        let result = try client.search(ESearchRequest(term: "x", dateRange: range, dateType: .pdat, retmax: 100))
        #expect(result.count == Self.records.filter { $0.day <= "2020/01/05" }.count)
        let request = try #require(fake.requests(to: "esearch.fcgi").first)
        #expect(request.parameters["mindate"] == "2020/01/01")
        #expect(request.parameters["maxdate"] == "2020/01/05")
        #expect(request.parameters["datetype"] == "pdat")
    }

    @Test("efetch by history returns the window, checked complete")
    func efetchHistory() throws {
        let fake = try FakeEUtilities(records: Self.records)
        defer { fake.stop() }
        let client = FetchTestSupport.client(for: fake)
        let result = try search(client)
        let response = try client.fetch(.history(webEnv: result.webEnv!, queryKey: result.queryKey!, retstart: 5, retmax: 10))
        #expect(response.recordIDs == Array(result.ids[5..<15]))
        let request = try #require(fake.requests(to: "efetch.fcgi").first)
        #expect(request.parameters["rettype"] == "xml")
        #expect(request.parameters["retmode"] == "xml")
        #expect(request.parameters["WebEnv"] == result.webEnv)
        #expect(request.parameters["retstart"] == "5")
    }

    @Test("efetch by ids is posted")
    func efetchIDs() throws {
        let fake = try FakeEUtilities(records: Self.records)
        defer { fake.stop() }
        let client = FetchTestSupport.client(for: fake)
        let ids = [EntrezUID(rawValue: 1003), EntrezUID(rawValue: 1017)]
        let response = try client.fetch(.ids(ids))
        #expect(response.recordIDs == ids)
        #expect(fake.requests(to: "efetch.fcgi").first?.method == "POST")
    }

    @Test("gzip-encoded efetch bodies are decoded")
    func gzipBodies() throws {
        let fake = try FakeEUtilities(records: Self.records)
        defer { fake.stop() }
        fake.gzipEFetch = true
        let client = FetchTestSupport.client(for: fake)
        let response = try client.fetch(.ids([EntrezUID(rawValue: 1001)]))
        #expect(response.recordIDs == [EntrezUID(rawValue: 1001)])
    }

    @Test("transient faults are retried until the real answer arrives", arguments: [
        FakeEUtilities.Fault.status(500, retryAfter: nil),
        .status(503, retryAfter: nil),
        .status(429, retryAfter: "3"),
        .reset,
        .cutShort,
        .truncatedGzip,
        .errorBody("Search Backend failed: Database is not supported: pubmed"),
        .jsonError("API rate limit exceeded"),
    ])
    func retried(fault: FakeEUtilities.Fault) throws {
        let fake = try FakeEUtilities(records: Self.records)
        defer { fake.stop() }
        let clock = ManualClock()
        let client = FetchTestSupport.client(for: fake, clock: clock)
        let retries = RetryLog()
        client.observeRetries { retries.append($0) }
        fake.inject(fault, on: "efetch.fcgi")
        let ids = (1001...1010).map { EntrezUID(rawValue: $0) }
        let response = try client.fetch(.ids(ids))
        #expect(response.recordIDs == ids)
        #expect(fake.requests(to: "efetch.fcgi").count == 2)
        #expect(retries.events.count == 1)
        if case .status(429, _) = fault {
            #expect(clock.sleeps.contains { $0 >= 3 }, "Retry-After: 3 was not honoured: \(clock.sleeps)")
        }
    }

    @Test("faults on esearch are retried as well", arguments: [
        FakeEUtilities.Fault.status(502, retryAfter: nil), .reset, .truncatedGzip, .errorBody("Search Backend failed"), .cutShort,
    ])
    func searchRetried(fault: FakeEUtilities.Fault) throws {
        let fake = try FakeEUtilities(records: Self.records)
        defer { fake.stop() }
        let client = FetchTestSupport.client(for: fake)
        fake.inject(fault, on: "esearch.fcgi")
        #expect(try search(client).count == 40)
        #expect(fake.requests(to: "esearch.fcgi").count == 2)
    }

    @Test("an error body that persists is an error, never data")
    func persistentError() throws {
        let fake = try FakeEUtilities(records: Self.records)
        defer { fake.stop() }
        let client = FetchTestSupport.client(for: fake)
        for _ in 0..<5 { fake.inject(.errorBody("Invalid uid list"), on: "efetch.fcgi") }
        do {
            _ = try client.fetch(.ids([EntrezUID(rawValue: 1001)]))
            Issue.record("an <ERROR> body was returned as data")
        } catch EUtilitiesError.retriesExhausted(let attempts, .service(_, let message)) {
            #expect(attempts == RetryPolicy().maxServiceErrorAttempts)
            #expect(message == "Invalid uid list")
        }
    }

    @Test("a 4xx other than 429 is not retried")
    func clientError() throws {
        let fake = try FakeEUtilities(records: Self.records)
        defer { fake.stop() }
        let client = FetchTestSupport.client(for: fake)
        fake.inject(.status(400, retryAfter: nil))
        #expect(throws: EUtilitiesError.self) { try search(client) }
        #expect(fake.server.requests.count == 1)
    }

    @Test("retries stop after the policy's attempts")
    func exhausted() throws {
        let fake = try FakeEUtilities(records: Self.records)
        defer { fake.stop() }
        let client = FetchTestSupport.client(for: fake, maxAttempts: 3)
        for _ in 0..<3 { fake.inject(.status(500, retryAfter: nil)) }
        do {
            _ = try search(client)
            Issue.record("expected the retries to run out")
        } catch EUtilitiesError.retriesExhausted(let attempts, .httpStatus(_, 500, _, _)) {
            #expect(attempts == 3)
        }
    }

    @Test("the API key is hidden in error messages")
    func hiddenKey() throws {
        let fake = try FakeEUtilities(records: Self.records)
        defer { fake.stop() }
        let client = FetchTestSupport.client(for: fake, apiKey: "top-secret", maxAttempts: 1)
        fake.inject(.status(500, retryAfter: nil))
        do {
            _ = try search(client)
        } catch {
            #expect(!"\(error)".contains("top-secret"))
            #expect("\(error)".contains("api_key=%2A%2A%2A"))
        }
    }

    @Test("Retry-After is read as seconds or as an HTTP date")
    func retryAfterHeader() {
        #expect(EUtilitiesClient.retryAfter("5") == 5)
        #expect(EUtilitiesClient.retryAfter("junk") == nil)
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(EUtilitiesClient.retryAfter("Tue, 14 Nov 2023 22:13:40 GMT", now: now) == 20)
    }

    @Test("esearch warnings and errors in JSON are told apart")
    func searchJSON() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/esearch-warnings", withExtension: "json"))
        let result = try ESearchResult.decode(json: Data(contentsOf: url), url: "u")
        #expect(result.count == 2)
        #expect(result.warnings.contains("phrasesnotfound: xyzzy"))
        #expect(throws: EUtilitiesError.self) {
            try ESearchResult.decode(json: Data(#"{"esearchresult":{"ERROR":"Invalid query"}}"#.utf8), url: "u")
        }
        #expect(throws: EUtilitiesError.self) {
            try ESearchResult.decode(json: Data(#"{"error":"API key invalid"}"#.utf8), url: "u")
        }
        #expect(throws: EUtilitiesError.self) {
            try ESearchResult.decode(json: Data(#"{"esearchresult":{"count":"#.utf8), url: "u")
        }
        do {
            let xml = "<?xml version=\"1.0\"?>\n<eSearchResult><ERROR>Invalid db name specified: pubmedx</ERROR></eSearchResult>"
            _ = try ESearchResult.decode(json: Data(xml.utf8), url: "u")
            Issue.record("an XML error was read as a result")
        } catch EUtilitiesError.service(_, let message) {
            #expect(message == "Invalid db name specified: pubmedx")
        }
    }
}

/// Retry events, collected across threads.
final class RetryLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [RetryEvent] = []
    func append(_ event: RetryEvent) {
        lock.lock(); stored.append(event); lock.unlock()
    }
    var events: [RetryEvent] {
        lock.lock(); defer { lock.unlock() }
        return stored
    }
}

@Suite("EUtilitiesClient rate limit (real time)", .serialized)
struct EUtilitiesClientRateTests {
    @Test("without a key the server sees at most 3 requests in any second")
    func threePerSecond() throws {
        let fake = try FakeEUtilities(records: EUtilitiesClientTests.records)
        defer { fake.stop() }
        let limiter = RateLimiter(requestsPerSecond: 3)
        let client = FetchTestSupport.client(for: fake, clock: SystemClock(), limiter: limiter)
        for _ in 0..<8 { _ = try client.search(ESearchRequest(term: "ketamine")) }
        #expect(fake.server.requests.count == 8)
        let times = fake.server.requests.map(\.receivedAt)
        let gaps = zip(times.dropFirst(), times).map { String(format: "%.3f", $0 - $1) }
        #expect(fake.server.maxRequests(inAnyWindowOf: 1.0) <= 3, "gaps between requests: \(gaps)")
        #expect(fake.server.maxRequests(inAnyWindowOf: 1.0) >= 2)
    }

    @Test("with a key the server sees at most 10 requests in any second, even from several threads")
    func tenPerSecond() throws {
        let fake = try FakeEUtilities(records: EUtilitiesClientTests.records)
        defer { fake.stop() }
        let limiter = RateLimiter(requestsPerSecond: 10)
        let client = FetchTestSupport.client(for: fake, clock: SystemClock(), apiKey: "k", limiter: limiter)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<6 { _ = try? client.search(ESearchRequest(term: "ketamine")) }
        }
        #expect(fake.server.requests.count == 24)
        #expect(fake.server.maxRequests(inAnyWindowOf: 1.0) <= 10)
    }

    @Test("a default client uses the process-wide limiter for its rate")
    func defaultLimiter() throws {
        let fake = try FakeEUtilities(records: EUtilitiesClientTests.records)
        defer { fake.stop() }
        let first = EUtilitiesClient(configuration: EUtilitiesConfiguration(baseURL: fake.baseURL))
        let second = EUtilitiesClient(configuration: EUtilitiesConfiguration(baseURL: fake.baseURL))
        for _ in 0..<3 {
            _ = try first.search(ESearchRequest(term: "a"))
            _ = try second.search(ESearchRequest(term: "b"))
        }
        #expect(fake.server.maxRequests(inAnyWindowOf: 1.0) <= 3)
    }
}
