import Foundation

/// What can go wrong talking to E-utilities. Every case names the utility and, where there is
/// one, the request (with the API key hidden).
public enum EUtilitiesError: Error, Sendable, CustomStringConvertible {
    /// HTTP 429: too many requests; `retryAfter` in seconds when the server said.
    case rateLimited(utility: String, retryAfter: Double?)
    /// An HTTP status other than 200 (5xx are retried, 4xx are not).
    case httpStatus(utility: String, status: Int, url: String, body: String)
    /// The request timed out.
    case timedOut(utility: String, url: String)
    /// The connection failed or was reset.
    case connection(utility: String, url: String, reason: String)
    /// The body ended early: Content-Length mismatch, truncated gzip, unclosed root element.
    case truncated(utility: String, url: String, reason: String)
    /// E-utilities answered with an error message (`<ERROR>`, `{"error": …}`), often with status 200.
    case service(utility: String, message: String)
    /// The body is not what the utility returns (not JSON, no root element…).
    case malformed(utility: String, url: String, reason: String)
    /// Every attempt failed; `last` is the final failure.
    indirect case retriesExhausted(attempts: Int, last: EUtilitiesError)

    /// Whether trying again may help.
    public var isRetryable: Bool {
        switch self {
        case .rateLimited, .timedOut, .connection, .truncated, .malformed, .service:
            return true
        case .httpStatus(_, let status, _, _):
            return status >= 500 || status == 408
        case .retriesExhausted:
            return false
        }
    }

    /// Whether no HTTP answer came at all (connection failure or time-out), at any depth.
    public var isUnreachable: Bool {
        switch self {
        case .timedOut, .connection: return true
        case .retriesExhausted(_, let last): return last.isUnreachable
        default: return false
        }
    }

    /// The seconds the server asked to wait, if any.
    var retryAfter: Double? {
        if case .rateLimited(_, let seconds) = self { return seconds }
        return nil
    }

    public var description: String {
        switch self {
        case .rateLimited(let utility, let retryAfter):
            let wait = retryAfter.map { " (Retry-After \(Self.format($0)) s)" } ?? ""
            return "\(utility): HTTP 429 too many requests\(wait)"
        case .httpStatus(let utility, let status, let url, let body):
            let snippet = body.isEmpty ? "" : ": \(body)"
            return "\(utility): HTTP \(status) for \(url)\(snippet)"
        case .timedOut(let utility, let url):
            return "\(utility): timed out: \(url)"
        case .connection(let utility, let url, let reason):
            return "\(utility): connection failed (\(reason)): \(url)"
        case .truncated(let utility, let url, let reason):
            return "\(utility): truncated response (\(reason)): \(url)"
        case .service(let utility, let message):
            return "\(utility): E-utilities error: \(message)"
        case .malformed(let utility, let url, let reason):
            return "\(utility): unexpected response (\(reason)): \(url)"
        case .retriesExhausted(let attempts, let last):
            return "gave up after \(attempts) attempts: \(last)"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
