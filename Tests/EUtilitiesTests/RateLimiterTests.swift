import EUtilities
import Foundation
import Testing

@Suite("RateLimiter")
struct RateLimiterTests {
    /// The most of `times` falling in any half-open window of `seconds`.
    func busiestWindow(_ times: [Double], seconds: Double) -> Int {
        let sorted = times.sorted()
        var best = 0
        var start = 0
        for end in sorted.indices {
            while sorted[end] - sorted[start] >= seconds { start += 1 }
            best = max(best, end - start + 1)
        }
        return best
    }

    @Test("permits never exceed the rate in any one-second window", arguments: [3, 10])
    func spacing(rate: Int) {
        let clock = ManualClock()
        let limiter = RateLimiter(requestsPerSecond: rate, clock: clock)
        var times: [Double] = []
        for _ in 0..<(rate * 5) {
            limiter.acquire()
            times.append(clock.now)
        }
        #expect(busiestWindow(times, seconds: 1.0) == rate)
        #expect(times.last! >= 4.0)
    }

    @Test("a limiter does not make a request wait after a long pause")
    func idle() {
        let clock = ManualClock()
        let limiter = RateLimiter(requestsPerSecond: 3, clock: clock)
        limiter.acquire()
        clock.advance(by: 10)
        let before = clock.now
        limiter.acquire()
        #expect(clock.now == before)
    }

    @Test("the next request waits an interval after the previous response, however slow it was")
    func afterCompletion() {
        let clock = ManualClock()
        let limiter = RateLimiter(requestsPerSecond: 3, clock: clock)
        limiter.acquire()
        clock.advance(by: 2)  // a slow response
        limiter.complete()
        let completedAt = clock.now
        limiter.acquire()
        #expect(clock.now - completedAt >= 1.0 / 3)
    }

    @Test("holding off delays the next permit by the Retry-After time")
    func holdOff() {
        let clock = ManualClock()
        let limiter = RateLimiter(requestsPerSecond: 3, clock: clock)
        limiter.acquire()
        limiter.holdOff(seconds: 5)
        limiter.acquire()
        #expect(clock.now >= 5)
    }

    @Test("threads sharing a limiter are spaced too")
    func threads() {
        let limiter = RateLimiter(requestsPerSecond: 10)
        let lock = NSLock()
        var times: [Double] = []
        let clock = SystemClock()
        DispatchQueue.concurrentPerform(iterations: 12) { _ in
            limiter.acquire()
            lock.lock(); times.append(clock.now); lock.unlock()
        }
        #expect(busiestWindow(times, seconds: 1.0) <= 10)
    }

    @Test("the shared limiter is one per rate, for the whole process")
    func shared() {
        #expect(RateLimiter.shared(requestsPerSecond: 3) === RateLimiter.shared(requestsPerSecond: 3))
        #expect(RateLimiter.shared(requestsPerSecond: 3) !== RateLimiter.shared(requestsPerSecond: 10))
    }
}
