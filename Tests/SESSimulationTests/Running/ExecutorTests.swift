import ScenarioFormat
import ScenarioTesting
import SimJSON
import Testing

@testable import SESSimulation

@Suite("Running: when each executor calls")
struct ExecutorTests {
    /// A one-hour run with one SendEmail client to a 10-member audience, on `schedule`.
    static func scenario(schedule: String) -> String {
        """
        name: executors
        start: 2026-03-01T09:00:00Z
        duration: 1h
        account: { maxSendRate: 100, identities: [example.com] }
        audiences:
          - { name: list, size: 10, providers: [{ domain: example.org, share: 1 }] }
        traffic:
          - name: client
            api: SendEmail
            from: news@example.com
            content: { subject: Hi, text: Hello }
            recipients: { audience: list }
            schedule: \(schedule)
        """
    }

    static func summary(schedule: String) throws -> JSONValue {
        try ScenarioFixtures.run(scenario(schedule: schedule)).summary
    }

    @Test func onceWithACallRatePacesItsCalls() throws {
        let summary = try Self.summary(schedule: "{ executor: once, start: +1m, callRate: 2 }")
        #expect(ScenarioFixtures.number("clients.client.calls", in: summary) == 10)
        #expect(ScenarioFixtures.value("clients.client.campaigns", in: summary).map(Self.count) == 1)
        #expect(
            ScenarioFixtures.text("clients.client.campaigns[0].start", in: summary)
                == "2026-03-01T09:01:00.000Z")
        // Ten calls half a second apart: the last at 4.5 s.
        #expect(
            ScenarioFixtures.text("clients.client.campaigns[0].lastAccepted", in: summary)
                == "2026-03-01T09:01:04.500Z")
        #expect(ScenarioFixtures.number("clients.client.campaigns[0].sendingSeconds", in: summary) == 4.5)
    }

    @Test func onceWithoutACallRateSendsEverythingAtItsStart() throws {
        let summary = try Self.summary(schedule: "{ executor: once, start: \"day 1 09:02\" }")
        #expect(ScenarioFixtures.number("clients.client.calls", in: summary) == 10)
        #expect(
            ScenarioFixtures.text("clients.client.campaigns[0].lastAccepted", in: summary)
                == "2026-03-01T09:02:00.000Z")
        #expect(ScenarioFixtures.number("clients.client.campaigns[0].sendingSeconds", in: summary) == 0)
    }

    @Test func repeatingRunsEveryIntervalButNotPastTheEnd() throws {
        // Five runs 20 minutes apart from +5m: the fourth (+65m) would start after the end.
        let summary = try Self.summary(
            schedule: "{ executor: repeating, start: +5m, every: 20m, times: 5, callRate: 10 }")
        let campaigns = ScenarioFixtures.value("clients.client.campaigns", in: summary)
        #expect(campaigns.map(Self.count) == 3)
        for (index, minute) in ["05", "25", "45"].enumerated() {
            #expect(
                ScenarioFixtures.text("clients.client.campaigns[\(index)].start", in: summary)
                    == "2026-03-01T09:\(minute):00.000Z")
            #expect(
                ScenarioFixtures.text("clients.client.campaigns[\(index)].lastAccepted", in: summary)
                    == "2026-03-01T09:\(minute):00.900Z")
            #expect(ScenarioFixtures.number("clients.client.campaigns[\(index)].accepted", in: summary) == 10)
        }
        #expect(ScenarioFixtures.number("clients.client.calls", in: summary) == 30)
        #expect(ScenarioFixtures.number("clients.client.recipients.planned", in: summary) == 30)
    }

    @Test func constantArrivalRateMakesRateTimesDurationCalls() throws {
        let summary = try Self.summary(
            schedule: "{ executor: constant-arrival-rate, start: +10m, rate: 2, duration: 30s }")
        #expect(ScenarioFixtures.number("clients.client.calls", in: summary) == 60)
        #expect(ScenarioFixtures.number("clients.client.recipients.accepted", in: summary) == 60)
        // An open-model client has no campaigns.
        #expect(ScenarioFixtures.value("clients.client.campaigns", in: summary) == nil)
    }

    @Test func arrivalsStopAtTheEndOfTheRun() throws {
        // One a second from 59:00 for 5 minutes; the run ends at 60:00 (included).
        let summary = try Self.summary(
            schedule: "{ executor: constant-arrival-rate, start: +59m, rate: 60, timeUnit: 1m, duration: 5m }"
        )
        #expect(ScenarioFixtures.number("clients.client.calls", in: summary) == 61)
    }

    @Test func rampingArrivalRateMakesTheIntegralOfItsRateInCalls() throws {
        // 0 to 4 a second over 10 s, then 4 a second for 5 s: 20 + 20 calls.
        let summary = try Self.summary(
            schedule: """
                { executor: ramping-arrival-rate, start: +1m, startRate: 0,
                      stages: [{ target: 4, duration: 10s }, { target: 4, duration: 5s }] }
                """)
        #expect(ScenarioFixtures.number("clients.client.calls", in: summary) == 40)
    }

    static func count(_ value: JSONValue) -> Int {
        if case .array(let items) = value { return items.count }
        return -1
    }
}
