import SESEvents
import SimCore
import Testing

/// The publisher serialises the parts of records that messages share (their
/// tags array, their sender fields) once and copies the bytes afterwards:
/// its records and digest must be exactly what serialising every event from
/// scratch gives.
@Suite("Shared record parts are copied, never changed")
struct SharedFragmentTests {
    typealias H = PublisherHarness

    /// Events whose messages share tags arrays (as one traffic client's do),
    /// with and without an outgoing IP, and with tags that need grouping or
    /// escaping, or are empty.
    static func events(sharingTags: Bool) -> [SESEvent] {
        let tagArrays: [[NameValue]] = [
            [NameValue(name: "campaign", value: "spring")],
            [
                NameValue(name: "campaign", value: "summer \"sale\""),
                NameValue(name: "segment", value: "a"),
                NameValue(name: "campaign", value: "b\\c"),
            ],
            [],
        ]
        return (0..<60).map { index in
            var mail = H.mail(index, outgoingIp: index % 3 == 0 ? nil : "198.51.100.\(index % 5)")
            let tags = tagArrays[index % tagArrays.count]
            // A fresh copy of the array per message when not sharing.
            mail.tags = sharingTags ? tags : tags.map { $0 }
            // Senders change, and come back with the same text in new storage.
            switch index % 5 {
            case 1: mail.source = "Other \"Sender\" <other@example.com>"
            case 2: mail.source = String(decoding: Array("news@example.com".utf8), as: UTF8.self)
            case 3: mail.sendingAccountId = "210987654321"
            default: break
            }
            let time = H.seconds(Int64(index * 7))
            let detail: EventDetail = index % 2 == 0 ? .send : H.delivery(at: time, to: mail)
            return SESEvent(time: time, mail: mail, detail: detail, configurationSet: 0)
        }
    }

    static func publish(_ events: [SESEvent]) throws -> (firehose: [String], digest: String?) {
        let harness = try H([
            ConfigurationSetDestinations(
                name: "launch",
                eventDestinations: [
                    EventDestination(
                        name: "archive", enabled: true, matchingTypes: .all,
                        kind: .firehose(deliveryStream: "ses-archive"))
                ])
        ])
        for event in events { harness.publisher.publish(event) }
        harness.publisher.finish()
        let lines = harness.sinks[RecordOutput(kind: .firehose, name: "ses-archive")]?.lines ?? []
        return (lines, harness.publisher.eventDigest)
    }

    @Test func publishedRecordsAreTheSerializersRecords() throws {
        let events = Self.events(sharingTags: true)
        let serializer = EventRecordSerializer(calendar: H.calendar)
        let published = try Self.publish(events).firehose
        #expect(published.count == events.count)
        for (line, event) in zip(published, events) {
            #expect(line == String(decoding: serializer.record(event), as: UTF8.self))
        }
    }

    @Test func sharedTagsArraysGiveTheSameRecordsAndDigestAsOwnArrays() throws {
        let shared = try Self.publish(Self.events(sharingTags: true))
        let own = try Self.publish(Self.events(sharingTags: false))
        #expect(shared.firehose == own.firehose)
        #expect(shared.digest == own.digest)
        #expect(shared.digest != nil)
    }
}
