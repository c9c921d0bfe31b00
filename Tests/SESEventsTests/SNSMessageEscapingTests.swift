import Foundation
import SESEvents
import SimCore
import Testing

/// An SNS notification's `Message` is the event's record escaped as a JSON
/// string's body. The escaper (the C kernel `cjson_escape`, through
/// ``JSONBytes/appendEscaped(bytes:to:)``) works on blocks of sixteen bytes
/// and escapes quotes and backslashes inside a word by shifting the rest of
/// it, so it is checked here, as the fan-out uses it, against this target's
/// own byte-by-byte reference for every event type and for text with special
/// bytes at every position, alone, in pairs and in runs. (CJSONEscapingTests
/// checks the kernel itself, against its own reference.)
@Suite("The SNS message: the record, escaped")
struct SNSMessageEscapingTests {
    typealias H = PublisherHarness

    /// Text with every kind of byte escaping treats differently.
    static let awkward = "a \"quoted\" \\ back\\slash\ttab\nline\u{01}\u{1F} é 😀 end"

    /// `bytes` escaped one byte at a time, as RFC 8259 §7 says: the reference.
    static func referenceEscaped(_ bytes: [UInt8]) -> [UInt8] {
        let hex = Array("0123456789abcdef".utf8)
        var escaped: [UInt8] = []
        for byte in bytes {
            switch byte {
            case 0x22, 0x5C: escaped += [0x5C, byte]
            case 0x08: escaped += Array("\\b".utf8)
            case 0x0C: escaped += Array("\\f".utf8)
            case 0x0A: escaped += Array("\\n".utf8)
            case 0x0D: escaped += Array("\\r".utf8)
            case 0x09: escaped += Array("\\t".utf8)
            case 0..<0x20: escaped += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: escaped.append(byte)
            }
        }
        return escaped
    }

    /// `bytes` escaped by ``JSONBytes/appendEscaped(bytes:to:)``.
    static func escaped(_ bytes: [UInt8]) -> [UInt8] {
        var buffer = OutputBuffer()
        bytes.withUnsafeBytes { JSONBytes.appendEscaped(bytes: $0, to: &buffer) }
        return buffer.bytes
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

    @Test func everyEventTypesRecordEscapesAsTheReferenceDoes() {
        let serializer = EventRecordSerializer(calendar: Fixtures.calendar)
        let events = Self.eventsOfEveryType()
        #expect(Set(events.map(\.type)) == Set(EventType.allCases))
        for event in events {
            let record = serializer.record(event)
            #expect(Self.escaped(record) == Self.referenceEscaped(record), "\(event.type)")
        }
    }

    @Test func specialBytesAtEveryPositionEscapeAsTheReferenceDoes() {
        let specials: [UInt8] = [0x22, 0x5C, 0x0A, 0x01, 0x1F, 0x09, 0xC3]
        for length in 0...40 {
            let plain = Array(repeating: UInt8(ascii: "a"), count: length)
            #expect(Self.escaped(plain) == Self.referenceEscaped(plain), "length \(length)")
            for position in 0..<length {
                for special in specials {
                    var one = plain
                    one[position] = special
                    #expect(
                        Self.escaped(one) == Self.referenceEscaped(one),
                        "\(special) at \(position) of \(length)")
                    // A second special byte in the same word, or the next.
                    for other in [0x22, 0x5C, 0x0D] as [UInt8] {
                        for gap in 1...9 where position + gap < length {
                            var two = one
                            two[position + gap] = other
                            #expect(
                                Self.escaped(two) == Self.referenceEscaped(two),
                                "\(special) at \(position), \(other) at \(position + gap) of \(length)")
                        }
                    }
                }
            }
            // Every byte a quote, then every byte a backslash: a word escaped
            // eight times over.
            for special in [0x22, 0x5C] as [UInt8] {
                let run = Array(repeating: special, count: length)
                #expect(Self.escaped(run) == Self.referenceEscaped(run), "\(length) × \(special)")
            }
        }
    }

    @Test func stringsEscapeInsideTheirQuotes() {
        var buffer = OutputBuffer()
        JSONBytes.appendString(Self.awkward, to: &buffer)
        #expect(buffer.bytes == [0x22] + Self.referenceEscaped(Array(Self.awkward.utf8)) + [0x22])
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

    /// The fan-out escapes a record for SNS in pieces, copying the escaped
    /// forms of the parts it copied from its caches (sender fields, tags):
    /// the lines must equal escaping the whole record, with tags shared
    /// (cache hits) or not, and senders that change and come back.
    @Test(arguments: [true, false])
    func publishedSNSMessagesHoldTheSerializersRecords(sharingTags: Bool) throws {
        let harness = try H(Self.snsAndFirehose())
        let events = SharedFragmentTests.events(sharingTags: sharingTags)
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
            // And the Message, read back as JSON, is the record.
            let notification = try #require(
                JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(
                notification["Message"] as? String
                    == String(decoding: serializer.record(event), as: UTF8.self))
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
