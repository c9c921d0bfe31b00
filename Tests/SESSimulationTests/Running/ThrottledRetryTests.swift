import ScenarioFormat
import ScenarioTesting
import SimJSON
import Testing

@testable import SESSimulation

@Suite("Running: what a client does when SES throttles it")
struct ThrottledRetryTests {
    /// One message a second at most (a one-token bucket); five recipients
    /// sent in one go at +1m, or from `start`, with `retry`.
    static func scenario(start: String = "+1m", retry: String?) -> String {
        """
        name: retries
        start: 2026-03-01T09:00:00Z
        duration: 1h
        account: { maxSendRate: 1, identities: [example.com] }
        traffic:
          - name: client
            api: SendEmail
            from: news@example.com
            content: { subject: Hi, text: Hello }
            recipients:
              list: [a@example.org, b@example.org, c@example.org, d@example.org, e@example.org]
            schedule: { executor: once, start: \(start) }
        """ + (retry.map { "\n    retry: \($0)" } ?? "")
    }

    static func number(_ path: String, _ summary: JSONValue) -> Double? {
        ScenarioFixtures.number(path, in: summary)
    }

    @Test func withoutRetriesThrottledRecipientsAreDropped() throws {
        let summary = try ScenarioFixtures.run(Self.scenario(retry: nil)).summary
        #expect(Self.number("clients.client.calls", summary) == 5)
        #expect(Self.number("clients.client.recipients.accepted", summary) == 1)
        #expect(Self.number("clients.client.recipients.throttled", summary) == 4)
        #expect(Self.number("clients.client.recipients.retried", summary) == 0)
        #expect(Self.number("clients.client.recipients.dropped", summary) == 4)
        #expect(Self.number("clients.client.campaigns[0].dropped", summary) == 4)
        #expect(Self.number("api.SendEmail.results.Throttling", summary) == 4)
        #expect(Self.number("api.throttling.maximumSendingRateExceeded", summary) == 4)
    }

    @Test func retriesBackOffExponentiallyCappedAndDropWhenAttemptsRunOut() throws {
        // At +60 s one is accepted and four throttled; they retry after 10 s
        // (one accepted, three throttled), then after min(20 s, 15 s) (one
        // accepted); the last two have had their three attempts and are dropped.
        let summary = try ScenarioFixtures.run(
            Self.scenario(retry: "{ maxAttempts: 3, backoff: 10s, maxBackoff: 15s, jitter: none }")
        ).summary
        #expect(Self.number("clients.client.calls", summary) == 12)
        #expect(Self.number("clients.client.throttledCalls", summary) == 9)
        #expect(Self.number("clients.client.recipients.accepted", summary) == 3)
        #expect(Self.number("clients.client.recipients.throttled", summary) == 9)
        #expect(Self.number("clients.client.recipients.retried", summary) == 7)
        #expect(Self.number("clients.client.recipients.dropped", summary) == 2)
        #expect(Self.number("clients.client.campaigns[0].dropped", summary) == 2)
        #expect(Self.number("api.SendEmail.results.Success", summary) == 3)
        #expect(Self.number("api.SendEmail.results.Throttling", summary) == 9)
        #expect(
            ScenarioFixtures.text("clients.client.campaigns[0].lastAccepted", in: summary)
                == "2026-03-01T09:01:25.000Z")
    }

    @Test func enoughAttemptsGetEveryRecipientThrough() throws {
        let summary = try ScenarioFixtures.run(
            Self.scenario(retry: "{ maxAttempts: 30, backoff: 1s, maxBackoff: 4s, jitter: full }")
        ).summary
        #expect(Self.number("clients.client.recipients.accepted", summary) == 5)
        #expect(Self.number("clients.client.recipients.dropped", summary) == 0)
        // With seed 1's jitter: 16 throttled calls, each retried, the last
        // recipient accepted 10.978 s after the start.
        #expect(Self.number("clients.client.calls", summary) == 21)
        #expect(Self.number("clients.client.recipients.throttled", summary) == 16)
        #expect(Self.number("clients.client.recipients.retried", summary) == 16)
        #expect(
            ScenarioFixtures.text("clients.client.campaigns[0].lastAccepted", in: summary)
                == "2026-03-01T09:01:10.978Z")
    }

    @Test func pausingForTheRestOfTheSecondHoldsEveryCall() throws {
        // From +0.5 s, three recipients, a 100 ms backoff without jitter.
        // Paused: the first is accepted at 0.5 s; the second, throttled,
        // waits for 1 s, is throttled again (half a token), waits for 2 s
        // and is accepted; the third, held back meanwhile, is throttled at
        // 2 s and accepted at 3 s — six calls, nobody dropped.
        let text = Self.scenario(
            start: "+500ms",
            retry: "{ maxAttempts: 5, backoff: 100ms, jitter: none, pauseRestOfSecond: true }"
        )
        .replacingOccurrences(of: ", d@example.org, e@example.org", with: "")
        let summary = try ScenarioFixtures.run(text).summary
        #expect(Self.number("clients.client.calls", summary) == 6)
        #expect(Self.number("clients.client.recipients.accepted", summary) == 3)
        #expect(Self.number("clients.client.recipients.throttled", summary) == 3)
        #expect(Self.number("clients.client.recipients.dropped", summary) == 0)
        #expect(
            ScenarioFixtures.text("clients.client.campaigns[0].lastAccepted", in: summary)
                == "2026-03-01T09:00:03.000Z")
    }

    @Test func withoutPausingTheSameClientHammersAndDropsOne() throws {
        // The same, not paused: the second and third retry at 0.6, 0.8, 1.2
        // and 2.0 s; at 2.0 s one is accepted and the other, on its fifth
        // attempt, is dropped.
        let text = Self.scenario(start: "+500ms", retry: "{ maxAttempts: 5, backoff: 100ms, jitter: none }")
            .replacingOccurrences(of: ", d@example.org, e@example.org", with: "")
        let summary = try ScenarioFixtures.run(text).summary
        #expect(Self.number("clients.client.calls", summary) == 11)
        #expect(Self.number("clients.client.recipients.accepted", summary) == 2)
        #expect(Self.number("clients.client.recipients.throttled", summary) == 9)
        #expect(Self.number("clients.client.recipients.dropped", summary) == 1)
    }
}
