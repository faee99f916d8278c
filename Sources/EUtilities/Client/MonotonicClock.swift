import Dispatch
import Foundation

/// A source of monotonic time that can also wait; injected so tests need not wait for real.
public protocol MonotonicClock: Sendable {
    /// Seconds since an arbitrary fixed origin; never goes backwards.
    var now: Double { get }
    /// Blocks the calling thread for `seconds` (no-op when not positive).
    func sleep(seconds: Double)
}

/// The system's monotonic clock, sleeping for real.
public struct SystemClock: MonotonicClock {
    /// The system clock.
    public init() {}

    public var now: Double { Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000 }

    public func sleep(seconds: Double) {
        guard seconds > 0 else { return }
        Thread.sleep(forTimeInterval: seconds)
    }
}

/// A clock that moves only when slept on: sleeping advances it at once.
///
/// Tests and simulations use it to run rate limits and backoff without waiting; `sleeps`
/// records every wait asked for.
public final class ManualClock: MonotonicClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Double
    private var recordedSleeps: [Double] = []

    /// A clock starting at `start` seconds.
    public init(start: Double = 0) {
        current = start
    }

    public var now: Double {
        lock.lock(); defer { lock.unlock() }
        return current
    }

    public func sleep(seconds: Double) {
        lock.lock(); defer { lock.unlock() }
        recordedSleeps.append(seconds)
        if seconds > 0 { current += seconds }
    }

    /// Moves the clock forward without recording a sleep.
    public func advance(by seconds: Double) {
        lock.lock(); defer { lock.unlock() }
        current += max(0, seconds)
    }

    /// Every wait asked for so far, in order.
    public var sleeps: [Double] {
        lock.lock(); defer { lock.unlock() }
        return recordedSleeps
    }
}
