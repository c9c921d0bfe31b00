import SESSimulation
import ScenarioFormat
import ScenarioTesting
import SimJSON
import Testing

@testable import Runner

@Suite("Expectations: values at instants of the run")
struct TimedExpectationTests {
    /// One message to the mailbox simulator at +10m, +30m and +50m.
    static let scenario = """
        name: timed
        start: 2026-03-01T09:00:00Z
        duration: 1h
        account: { maxSendRate: 10, identities: [example.com] }
        traffic:
          - name: pulse
            api: SendEmail
            from: news@example.com
            content: { subject: Hi, text: Hello }
            recipients: { list: [success@simulator.amazonses.com] }
            schedule: { executor: repeating, start: +10m, every: 20m, times: 3 }
        expect:
          - { metric: events.send, equals: 0, at: +5m }
          - { metric: events.send, equals: 1, at: +15m }
          - { metric: events.send, equals: 2, at: "day 1 09:45" }
          - { metric: events.send, equals: 3, at: end }
          - { metric: events.send, equals: 3 }
          - { metric: events.send, equals: 1, at: +55m }
          - { metric: at, equals: "2026-03-01T09:15:00.000Z", at: +15m }
        """

    @Test func eachTimedExpectationReadsTheSummaryAtItsInstant() throws {
        let result = try ScenarioFixtures.run(Self.scenario)
        #expect(result.expectations.map(\.passed) == [true, true, true, true, true, false, true])
        #expect(
            result.expectations.map(\.observed) == ["0", "1", "2", "3", "3", "3", "2026-03-01T09:15:00.000Z"])
        #expect(result.expectations[5].label == "events.send equals 1 at +55m")
        #expect(result.expectations[2].label == "events.send equals 2 at day 1 09:45")
        #expect(!result.passed)
    }

    @Test func verdictsAreWrittenIntoTheSummary() throws {
        let summary = try ScenarioFixtures.run(Self.scenario).summary
        #expect(summary["passed"] == .bool(false))
        #expect(ScenarioFixtures.value("expectations[5].passed", in: summary) == .bool(false))
        #expect(ScenarioFixtures.text("expectations[5].observed", in: summary) == "3")
        #expect(
            ScenarioFixtures.text("expectations[5].description", in: summary)
                == "events.send equals 1 at +55m")
        #expect(ScenarioFixtures.value("expectations[0].passed", in: summary) == .bool(true))
    }

    @Test func instantAfterTheEndIsALoadingError() {
        let text = Self.scenario.replacingOccurrences(of: "at: +55m", with: "at: +61m")
        #expect(
            ScenarioFixtures.messages(text) == [
                "test.yaml:18:5: expect[5]: the instant is after the run ends (1h after the start)"
            ])
    }
}
