import Foundation
import SESEvents
import SimCore
import Testing

/// A publisher over in-memory sinks, and events to feed it.
final class PublisherHarness {
    let publisher: EventPublisher
    private(set) var sinks: [RecordOutput: InMemoryRecordSink] = [:]

    init(
        _ sets: [ConfigurationSetDestinations], metricPeriod: SimDuration = .minutes(1),
        writesRecords: Bool = true, computesDigest: Bool = true
    ) throws {
        var sinks: [RecordOutput: InMemoryRecordSink] = [:]
        publisher = try EventPublisher(
            configuration: EventPublisherConfiguration(
                configurationSets: sets, region: "us-east-1", accountId: "123456789012",
                calendar: PublisherHarness.calendar, metricPeriod: metricPeriod, writesRecords: writesRecords,
                computesDigest: computesDigest)
        ) { output in
            let sink = InMemoryRecordSink()
            sinks[output] = sink
            return sink
        }
        self.sinks = sinks
    }

    static let calendar = try! SimCalendar(start: "2026-03-01T09:00:00Z")

    /// The lines written to `output`, parsed.
    func objects(_ output: RecordOutput) throws -> [[String: Any]] {
        try (sinks[output]?.lines ?? []).map { try #require(try Fixtures.parse($0) as? [String: Any]) }
    }

    /// The metrics lines, parsed.
    func metrics() throws -> [[String: Any]] { try objects(.metrics) }

    /// The metrics lines of destination `name`.
    func metrics(of name: String) throws -> [[String: Any]] {
        try metrics().filter { $0["sesim:eventDestination"] as? String == name }
    }

    static func cloudWatch(
        _ name: String, types: EventTypeSet = .all, enabled: Bool = true,
        _ dimensions: DimensionConfiguration...
    ) -> EventDestination {
        EventDestination(
            name: name, enabled: enabled, matchingTypes: types, kind: .cloudWatch(dimensions: dimensions))
    }

    static func tag(_ name: String, default value: String = "none") -> DimensionConfiguration {
        DimensionConfiguration(name: name, valueSource: .messageTag, defaultValue: value)
    }

    /// A message with `tags` (plus the configuration-set auto-tag).
    static func mail(
        _ index: Int, tags: [NameValue] = [], headers: [NameValue] = [], outgoingIp: String? = nil,
        configurationSet: String = "launch"
    ) -> MailObject {
        let id = MessageID(
            prefix: 0x0102_019c_0000_0000 | UInt64(index), uuid: UInt128(index) &* 0x9E37_79B9_7F4A_7C15)
        return MailObject(
            timestamp: .start, source: "news@example.com",
            sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/example.com",
            sendingAccountId: "123456789012",
            messageId: id, destination: ["user\(index)@example.com"],
            headers: [NameValue(name: "Subject", value: "Hello")] + headers,
            commonHeaders: CommonHeaders(
                from: ["news@example.com"], to: ["user\(index)@example.com"], messageId: id, subject: "Hello"),
            tags: tags + [NameValue(name: "ses:configuration-set", value: configurationSet)],
            outgoingIp: outgoingIp)
    }

    static func delivery(at time: SimTime, to mail: MailObject) -> EventDetail {
        .delivery(
            Delivery(
                timestamp: time, processingTimeMillis: 900, recipients: mail.destination,
                smtpResponse: "250 OK",
                reportingMTA: "a8-30.smtp-out.amazonses.com"))
    }

    static func bounce(at time: SimTime, to mail: MailObject) -> EventDetail {
        .bounce(
            Bounce(
                bounceType: .permanent, bounceSubType: .general,
                bouncedRecipients: [BouncedRecipient(emailAddress: mail.destination[0])], timestamp: time,
                feedbackId: MessageID(prefix: 1, uuid: 2)))
    }

    static func delay(at time: SimTime, to mail: MailObject) -> EventDetail {
        .deliveryDelay(
            DeliveryDelay(
                timestamp: time, delayType: .mailboxFull, expirationTime: time + .hours(12),
                delayedRecipients: [
                    DelayedRecipient(
                        emailAddress: mail.destination[0], status: "4.2.2", diagnosticCode: "smtp; 452 4.2.2")
                ]))
    }

    static func seconds(_ count: Int64) -> SimTime { .start + .seconds(count) }
}
