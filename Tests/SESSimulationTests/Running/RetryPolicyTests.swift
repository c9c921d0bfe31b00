import ScenarioFormat
import ScenarioTesting
import SimCore
import SimJSON
import Testing

@testable import SESSimulation

@Suite("Running: retry policy arithmetic")
struct RetryPolicyTests {
    static func policy(
        backoff: SimDuration = .seconds(1), maxBackoff: SimDuration = .seconds(10), multiplier: Double = 2,
        jitter: RetryPolicy.Jitter
    ) -> RetryPolicy {
        RetryPolicy(
            maxAttempts: 10, backoff: backoff, maxBackoff: maxBackoff, multiplier: multiplier, jitter: jitter,
            pauseRestOfSecond: false)
    }

    @Test func backoffGrowsExponentiallyUpToMaxBackoff() {
        let policy = Self.policy(jitter: .none)
        let delays = (1...7).map { policy.delay(beforeRetry: $0, uniform: 0.5) }
        #expect(
            delays == [
                .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(10), .seconds(10), .seconds(10),
            ])
    }

    @Test func multiplierSetsTheGrowth() {
        let policy = Self.policy(
            backoff: .milliseconds(200), maxBackoff: .minutes(1), multiplier: 1.5, jitter: .none)
        let delays = (1...4).map { policy.delay(beforeRetry: $0, uniform: 0) }
        #expect(delays == [.milliseconds(200), .milliseconds(300), .milliseconds(450), .milliseconds(675)])
    }

    @Test func fullJitterScalesTheWaitByTheDraw() {
        let policy = Self.policy(jitter: .full)
        #expect(policy.delay(beforeRetry: 3, uniform: 0) == .zero)
        #expect(policy.delay(beforeRetry: 3, uniform: 0.25) == .seconds(1))
        #expect(policy.delay(beforeRetry: 6, uniform: 0.5) == .seconds(5))
    }

    @Test func equalJitterKeepsHalfTheWait() {
        let policy = Self.policy(jitter: .equal)
        #expect(policy.delay(beforeRetry: 3, uniform: 0) == .seconds(2))
        #expect(policy.delay(beforeRetry: 3, uniform: 0.5) == .seconds(3))
        #expect(policy.delay(beforeRetry: 6, uniform: 0) == .seconds(5))
    }

    @Test(arguments: [RetryPolicy.Jitter.full, .equal])
    func seededJitterStaysWithinItsBoundsAndSpreads(jitter: RetryPolicy.Jitter) {
        let policy = Self.policy(jitter: jitter)
        var generator = Xoshiro256StarStar(seed: 11)
        for retry in 1...6 {
            let computed = Self.policy(jitter: .none).delay(beforeRetry: retry, uniform: 0)
            let lower =
                jitter == .full ? SimDuration.zero : SimDuration(microseconds: computed.microseconds / 2)
            let delays = (0..<2_000).map { _ in
                policy.delay(beforeRetry: retry, uniform: generator.nextUniform())
            }
            #expect(delays.allSatisfy { $0 >= lower && $0 <= computed }, "retry \(retry)")
            // Uniform over [lower, computed]: the mean is the midpoint.
            let mean = delays.reduce(0) { $0 + $1.seconds } / Double(delays.count)
            let midpoint = (lower.seconds + computed.seconds) / 2
            #expect(abs(mean - midpoint) < 0.03 * computed.seconds, "retry \(retry)")
        }
    }

    @Test func sameSeedGivesTheSameJitteredWaits() {
        let policy = Self.policy(jitter: .full)
        func waits(seed: UInt64) -> [SimDuration] {
            var generator = Xoshiro256StarStar(seed: seed)
            return (1...20).map { policy.delay(beforeRetry: $0, uniform: generator.nextUniform()) }
        }
        #expect(waits(seed: 5) == waits(seed: 5))
        #expect(waits(seed: 5) != waits(seed: 6))
    }

    @Test func retryBlockDefaultsAndItsAbsence() throws {
        let base = """
            name: demo
            start: 2026-03-01T09:00:00Z
            duration: 1h
            traffic:
              - name: promo
                api: SendEmail
                from: news@example.com
                content: { subject: Hi, text: Hello }
                recipients: { list: [a@example.org] }
                schedule: { executor: once }
            """
        let without = try ScenarioFixtures.load(base)
        #expect(without.traffic.first?.retry == .giveUp)
        #expect(without.traffic.first?.retry.maxAttempts == 1)
        let defaults = try ScenarioFixtures.load(base + "\n    retry: {}")
        #expect(
            defaults.traffic.first?.retry
                == RetryPolicy(
                    maxAttempts: 5, backoff: .seconds(1), maxBackoff: .minutes(10), multiplier: 2,
                    jitter: .full,
                    pauseRestOfSecond: false))
        let explicit = try ScenarioFixtures.load(
            base
                + "\n    retry: { maxAttempts: 7, backoff: 250ms, maxBackoff: 30s, multiplier: 3, jitter: none, "
                + "pauseRestOfSecond: true }")
        #expect(
            explicit.traffic.first?.retry
                == RetryPolicy(
                    maxAttempts: 7, backoff: .milliseconds(250), maxBackoff: .seconds(30), multiplier: 3,
                    jitter: .none, pauseRestOfSecond: true))
    }
}
