import Foundation

/// Spaces requests so that no more than `requestsPerSecond` reach the server in any
/// one-second window.
///
/// A token bucket holding a single token, refilled every `interval` seconds: each
/// `acquire()` reserves the next free slot and sleeps until it comes. A bucket holding
/// `n` tokens would allow `n` requests in a burst plus `requestsPerSecond` more within the
/// same second, which NCBI counts as a breach, so the bucket is kept at one token.
///
/// Spacing the starts is not enough: a request delayed on its way (a busy machine, the
/// network) reaches the server closer to the next one. So `complete()`, called when a
/// response (or a failure) is back, also pushes the next slot to `interval` after that
/// moment. A request cannot arrive after its response, so for requests made one after
/// another, as a fetch makes them, arrivals are at least `interval` apart whatever the
/// delays. Concurrent callers are spaced by their starts, with the safety margin.
///
/// One limiter is shared by every client in the process that uses the same rate
/// (`shared(requestsPerSecond:)`); it is thread-safe and hands out slots in call order.
public final class RateLimiter: @unchecked Sendable {
    /// The allowed rate.
    public let requestsPerSecond: Int
    /// Seconds between two permits.
    public let interval: Double
    private let clock: MonotonicClock
    private let lock = NSLock()
    private var nextSlot: Double?

    /// A limiter for `requestsPerSecond`, widening each interval by `safetyMargin` (a fraction).
    ///
    /// With a margin `m`, `requestsPerSecond + 1` requests span at least `1 + m` seconds, so a
    /// request may reach the server up to `m` seconds late without the server counting more
    /// than `requestsPerSecond` in any one-second window.
    public init(requestsPerSecond: Int, safetyMargin: Double = 0.05, clock: MonotonicClock = SystemClock()) {
        self.requestsPerSecond = max(1, requestsPerSecond)
        self.interval = (1 + max(0, safetyMargin)) / Double(self.requestsPerSecond)
        self.clock = clock
    }

    /// Blocks until a request may start.
    public func acquire() {
        lock.lock()
        let now = clock.now
        let slot = max(now, nextSlot ?? now)
        nextSlot = slot + interval
        lock.unlock()
        clock.sleep(seconds: slot - now)
        // A thread that woke late pushes the next slot back, keeping the spacing real.
        lock.lock()
        let woke = clock.now
        if let next = nextSlot, woke + interval > next { nextSlot = woke + interval }
        lock.unlock()
    }

    /// Records that a request's response (or failure) is back: the next request starts at
    /// least `interval` from now.
    public func complete() {
        lock.lock()
        let earliest = clock.now + interval
        nextSlot = max(nextSlot ?? earliest, earliest)
        lock.unlock()
    }

    /// Holds every request back for `seconds` from now (after a 429 with `Retry-After`).
    public func holdOff(seconds: Double) {
        guard seconds > 0 else { return }
        lock.lock()
        let until = clock.now + seconds
        nextSlot = max(nextSlot ?? until, until)
        lock.unlock()
    }

    private static let registryLock = NSLock()
    nonisolated(unsafe) private static var registry: [Int: RateLimiter] = [:]

    /// The process-wide limiter for `requestsPerSecond`, on the system clock.
    public static func shared(requestsPerSecond: Int) -> RateLimiter {
        registryLock.lock(); defer { registryLock.unlock() }
        if let limiter = registry[requestsPerSecond] { return limiter }
        let limiter = RateLimiter(requestsPerSecond: requestsPerSecond)
        registry[requestsPerSecond] = limiter
        return limiter
    }
}
