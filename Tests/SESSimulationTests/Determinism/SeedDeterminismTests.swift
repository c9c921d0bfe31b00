import Foundation
import ScenarioFormat
import ScenarioTesting
import SimJSON
import Testing

@testable import SESSimulation

@Suite("Determinism: same seed, same bytes")
struct SeedDeterminismTests {
    /// 300 recipients with every kind of random outcome, a throttled bulk
    /// client retrying with jitter, and a Poisson client.
    static let scenario = """
        name: determinism
        seed: 11
        start: 2026-03-01T09:00:00Z
        duration: 6h
        account: { maxSendRate: 20, identities: [example.com] }
        templates:
          - { name: offer, subject: "Hi {{name}}", html: "<p>{{name}}, see <a href=\\"https://example.com/x\\">this</a></p>" }
        configurationSets:
          - name: marketing
            eventDestinations:
              - { name: all, types: [send, delivery, bounce, complaint, open, click, deliveryDelay], firehose: { deliveryStream: events } }
        audiences:
          - name: list
            size: 300
            hardBounce: 0.05
            deferral: 0.1
            complaint: 0.01
            open: 0.4
            click: 0.2
            providers:
              - { domain: gmail.com, share: 2 }
              - { domain: yahoo.com, share: 1 }
        traffic:
          - name: offer
            api: SendBulkTemplatedEmail
            from: news@example.com
            template: offer
            configurationSet: marketing
            templateData: { name: { oneOf: [Ana, Ben, Chloe] } }
            recipients: { audience: list }
            destinationsPerCall: 50
            schedule: { executor: once, start: +1m, callRate: 2 }
            retry: { maxAttempts: 10, backoff: 1s, maxBackoff: 8s, jitter: full }
          - name: trickle
            api: SendEmail
            from: news@example.com
            content: { subject: Hi, text: Hello }
            configurationSet: marketing
            recipients: { audience: list, from: 0, count: 20 }
            schedule: { executor: constant-arrival-rate, start: +30m, rate: 1, timeUnit: 1m, duration: 1h, arrivals: poisson }
        output: { events: true, interval: 15m }
        """

    static let outputFiles = [
        "summary.json", "timeline.csv", "events.jsonl", "firehose-events.jsonl", "metrics.jsonl",
        "report.html",
    ]

    @Test func sameSeedWritesByteIdenticalOutputs() throws {
        let first = ScenarioFixtures.absentPath()
        let second = ScenarioFixtures.absentPath()
        let one = try ScenarioFixtures.run(Self.scenario, output: first)
        let two = try ScenarioFixtures.run(Self.scenario, output: second)
        #expect(one.summary == two.summary)
        for name in Self.outputFiles {
            let bytes = ScenarioFixtures.contents(first, name)
            #expect(bytes != nil, "\(name) was not written")
            #expect((bytes?.count ?? 0) > 0, "\(name) is empty")
            #expect(bytes == ScenarioFixtures.contents(second, name), "\(name) differs between two runs")
        }
        // The run exercised the random parts.
        #expect((ScenarioFixtures.number("events.bounce", in: one.summary) ?? 0) > 0)
        #expect((ScenarioFixtures.number("events.open", in: one.summary) ?? 0) > 0)
        #expect((ScenarioFixtures.number("clients.offer.recipients.retried", in: one.summary) ?? 0) > 0)
        #expect((ScenarioFixtures.number("clients.trickle.calls", in: one.summary) ?? 0) > 0)
    }

    @Test func eventDigestIsASHA256InHex() throws {
        let digest = ScenarioFixtures.text("eventDigest", in: try ScenarioFixtures.run(Self.scenario).summary)
        #expect(digest?.count == 64)
        #expect(digest?.allSatisfy { $0.isHexDigit && !$0.isUppercase } == true)
    }

    @Test func differentSeedGivesADifferentEventDigest() throws {
        let eleven = try ScenarioFixtures.run(Self.scenario).summary
        let twelve = try ScenarioFixtures.run(Self.scenario, seed: 12).summary
        #expect(ScenarioFixtures.number("seed", in: twelve) == 12)
        #expect(ScenarioFixtures.text("eventDigest", in: eleven) != nil)
        #expect(
            ScenarioFixtures.text("eventDigest", in: eleven)
                != ScenarioFixtures.text("eventDigest", in: twelve))
    }

    @Test func summaryDoesNotDependOnWhereOutputsGo() throws {
        let withoutOutput = try ScenarioFixtures.run(Self.scenario).summary
        let withOutput = try ScenarioFixtures.run(Self.scenario, output: ScenarioFixtures.absentPath())
            .summary
        #expect(withoutOutput == withOutput)
    }
}
