import SESEvents
import SimCore
import Testing

/// The fan-out path writes an SNS notification's `Message` by serialising the
/// record straight into escaped form (``OutputBuffer/beginEmbedding(_:)``)
/// instead of escaping the finished record: the bytes must be exactly the
/// record escaped as a JSON string's body, for every event type and for
/// strings that need escaping at any position.
@Suite("Records serialised into an SNS message body")
struct EmbeddedRecordTests {
    typealias H = PublisherHarness

    /// Text with every kind of byte escaping treats differently.
    static let awkward = "a \"quoted\" \\ back\\slash\ttab\nline\u{01}\u{1F} é 😀 end"

    /// `record` escaped once, the way ``SNSNotificationEnvelope`` escapes a
    /// finished record.
    static func escapedOnce(_ record: [UInt8]) -> String {
        var buffer = OutputBuffer()
        record.withUnsafeBytes { JSONBytes.appendEscapedOnce(bytes: $0, to: &buffer) }
        return buffer.text
    }

    /// `event`'s record written into a buffer that embeds JSON.
    static func embedded(_ event: SESEvent, literals: EmbeddedLiteralTable) -> String {
        var buffer = OutputBuffer()
        buffer.beginEmbedding(literals)
        EventRecordSerializer(calendar: Fixtures.calendar).append(event, to: &buffer)
        buffer.endEmbedding()
        return buffer.text
    }

    /// One event of every type, with awkward text in the mail and detail.
    static func eventsOfEveryType() -> [SESEvent] {
        let time = Fixtures.at("2017-08-05T00:41:02.669Z")
        var mail = Fixtures.exampleMail()
        mail.source = "Sender \(awkward) <sender@example.com>"
        mail.tags = [
            NameValue(name: "campaign", value: awkward), NameValue(name: "k\"ey", value: "v"),
            NameValue(name: "campaign", value: "second"),
        ]
        mail.outgoingIp = "198.51.100.7"
        let details: [EventDetail] = [
            .send,
            .reject(Reject()),
            .bounce(
                Bounce(
                    bounceType: .permanent, bounceSubType: .general,
                    bouncedRecipients: [
                        BouncedRecipient(
                            emailAddress: "recipient@example.com", action: "failed", status: "5.1.1",
                            diagnosticCode: "smtp; 550 \(awkward)")
                    ],
                    timestamp: time, feedbackId: Fixtures.feedbackId, reportingMTA: "dsn; mta.example.com")),
            .complaint(
                Complaint(
                    complainedRecipients: ["recipient@example.com"], timestamp: time,
                    feedbackId: Fixtures.feedbackId, userAgent: awkward, complaintFeedbackType: "abuse",
                    arrivalDate: time)),
            .delivery(
                Delivery(
                    timestamp: time, processingTimeMillis: 546, recipients: ["recipient@example.com"],
                    smtpResponse: "250 \(awkward)", reportingMTA: "a8-70.smtp-out.amazonses.com")),
            .open(Open(ipAddress: "192.0.2.1", timestamp: time, userAgent: awkward)),
            .click(
                Click(
                    ipAddress: "192.0.2.1", timestamp: time, userAgent: awkward,
                    link: "https://example.com/?q=\"x\"",
                    linkTags: [NameValue(name: "samplekey0", value: awkward)])),
            .renderingFailure(RenderingFailure(templateName: "T\"1", errorMessage: awkward)),
            .deliveryDelay(
                DeliveryDelay(
                    timestamp: time, delayType: .transientCommunicationFailure, expirationTime: time,
                    delayedRecipients: [
                        DelayedRecipient(
                            emailAddress: "recipient@example.com", status: "4.4.1", diagnosticCode: awkward)
                    ])),
            .subscription(
                Subscription(
                    contactList: "List \(awkward)", timestamp: time, source: "UnsubscribeHeader",
                    newTopicPreferences: TopicPreferences(
                        unsubscribeAll: true,
                        topicSubscriptionStatus: [
                            TopicSubscriptionStatus(topicName: awkward, subscriptionStatus: "OptOut")
                        ]),
                    oldTopicPreferences: TopicPreferences(unsubscribeAll: false, topicSubscriptionStatus: []))
            ),
        ]
        return details.map { SESEvent(time: time, mail: mail, detail: $0, configurationSet: 0) }
    }

    @Test func everyEventTypeEmbedsAsItsRecordEscaped() {
        let serializer = EventRecordSerializer(calendar: Fixtures.calendar)
        let literals = EmbeddedLiteralTable()
        let events = Self.eventsOfEveryType()
        #expect(Set(events.map(\.type)) == Set(EventType.allCases))
        // Twice: the second pass copies the literals the first escaped.
        for _ in 0..<2 {
            for event in events {
                let expected = Self.escapedOnce(serializer.record(event))
                #expect(Self.embedded(event, literals: literals) == expected, "\(event.type)")
            }
        }
    }

    @Test func stringsOfEveryLengthAndPositionEmbedAsEscapedTwice() {
        let literals = EmbeddedLiteralTable()
        for length in 0...24 {
            for position in 0..<max(length, 1) {
                for special in ["a", "\"", "\\", "\n", "\u{01}", "é"] {
                    var characters = Array(String(repeating: "a", count: length))
                    if length > 0 { characters[position] = Character(special) }
                    let text = String(characters)
                    var plain = OutputBuffer()
                    JSONBytes.appendString(text, to: &plain)
                    var embedded = OutputBuffer()
                    embedded.beginEmbedding(literals)
                    JSONBytes.appendString(text, to: &embedded)
                    embedded.endEmbedding()
                    #expect(embedded.text == Self.escapedOnce(plain.bytes), "length \(length) at \(position)")
                }
            }
        }
    }

    /// A set with an SNS and a Firehose destination, after `leading`.
    static func snsAndFirehose(after leading: [EventDestination] = []) -> [ConfigurationSetDestinations] {
        [
            ConfigurationSetDestinations(
                name: "launch",
                eventDestinations: leading + [
                    EventDestination(
                        name: "alerts", enabled: true, matchingTypes: .all,
                        kind: .sns(topicArn: "arn:aws:sns:us-east-1:123456789012:ses-alerts")),
                    EventDestination(
                        name: "archive", enabled: true, matchingTypes: .all,
                        kind: .firehose(deliveryStream: "ses-archive")),
                ])
        ]
    }

    @Test func publishedSNSMessagesHoldTheSerializersRecords() throws {
        let harness = try H(Self.snsAndFirehose())
        let events = SharedFragmentTests.events(sharingTags: true)
        for event in events { harness.publisher.publish(event) }
        harness.publisher.finish()
        let lines = harness.sinks[RecordOutput(kind: .sns, name: "ses-alerts")]?.lines ?? []
        #expect(lines.count == events.count)
        let serializer = EventRecordSerializer(calendar: H.calendar)
        let envelope = SNSNotificationEnvelope(
            topicArn: "arn:aws:sns:us-east-1:123456789012:ses-alerts", region: "us-east-1")
        for (sequence, (line, event)) in zip(lines, events).enumerated() {
            var expected = OutputBuffer()
            serializer.record(event).withUnsafeBytes {
                envelope.append(
                    record: $0, of: event, sequence: UInt64(sequence), calendar: H.calendar, to: &expected)
            }
            #expect(line == expected.text)
        }
    }

    /// A batch takes a path of its own when there is no digest, no record to
    /// write and every dimension comes from the tags array (it reads events
    /// in place); the other cases fall back to the one-by-one path.
    @Test(arguments: [
        (dimensions: ["campaign", "segment"], writesRecords: false, computesDigest: false),
        (dimensions: ["campaign", "ses:outgoing-ip"], writesRecords: false, computesDigest: false),
        (dimensions: ["campaign"], writesRecords: true, computesDigest: true),
    ])
    func aBatchPublishesExactlyWhatOneByOnePublishingDoes(
        dimensions: [String], writesRecords: Bool, computesDigest: Bool
    ) throws {
        let cloudWatch = EventDestination(
            name: "by-campaign", enabled: true, matchingTypes: .all,
            kind: .cloudWatch(dimensions: dimensions.map { H.tag($0) }))
        func harness() throws -> PublisherHarness {
            try H(
                Self.snsAndFirehose(after: [cloudWatch]), writesRecords: writesRecords,
                computesDigest: computesDigest)
        }
        // Two passes over the events, so that the tags cache is warm.
        let events = SharedFragmentTests.events(sharingTags: true)
        let twice =
            events
            + events.map { event in
                var later = event
                later.time = event.time + .minutes(10)
                return later
            }
        let oneByOne = try harness()
        for event in twice { oneByOne.publisher.publish(event) }
        oneByOne.publisher.finish()
        let batch = try harness()
        batch.publisher.publish(contentsOf: twice)
        batch.publisher.finish()
        #expect(batch.sinks.mapValues(\.lines) == oneByOne.sinks.mapValues(\.lines))
        #expect(batch.publisher.summary() == oneByOne.publisher.summary())
        #expect(batch.publisher.eventDigest == oneByOne.publisher.eventDigest)
        let campaignEvents = try batch.metrics(of: "by-campaign").reduce(0) { total, line in
            total + EventType.allCases.reduce(0) { $0 + (line[$1.metricName ?? ""] as? Int ?? 0) }
        }
        #expect(campaignEvents == twice.count)
    }
}
