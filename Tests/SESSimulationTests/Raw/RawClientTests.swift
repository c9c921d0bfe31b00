import Foundation
import MIME
import SESEvents
import SESModel
import ScenarioFormat
import ScenarioTesting
import SimCore
import SimJSON
import Testing

@testable import SESSimulation

/// Keeps every published event.
final class EventCollector: SimulationSubscriber, @unchecked Sendable {
    var events: [SESEvent] = []
    func receive(_ events: [SESEvent]) { self.events.append(contentsOf: events) }
}

@Suite("Running: SendRawEmail clients")
struct RawClientTests {
    static func scenario(client: String, configurationSets: String = "") -> String {
        """
        name: raw
        start: 2026-03-01T09:00:00Z
        duration: 1h
        account: { maxSendRate: 100, identities: [example.com] }
        \(configurationSets)
        audiences:
          - { name: customers, size: 6, providers: [{ domain: example.org, share: 1 }] }
        traffic:
        \(client)
        """
    }

    static let templated = """
          - name: invoices
            api: SendRawEmail
            message:
              text: |
                From: Billing <billing@example.com>
                To: {{recipients}}
                Subject: Invoice {{invoice}}
                X-SES-MESSAGE-TAGS: kind=invoice

                Your invoice {{invoice}} is attached.
              attachments:
                - { name: invoice.pdf, contentType: application/pdf, size: 5KB }
              recipientsIn: headers
            templateData: { invoice: { sequence: "INV-{index}" } }
            recipients: { audience: customers }
            schedule: { executor: once, start: +1m, callRate: 2 }
        """

    static func run(_ text: String) throws -> (RunResult, [SESEvent]) {
        let engine = try SimulationEngine(scenario: ScenarioFixtures.load(text))
        let collector = EventCollector()
        engine.subscribe(collector)
        return (try engine.finish(), collector.events)
    }

    @Test func aTemplatedMessageWithAnAttachmentReachesEachRecipient() throws {
        let (result, events) = try Self.run(Self.scenario(client: Self.templated))
        #expect(ScenarioFixtures.number("api.SendRawEmail.calls", in: result.summary) == 6)
        #expect(ScenarioFixtures.number("api.SendRawEmail.results.Success", in: result.summary) == 6)
        let sends = events.filter { $0.type == .send }
        #expect(sends.count == 6)
        #expect(events.filter { $0.type == .delivery }.count == 6)
        let first = try #require(sends.first?.mail)
        #expect(first.commonHeaders.subject == "Invoice INV-0")
        #expect(first.commonHeaders.from == ["Billing <billing@example.com>"])
        #expect(first.commonHeaders.to == first.destination)
        #expect(first.source == "billing@example.com")
        #expect(first.tagValue("kind") == "invoice")
        #expect(first.tagValue("ses:operation") == "SendRawEmail")
        #expect(first.headerValue("Content-Type")?.hasPrefix("multipart/mixed; boundary=") == true)
        #expect(Set(sends.map { $0.mail.commonHeaders.subject ?? "" }).count == 6)
    }

    @Test func theComposedMessageIsValidMIMEWithTheGeneratedAttachment() throws {
        let scenario = try ScenarioFixtures.load(Self.scenario(client: Self.templated))
        let definition = try #require(scenario.traffic[0].rawMessage)
        var composer = RawMessageComposer(definition: definition, client: "invoices")
        let bytes = composer.message(
            data: #"{"recipients":"a@example.org, b@example.org","invoice":"INV-7","index":7}"#)
        let message = try MIMEMessage(parsing: bytes)
        #expect(
            message.parts.map(\.mediaType.essence) == ["multipart/mixed", "text/plain", "application/pdf"])
        #expect(message.field(named: "To").map { message.value(of: $0) } == "a@example.org, b@example.org")
        var attachment: [UInt8] = []
        try message.decodedBody(of: 2, into: &attachment)
        #expect(attachment.count == 5 * 1_024)
        #expect(message.parts[2].filename == "invoice.pdf")
        // The same bytes for every message and every run.
        var again = RawMessageComposer(definition: definition, client: "invoices")
        #expect(
            again.message(data: #"{"recipients":"a@example.org, b@example.org","invoice":"INV-7","index":7}"#)
                == bytes)
    }

    @Test func aBlockedAttachmentIsRefusedEveryCall() throws {
        let client = """
              - name: installers
                api: SendRawEmail
                from: it@example.com
                message:
                  text: "From: it@example.com\\nSubject: Update\\n\\nRun it."
                  attachments: [{ name: setup.exe, size: 100 }]
                recipients: { audience: customers }
                schedule: { executor: once }
            """
        let (result, events) = try Self.run(Self.scenario(client: client))
        #expect(
            ScenarioFixtures.number("api.SendRawEmail.results.InvalidParameterValue", in: result.summary) == 6
        )
        #expect(ScenarioFixtures.number("clients.installers.recipients.failed", in: result.summary) == 6)
        #expect(events.isEmpty)
    }

    @Test func aMessageFileIsSentAsItIsAndTheRunIsDeterministic() throws {
        let folder = ScenarioFixtures.temporaryDirectory()
        let file = (folder as NSString).appendingPathComponent("message.eml")
        try
            "From: News <news@example.com>\r\nTo: list@example.com\r\nSubject: News\r\nX-SES-CONFIGURATION-SET: tracked\r\nContent-Type: text/html\r\n\r\n<a href=\"https://example.com/a\">a</a>\r\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let sets = """
            configurationSets:
              - name: tracked
                eventDestinations: [{ name: all, types: [send, delivery, open, click], firehose: { deliveryStream: s } }]
            """
        let client = """
              - name: news
                api: SendRawEmail
                message: { file: \(file) }
                recipients: { audience: customers }
                schedule: { executor: once }
            """
        let text = Self.scenario(client: client, configurationSets: sets)
        let (first, events) = try Self.run(text)
        let (second, _) = try Self.run(text)
        #expect(first.summary["eventDigest"] == second.summary["eventDigest"])
        let sends = events.filter { $0.type == .send }
        #expect(sends.count == 6)
        #expect(sends[0].mail.commonHeaders.to == ["list@example.com"])
        #expect(sends[0].mail.destination.count == 1)
        #expect(sends[0].mail.tagValue("ses:configuration-set") == "tracked")
    }

    @Test func theEngineTakesARawCallFromOutside() throws {
        let engine = try SimulationEngine(
            scenario: ScenarioFixtures.load(Self.scenario(client: Self.templated)))
        let request = SendRawEmailRequest(
            rawMessage: Array("From: a@example.com\r\nTo: b@example.org\r\nSubject: x\r\n\r\nbody\r\n".utf8),
            interface: .smtp)
        guard case .message(let message) = try engine.call(.sendRawEmail(request), at: .start + .seconds(1))
        else {
            Issue.record("expected a message")
            return
        }
        #expect(message.recipients.map(\.address) == ["b@example.org"])
        #expect(ScenarioFixtures.number("api.SendRawEmail.calls", in: engine.summary()) == 1)
    }
}
