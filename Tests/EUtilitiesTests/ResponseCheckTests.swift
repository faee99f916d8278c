@testable import EUtilities
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// A transport that answers from a script, for checks that a real HTTP stack would not let
/// through (a body shorter than its Content-Length, a gzip body without Content-Encoding).
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var replies: [Result<HTTPResponse, TransportFailure>]
    private(set) var sent: [URLRequest] = []

    init(_ replies: [Result<HTTPResponse, TransportFailure>]) {
        self.replies = replies
    }

    func send(_ request: URLRequest) throws -> HTTPResponse {
        lock.lock(); defer { lock.unlock() }
        sent.append(request)
        return try replies.removeFirst().get()
    }
}

@Suite("Response checks")
struct ResponseCheckTests {
    static let xml = Data("<?xml version=\"1.0\"?>\n<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version=\"1\">7</PMID></MedlineCitation></PubmedArticle></PubmedArticleSet>\n".utf8)

    func client(_ transport: ScriptedTransport) -> EUtilitiesClient {
        let clock = ManualClock()
        return EUtilitiesClient(
            configuration: EUtilitiesConfiguration(baseURL: URL(string: "http://127.0.0.1:9/")!),
            transport: transport, rateLimiter: RateLimiter(requestsPerSecond: 3, clock: clock), clock: clock)
    }

    func ok(_ body: Data, headers: [String: String] = [:]) -> Result<HTTPResponse, TransportFailure> {
        .success(HTTPResponse(status: 200, headers: headers, body: body))
    }

    @Test("a body shorter than its Content-Length is retried")
    func contentLength() throws {
        let transport = ScriptedTransport([ok(Self.xml.prefix(40), headers: ["Content-Length": "\(Self.xml.count)"]), ok(Self.xml)])
        let response = try client(transport).fetch(.ids([EntrezUID(rawValue: 7)]))
        #expect(response.recordIDs == [EntrezUID(rawValue: 7)])
        #expect(transport.sent.count == 2)
    }

    @Test("a gzip body sent without Content-Encoding is decoded, and retried when cut short")
    func rawGzip() throws {
        let gzip = try Gzip.compress(Self.xml)
        let transport = ScriptedTransport([ok(gzip.prefix(gzip.count - 6)), ok(gzip)])
        let response = try client(transport).fetch(.ids([EntrezUID(rawValue: 7)]))
        #expect(response.xml == Self.xml)
        #expect(transport.sent.count == 2)
    }

    @Test("XML that stops before its closing root tag is retried")
    func unclosedRoot() throws {
        let transport = ScriptedTransport([ok(Self.xml.prefix(Self.xml.count - 20)), ok(Self.xml)])
        _ = try client(transport).fetch(.ids([EntrezUID(rawValue: 7)]))
        #expect(transport.sent.count == 2)
    }

    @Test("time-outs are retried", arguments: [TransportFailure.timedOut, .connection("connection lost")])
    func transportFailures(failure: TransportFailure) throws {
        let transport = ScriptedTransport([ok(Self.xml.prefix(0), headers: ["Content-Length": "5"]), .failure(failure), ok(Self.xml)])
        _ = try client(transport).fetch(.ids([EntrezUID(rawValue: 7)]))
        #expect(transport.sent.count == 3)
    }

    @Test("another root element is not taken for PubMed XML")
    func otherRoot() throws {
        let html = Data("<html><body>Service unavailable</body></html>".utf8)
        let transport = ScriptedTransport([ok(html), ok(html), ok(html), ok(html), ok(html), ok(html)])
        #expect(throws: EUtilitiesError.self) { try client(transport).fetch(.ids([EntrezUID(rawValue: 7)])) }
        #expect(transport.sent.count == RetryPolicy().maxAttempts)
    }
}
