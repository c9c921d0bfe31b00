import SESEvents
import SESModel
import SESSimulation
import ScenarioFormat
import ScenarioTesting
import SimCore
import SimJSON
import Testing

/// Configuration sets and event destinations created, changed and deleted
/// while a run goes on, and the message records the engine passes on.
@Suite struct RuntimeConfigurationTests {
    static let scenario = """
        name: runtime
        seed: 3
        start: 2026-03-02T09:00:00Z
        duration: 1d
        account: { identities: [example.com], controlPlaneRate: unlimited }
        """

    static func send(_ engine: SimulationEngine, set: String?, to address: String = "a@example.net") throws {
        _ = try engine.call(
            .sendEmail(
                SendEmailRequest(
                    source: "news@example.com", destination: Destination(toAddresses: [address]),
                    message: SimpleContent(
                        subject: "Hi", text: "t", html: "<p>x <a href=\"https://example.com/a\">a</a></p>"),
                    configurationSetName: set)))
    }

    static func firehose(_ name: String, enabled: Bool = true, types: EventTypeSet = .all) -> EventDestination
    {
        EventDestination(
            name: name, enabled: enabled, matchingTypes: types,
            kind: .firehose(deliveryStream: "arn:aws:firehose:us-east-1:123456789012:deliverystream/\(name)"))
    }

    @Test func aDestinationCreatedDuringTheRunReceivesTheSetsEvents() throws {
        let scenario = try ScenarioFixtures.load(Self.scenario)
        var sinks: [String: InMemoryRecordSink] = [:]
        let engine = try SimulationEngine(
            scenario: scenario,
            makeSink: { output in
                let sink = InMemoryRecordSink()
                sinks[output.fileName] = sink
                return sink
            })
        _ = try engine.call(.createConfigurationSet(ConfigurationSet(name: "live")))
        try Self.send(engine, set: "live")
        _ = try engine.call(
            .createConfigurationSetEventDestination(
                configurationSet: "live", destination: Self.firehose("events")))
        engine.advance(to: .start + .minutes(1))
        let file = try #require(sinks["firehose-events.jsonl"])
        // The first message's later events reach it (its Send came before).
        #expect(file.lines.count == 1)
        #expect(file.lines[0].contains("\"eventType\":\"Delivery\""))
        try Self.send(engine, set: "live")
        engine.advance(to: .start + .minutes(2))
        #expect(file.lines.count == 3)
        // Disabled: nothing more.
        _ = try engine.call(
            .updateConfigurationSetEventDestination(
                configurationSet: "live", destination: Self.firehose("events", enabled: false)))
        try Self.send(engine, set: "live")
        engine.advance(to: .start + .minutes(3))
        #expect(file.lines.count == 3)
        // Deleted with its set, then a set of the same name created again.
        _ = try engine.call(.deleteConfigurationSet(name: "live"))
        _ = try engine.call(.createConfigurationSet(ConfigurationSet(name: "live")))
        _ = try engine.call(
            .createConfigurationSetEventDestination(
                configurationSet: "live", destination: Self.firehose("events")))
        try Self.send(engine, set: "live")
        engine.advance(to: .start + .minutes(4))
        #expect(file.lines.count == 5)
        let result = try engine.finish()
        let destinations = result.summary["eventPublishing"]?["destinations"]
        #expect(destinations != nil)
    }

    @Test func destinationChangesAreCheckedByTheAccount() throws {
        let engine = try SimulationEngine(scenario: try ScenarioFixtures.load(Self.scenario))
        _ = try engine.call(.createConfigurationSet(ConfigurationSet(name: "s")))
        #expect(throws: SESError.self) {
            _ = try engine.call(
                .createConfigurationSetEventDestination(
                    configurationSet: "nope", destination: Self.firehose("d")))
        }
        _ = try engine.call(
            .createConfigurationSetEventDestination(configurationSet: "s", destination: Self.firehose("d")))
        do {
            _ = try engine.call(
                .createConfigurationSetEventDestination(
                    configurationSet: "s", destination: Self.firehose("d")))
            Issue.record("a second destination of the same name was accepted")
        } catch {
            #expect(error.code == .eventDestinationAlreadyExists)
        }
        do {
            _ = try engine.call(
                .deleteConfigurationSetEventDestination(configurationSet: "s", destinationName: "x"))
            Issue.record("deleting a missing destination succeeded")
        } catch {
            #expect(error.code == .eventDestinationDoesNotExist)
        }
        var bad = Self.firehose("bad name!")
        bad.matchingTypes = .all
        do {
            _ = try engine.call(
                .createConfigurationSetEventDestination(configurationSet: "s", destination: bad))
            Issue.record("an invalid destination name was accepted")
        } catch {
            #expect(error.code == .invalidParameterValue)
        }
    }

    /// Records the message records a subscriber receives.
    final class MessageRecorder: SimulationSubscriber {
        var records: [MessageRecord] = []
        func receive(_ events: [SESEvent]) {}
        func receive(_ messages: [MessageRecord]) { records += messages }
    }

    @Test func anEngineThatRecordsMessagesPassesOnTheDeliveredContent() throws {
        let scenario = try ScenarioFixtures.load(Self.scenario)
        let engine = try SimulationEngine(scenario: scenario, recordsMessages: true)
        let recorder = MessageRecorder()
        engine.subscribe(recorder)
        _ = try engine.call(
            .createConfigurationSet(
                ConfigurationSet(name: "tracked", eventDestinations: [Self.firehose("all")])))
        try Self.send(engine, set: "tracked")
        #expect(recorder.records.count == 1)
        guard case .accepted(let message, let set) = recorder.records.first else {
            Issue.record("no acceptance record")
            return
        }
        #expect(set == "tracked")
        engine.advance(to: .start + .minutes(1))
        #expect(recorder.records.count == 2)
        guard case .delivered(let content) = recorder.records.last else {
            Issue.record("no delivery record")
            return
        }
        #expect(content.messageId == message.messageId)
        #expect(content.subject == "Hi")
        #expect(content.text == "t")
        // Open and click tracking applied: a pixel, the link rewritten.
        let html = try #require(content.html)
        #expect(html.contains("awstrack.me"))
        #expect(!html.contains("href=\"https://example.com/a\""))
    }

    @Test func anEngineThatDoesNotRecordMessagesPassesNone() throws {
        let engine = try SimulationEngine(scenario: try ScenarioFixtures.load(Self.scenario))
        let recorder = MessageRecorder()
        engine.subscribe(recorder)
        try Self.send(engine, set: nil)
        engine.advance(to: .start + .minutes(1))
        #expect(recorder.records.isEmpty)
    }

    @Test func finishingEarlyEndsTheRunThere() throws {
        let engine = try SimulationEngine(scenario: try ScenarioFixtures.load(Self.scenario))
        try Self.send(engine, set: nil)
        engine.advance(to: .start + .minutes(30))
        let result = try engine.finish(at: engine.now)
        #expect(result.scenario.duration == .minutes(30))
        #expect(result.summary["end"] == .string("2026-03-02T09:30:00.000Z"))
    }
}
