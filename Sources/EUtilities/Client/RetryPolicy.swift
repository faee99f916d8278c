import Foundation

/// Exponential backoff with jitter for failed requests.
///
/// Attempt `n` (counting from 1) that fails waits `min(maxDelay, baseDelay * multiplier^(n-1))`,
/// shortened by up to `jitter` of itself at random so that clients do not retry in step.
/// A `Retry-After` from the server is honoured instead when it is longer.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// The wait after the first failure, in seconds.
    public var baseDelay: Double
    /// The growth factor between waits.
    public var multiplier: Double
    /// The longest wait, in seconds.
    public var maxDelay: Double
    /// The fraction (0...1) of each wait that is random.
    public var jitter: Double
    /// Attempts in all for an E-utilities `<ERROR>` body, which is more often permanent.
    public var maxServiceErrorAttempts: Int
    /// Attempts in all while the service has never answered (no network, wrong host): a
    /// fetch without a network fails in seconds, not after minutes of backoff.
    public var maxAttemptsBeforeFirstAnswer: Int

    /// A policy; the defaults suit NCBI (6 attempts over about a minute).
    public init(
        maxAttempts: Int = 6,
        baseDelay: Double = 2,
        multiplier: Double = 2,
        maxDelay: Double = 60,
        jitter: Double = 0.5,
        maxServiceErrorAttempts: Int = 3,
        maxAttemptsBeforeFirstAnswer: Int = 2
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = max(0, baseDelay)
        self.multiplier = max(1, multiplier)
        self.maxDelay = max(0, maxDelay)
        self.jitter = min(1, max(0, jitter))
        self.maxServiceErrorAttempts = max(1, maxServiceErrorAttempts)
        self.maxAttemptsBeforeFirstAnswer = max(1, maxAttemptsBeforeFirstAnswer)
    }

    /// The wait after failed attempt `attempt` (1-based), given a random number in 0..<1.
    public func delay(afterAttempt attempt: Int, random: Double, retryAfter: Double? = nil) -> Double {
        let exponent = Double(max(0, attempt - 1))
        let backoff = min(maxDelay, baseDelay * pow(multiplier, exponent))
        let jittered = backoff * (1 - jitter * min(max(random, 0), 1))
        if let retryAfter { return max(retryAfter, jittered) }
        return jittered
    }
}
