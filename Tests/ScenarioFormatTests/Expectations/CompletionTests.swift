import ScenarioTesting
import SimCore
import SimJSON
import Testing

@testable import ScenarioFormat

@Suite("Expectations: campaigns completing within a time")
struct CompletionTests {
    static func check(_ campaign: String, within limit: SimDuration, _ campaigns: [String: [SimDuration?]])
        -> ExpectationResult
    {
        let definition = ExpectationDefinition(
            check: .completesWithin(campaign: campaign, limit: limit), label: "completes",
            path: "expect[0]")
        return ExpectationEvaluator.evaluate(
            definition, final: .object([:]), snapshot: nil, campaigns: campaigns)
    }

    @Test func theLongestOccurrenceMustFitTheLimit() {
        let campaigns: [String: [SimDuration?]] = ["promo": [.seconds(90), .seconds(200)]]
        let within = Self.check("promo", within: .minutes(4), campaigns)
        #expect(within.passed)
        #expect(within.observed == "completed in 3m20s")
        #expect(within.value == 200)
        let exactly = Self.check("promo", within: .seconds(200), campaigns)
        #expect(exactly.passed)
        let tooSlow = Self.check("promo", within: .minutes(3), campaigns)
        #expect(!tooSlow.passed)
        #expect(tooSlow.observed == "completed in 3m20s")
    }

    @Test func anUnfinishedOccurrenceFails() {
        let result = Self.check("promo", within: .days(1), ["promo": [.seconds(90), nil]])
        #expect(!result.passed)
        #expect(result.observed == "not completed by the end of the run")
        #expect(result.value == .infinity)
    }

    @Test func aCampaignThatNeverStartedFails() {
        let result = Self.check("promo", within: .days(1), ["promo": []])
        #expect(!result.passed)
        #expect(result.observed == "the campaign never started")
        #expect(
            Self.check("other", within: .days(1), ["promo": [.seconds(1)]]).observed
                == "the campaign never started")
    }

    @Test func campaignsOfARunAreTimedFromStartToLastOutcome() throws {
        // quick: one simulator message at +1m. slow: three messages at +50m
        // with one a second allowed; two are throttled and wait 30 minutes
        // for a retry, past the end. late: starts at the very end (a start
        // after the end is a loading error), so it cannot complete.
        let result = try ScenarioFixtures.run(
            """
            name: completion
            start: 2026-03-01T09:00:00Z
            duration: 1h
            account: { maxSendRate: 1, identities: [example.com] }
            traffic:
              - name: quick
                api: SendEmail
                from: news@example.com
                content: { subject: Hi, text: Hello }
                recipients: { list: [success@simulator.amazonses.com] }
                schedule: { executor: once, start: +1m }
              - name: slow
                api: SendEmail
                from: news@example.com
                content: { subject: Hi, text: Hello }
                recipients:
                  list: [success@simulator.amazonses.com, success+2@simulator.amazonses.com,
                    success+3@simulator.amazonses.com]
                schedule: { executor: once, start: +50m }
                retry: { maxAttempts: 5, backoff: 30m, maxBackoff: 30m, jitter: none }
              - name: late
                api: SendEmail
                from: news@example.com
                content: { subject: Hi, text: Hello }
                recipients: { list: [success@simulator.amazonses.com] }
                schedule: { executor: once, start: +1h }
            expect:
              - { campaign: quick, completesWithin: 10m }
              - { campaign: slow, completesWithin: 1d }
              - { campaign: late, completesWithin: 1d }
            """)
        let quick = result.expectations[0]
        #expect(quick.passed)
        #expect(quick.label == "campaign quick completes within 10m")
        // Accepted at +1m, delivered (seed 1) 1.500888 s later.
        #expect(
            ScenarioFixtures.number("clients.quick.campaigns[0].completionSeconds", in: result.summary)
                == 1.500888)
        #expect(quick.value == 1.500888)
        #expect(quick.observed == "completed in 1s501ms")
        #expect(!result.expectations[1].passed)
        #expect(result.expectations[1].observed == "not completed by the end of the run")
        #expect(
            ScenarioFixtures.value("clients.slow.campaigns[0].completed", in: result.summary) == .bool(false))
        #expect(!result.expectations[2].passed)
        #expect(result.expectations[2].observed == "not completed by the end of the run")
        #expect(
            ScenarioFixtures.text("clients.late.campaigns[0].start", in: result.summary)
                == "2026-03-01T10:00:00.000Z")
    }
}
