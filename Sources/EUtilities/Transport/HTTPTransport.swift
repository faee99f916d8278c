import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A received HTTP response: status, headers (names lower-cased) and body.
public struct HTTPResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields, names lower-cased.
    public var headers: [String: String]
    /// The body, as handed over by the transport (already decoded if it was content-encoded).
    public var body: Data

    /// A response.
    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }

    /// A header by (case-insensitive) name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// A failure below HTTP: no response at all.
public enum TransportFailure: Error, Sendable {
    /// The request timed out.
    case timedOut
    /// The connection could not be made or was broken.
    case connection(String)
}

/// Sends one HTTP request and waits for the whole response.
///
/// The client is synchronous (commands are), so the transport blocks the calling thread.
public protocol HTTPTransport: Sendable {
    /// Sends `request`; throws `TransportFailure` when no HTTP response arrived.
    func send(_ request: URLRequest) throws -> HTTPResponse
}

/// The transport on URLSession (FoundationNetworking on Linux), waiting on a semaphore.
///
/// On Linux URLSession asks for gzip and decodes it itself; a truncated gzip body then
/// arrives as a short body without an error, which the response checks catch.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    private let session: URLSession

    /// A transport on an ephemeral session (no cookies, no cache).
    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        session = URLSession(configuration: configuration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    public func send(_ request: URLRequest) throws -> HTTPResponse {
        final class Outcome: @unchecked Sendable {
            var result: Result<HTTPResponse, TransportFailure> = .failure(.connection("no response"))
        }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            defer { done.signal() }
            if let error {
                let urlError = error as? URLError
                outcome.result = .failure(urlError?.code == .timedOut ? .timedOut : .connection(Self.describe(error)))
                return
            }
            guard let http = response as? HTTPURLResponse else {
                outcome.result = .failure(.connection("not an HTTP response"))
                return
            }
            var headers: [String: String] = [:]
            for (key, value) in http.allHeaderFields {
                headers[String(describing: key).lowercased()] = String(describing: value)
            }
            outcome.result = .success(HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data()))
        }
        task.resume()
        done.wait()
        return try outcome.result.get()
    }

    private static func describe(_ error: Error) -> String {
        if let urlError = error as? URLError {
            switch urlError.code {
            case .networkConnectionLost: return "connection lost"
            case .cannotConnectToHost: return "cannot connect to host"
            case .cannotFindHost: return "cannot find host"
            case .notConnectedToInternet: return "not connected to the internet"
            case .secureConnectionFailed: return "TLS handshake failed"
            default: return "URL error \(urlError.code.rawValue)"
            }
        }
        return String(describing: error)
    }
}
