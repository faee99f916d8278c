import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A client for NCBI E-utilities: esearch and efetch, rate-limited and retried.
///
/// Every request waits for the process-wide `RateLimiter` (3 requests a second, 10 with an
/// API key). HTTP 429 (honouring `Retry-After`), 5xx, time-outs, connection failures and
/// truncated bodies are retried with exponential backoff and jitter. Error answers that
/// come with status 200 (`<ERROR>`, `{"error": …}`) are recognised and never returned as
/// data. The client is synchronous and thread-safe.
public final class EUtilitiesClient: @unchecked Sendable {
    /// Where and how to connect.
    public let configuration: EUtilitiesConfiguration
    private let transport: HTTPTransport
    private let rateLimiter: RateLimiter
    private let clock: MonotonicClock
    private let random: @Sendable () -> Double
    private let lock = NSLock()
    private var retryObserver: (@Sendable (RetryEvent) -> Void)?
    private var sent = 0
    private var answered = false

    /// A client; by default on URLSession, the process-wide limiter for the configured rate and
    /// the system clock.
    public init(
        configuration: EUtilitiesConfiguration = EUtilitiesConfiguration(),
        transport: HTTPTransport = URLSessionTransport(),
        rateLimiter: RateLimiter? = nil,
        clock: MonotonicClock = SystemClock(),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.configuration = configuration
        self.transport = transport
        self.rateLimiter = rateLimiter ?? RateLimiter.shared(requestsPerSecond: configuration.requestsPerSecond)
        self.clock = clock
        self.random = random
    }

    /// Calls `observer` before each retry (commands print these as diagnostics).
    public func observeRetries(_ observer: @escaping @Sendable (RetryEvent) -> Void) {
        lock.lock(); defer { lock.unlock() }
        retryObserver = observer
    }

    /// Requests sent so far, retries included.
    public var requestsSent: Int {
        lock.lock(); defer { lock.unlock() }
        return sent
    }

    /// Runs esearch (JSON).
    public func search(_ request: ESearchRequest) throws -> ESearchResult {
        try perform(utility: "esearch", parameters: request.parameters) { body, url in
            try ESearchResult.decode(json: body, url: url)
        }
    }

    /// Runs efetch for PubMed XML, checked to be complete and not an error message.
    public func fetch(_ selection: EFetchSelection) throws -> EFetchResponse {
        let forcePost: Bool
        if case .ids = selection { forcePost = true } else { forcePost = false }
        return try perform(utility: "efetch", parameters: selection.parameters, forcePost: forcePost) { body, url in
            try EFetchResponse.checked(body, url: url)
        }
    }

    // MARK: - Requests

    private func perform<T>(
        utility: String,
        parameters: [(String, String)],
        forcePost: Bool = false,
        decode: (Data, String) throws -> T
    ) throws -> T {
        let (request, shownURL) = makeRequest(utility: utility, parameters: parameters, forcePost: forcePost)
        let policy = configuration.retry
        var attempt = 0
        var serviceErrors = 0
        while true {
            attempt += 1
            do {
                rateLimiter.acquire()
                lock.lock(); sent += 1; lock.unlock()
                let response: HTTPResponse
                defer { rateLimiter.complete() }
                do {
                    response = try transport.send(request)
                } catch TransportFailure.timedOut {
                    throw EUtilitiesError.timedOut(utility: utility, url: shownURL)
                } catch TransportFailure.connection(let reason) {
                    throw EUtilitiesError.connection(utility: utility, url: shownURL, reason: reason)
                }
                lock.lock(); answered = true; lock.unlock()
                let body = try checkedBody(response, utility: utility, url: shownURL)
                return try decode(body, shownURL)
            } catch let error as EUtilitiesError {
                if case .service = error { serviceErrors += 1 }
                lock.lock(); let unreachable = !answered; lock.unlock()
                let exhausted = attempt >= policy.maxAttempts
                    || serviceErrors >= policy.maxServiceErrorAttempts
                    || (unreachable && error.isUnreachable && attempt >= policy.maxAttemptsBeforeFirstAnswer)
                guard error.isRetryable else { throw error }
                guard !exhausted else { throw EUtilitiesError.retriesExhausted(attempts: attempt, last: error) }
                let delay = policy.delay(afterAttempt: attempt, random: random(), retryAfter: error.retryAfter)
                if let retryAfter = error.retryAfter { rateLimiter.holdOff(seconds: retryAfter) }
                lock.lock(); let observer = retryObserver; lock.unlock()
                observer?(RetryEvent(utility: utility, attempt: attempt, error: error, delay: delay))
                clock.sleep(seconds: delay)
            }
        }
    }

    /// The request (GET, or POST when long or asked for) and its URL with the API key hidden.
    func makeRequest(utility: String, parameters: [(String, String)], forcePost: Bool = false) -> (URLRequest, String) {
        var all: [(String, String)] = [("db", configuration.database)] + parameters
        all.append(("tool", configuration.tool))
        if let email = configuration.email { all.append(("email", email)) }
        if let apiKey = configuration.apiKey { all.append(("api_key", apiKey)) }
        let query = Self.formEncoded(all)
        let shownQuery = Self.formEncoded(all.map { $0.0 == "api_key" ? ($0.0, "***") : $0 })
        let endpoint = configuration.baseURL.appendingPathComponent("\(utility).fcgi")
        let getURL = URL(string: endpoint.absoluteString + "?" + query)
        var request: URLRequest
        if forcePost || getURL == nil || getURL!.absoluteString.utf8.count > 2000 {
            request = URLRequest(url: endpoint)
            request.httpMethod = "POST"
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(query.utf8)
        } else {
            request = URLRequest(url: getURL!)
            request.httpMethod = "GET"
        }
        request.timeoutInterval = configuration.timeout
        request.setValue("\(configuration.tool) (evidence E-utilities client)", forHTTPHeaderField: "User-Agent")
        let shownURL = endpoint.absoluteString + "?" + shownQuery
        return (request, shownURL.count > 300 ? String(shownURL.prefix(300)) + "…" : shownURL)
    }

    /// The body of a 200 response, length-checked and decompressed; throws for other statuses.
    private func checkedBody(_ response: HTTPResponse, utility: String, url: String) throws -> Data {
        guard response.status == 200 else {
            if response.status == 429 {
                throw EUtilitiesError.rateLimited(utility: utility, retryAfter: Self.retryAfter(response.header("retry-after")))
            }
            let snippet = String(decoding: response.body.prefix(300), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw EUtilitiesError.httpStatus(utility: utility, status: response.status, url: url, body: snippet)
        }
        var body = response.body
        let encoding = response.header("content-encoding")?.lowercased()
        if let declared = response.header("content-length").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
           encoding == nil || encoding == "identity", declared != body.count {
            throw EUtilitiesError.truncated(utility: utility, url: url, reason: "Content-Length \(declared), received \(body.count) bytes")
        }
        if Gzip.isGzip(body) {
            do {
                body = try Gzip.decompress(body)
            } catch {
                throw EUtilitiesError.truncated(utility: utility, url: url, reason: "\(error)")
            }
        }
        return body
    }

    /// `Retry-After` as seconds: a number, or an HTTP date (capped at ten minutes).
    static func retryAfter(_ value: String?, now: Date = Date()) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds >= 0 { return min(seconds, 600) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return min(max(0, date.timeIntervalSince(now)), 600)
    }

    /// `application/x-www-form-urlencoded` encoding.
    static func formEncoded(_ parameters: [(String, String)]) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return parameters.map { key, value in
            let encodedKey = key.addingPercentEncoding(withAllowedCharacters: allowed) ?? key
            let encodedValue = value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
            return "\(encodedKey)=\(encodedValue)"
        }.joined(separator: "&")
    }
}
