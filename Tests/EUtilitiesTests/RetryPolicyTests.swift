import EUtilities
import Testing

@Suite("RetryPolicy")
struct RetryPolicyTests {
    @Test("waits grow exponentially up to the maximum")
    func growth() {
        let policy = RetryPolicy(baseDelay: 1, multiplier: 2, maxDelay: 10, jitter: 0)
        #expect((1...6).map { policy.delay(afterAttempt: $0, random: 0) } == [1, 2, 4, 8, 10, 10])
    }

    @Test("jitter shortens a wait by at most its fraction")
    func jitter() {
        let policy = RetryPolicy(baseDelay: 4, jitter: 0.5)
        #expect(policy.delay(afterAttempt: 1, random: 0) == 4)
        #expect(policy.delay(afterAttempt: 1, random: 0.999) > 2)
        #expect(policy.delay(afterAttempt: 1, random: 0.5) == 3)
    }

    @Test("Retry-After wins when it is longer than the backoff")
    func retryAfter() {
        let policy = RetryPolicy(baseDelay: 1, jitter: 0)
        #expect(policy.delay(afterAttempt: 1, random: 0, retryAfter: 7) == 7)
        #expect(policy.delay(afterAttempt: 4, random: 0, retryAfter: 2) == 8)
    }
}
