import Foundation

/// A retry about to happen: which utility, after which attempt, why, and the wait.
public struct RetryEvent: Sendable, CustomStringConvertible {
    /// `esearch` or `efetch`.
    public var utility: String
    /// The attempt that failed (1-based).
    public var attempt: Int
    /// Why it failed.
    public var error: EUtilitiesError
    /// Seconds before the next attempt.
    public var delay: Double

    public var description: String {
        String(format: "%@ attempt %d failed: %@; retrying in %.1f s", utility, attempt, error.description, delay)
    }
}
