import Foundation
import SESEvents
import SimCore
import Testing

@Suite("Supporting pieces")
struct SupportTests {
    @Test func recordTimestampsMatchTheCalendarsText() {
        let calendar = PublisherHarness.calendar
        for micros: Int64 in [
            0, 999, 1_000, 59_999_999, 86_399_999_999, 31_622_400_000_123, 4_000_000_000_000_000,
        ] {
            let time = SimTime(microsecondsSinceStart: micros)
            let event = SESEvent(
                time: time, mail: PublisherHarness.mail(1),
                detail: .open(Open(ipAddress: "1", timestamp: time, userAgent: "u")), configurationSet: 0)
            let record = EventRecordSerializer(calendar: calendar).record(event)
            let open = (try? Fixtures.parse(record) as? [String: Any])?["open"] as? [String: Any]
            #expect(open?["timestamp"] as? String == calendar.timestamp(time))
        }
    }

    /// Every digit of the date and time is written from its own field: a
    /// sweep of instants over four millennia, each field's edges included.
    @Test func timestampsAcrossMillenniaMatchTheCalendarsText() {
        let calendar = PublisherHarness.calendar
        let serializer = EventRecordSerializer(calendar: calendar)
        // The edges of the fast path (1970 to 9999) and of leap years.
        let start = calendar.startUnixMicroseconds
        for unixMicros: Int64 in [
            0, -1, 951_782_399_999_000, 951_868_800_000_000, 4_107_542_399_999_000,
            253_402_300_799_999_000, 253_402_300_800_000_000,
        ] {
            let time = SimTime(microsecondsSinceStart: unixMicros - start)
            let event = SESEvent(
                time: time, mail: PublisherHarness.mail(1),
                detail: .open(Open(ipAddress: "1", timestamp: time, userAgent: "u")), configurationSet: 0)
            let open =
                (try? Fixtures.parse(serializer.record(event)) as? [String: Any])?["open"] as? [String: Any]
            #expect(open?["timestamp"] as? String == calendar.timestamp(time), "\(unixMicros)")
        }
        var state: UInt64 = 11
        for index in 0..<4_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Microseconds in 4,000 years, or in a day.
            let span: UInt64 = index % 2 == 0 ? 126_230_400_000_000_000 : 86_400_000_000
            let time = SimTime(microsecondsSinceStart: Int64(state >> 8 % span))
            let event = SESEvent(
                time: time, mail: PublisherHarness.mail(1),
                detail: .open(Open(ipAddress: "1", timestamp: time, userAgent: "u")), configurationSet: 0)
            let record = serializer.record(event)
            let open = (try? Fixtures.parse(record) as? [String: Any])?["open"] as? [String: Any]
            #expect(open?["timestamp"] as? String == calendar.timestamp(time), "\(time)")
        }
    }

    @Test func pricingFollowsCloudWatchsTiers() {
        let pricing = CloudWatchPricing.standard
        #expect(pricing.monthlyCost(metricCount: 0) == 0)
        #expect(pricing.monthlyCost(metricCount: 10) == 3.0)
        #expect(abs(pricing.monthlyCost(metricCount: 10_001) - 3_000.10) < 1e-9)
        #expect(abs(pricing.monthlyCost(metricCount: 1_000_001) - (3_000 + 24_000 + 37_500 + 0.02)) < 1e-6)
        #expect(CloudWatchPricing(pricePerMetricMonth: 0.5).monthlyCost(metricCount: 4) == 2)
    }

    @Test func mailObjectsAreValuesThoughTheyShareStorage() {
        let original = PublisherHarness.mail(1, tags: [NameValue(name: "campaign", value: "spring")])
        var copy = original
        copy.tags[0].value = "summer"
        copy.outgoingIp = "198.51.100.1"
        #expect(original.tags[0].value == "spring" && original.outgoingIp == nil)
        #expect(copy.tagValue("campaign") == "summer" && copy.tagValue("ses:outgoing-ip") == "198.51.100.1")
        #expect(original != copy)
        var same = copy
        same.outgoingIp = "198.51.100.1"
        #expect(same == copy && same.hashValue == copy.hashValue)
        #expect(original.headerValue("subject") == "Hello")
    }

    @Test func derivedIdentifiersAreVersionFourUUIDsThatDependOnTheirInputs() {
        let id = MessageID(prefix: 1, uuid: 2)
        let first = DerivedIdentifier.uuidText(DerivedIdentifier.bits(messageId: id, sequence: 0, salt: 7))
        #expect(UUID(uuidString: first) != nil)
        #expect(Array(first)[14] == "4")
        #expect(
            first == DerivedIdentifier.uuidText(DerivedIdentifier.bits(messageId: id, sequence: 0, salt: 7)))
        #expect(
            first != DerivedIdentifier.uuidText(DerivedIdentifier.bits(messageId: id, sequence: 1, salt: 7)))
    }

    @Test func outputFileNamesFollowTheRunsConventions() {
        #expect(RecordOutput(kind: .firehose, name: "ses-archive").fileName == "firehose-ses-archive.jsonl")
        #expect(RecordOutput(kind: .sns, name: "alerts").fileName == "sns-alerts.jsonl")
        #expect(RecordOutput(kind: .eventBridge, name: "a/b").fileName == "eventbridge-a_b.jsonl")
        #expect(RecordOutput.metrics.fileName == "metrics.jsonl")
        let destination = EventDestination(
            name: "f", enabled: true, matchingTypes: .all,
            kind: .firehose(deliveryStream: "arn:aws:firehose:us-east-1:123456789012:deliverystream/archive"))
        #expect(destination.recordOutput == RecordOutput(kind: .firehose, name: "archive"))
    }

    @Test func theJSONComparisonNoticesDifferences() throws {
        let base = try Fixtures.parse(#"{"a":[1,{"b":"x"}],"c":true}"#)
        #expect(Fixtures.difference(base, try Fixtures.parse(#"{"a":[1,{"b":"x"}],"c":true}"#)) == nil)
        #expect(Fixtures.difference(base, try Fixtures.parse(#"{"a":[1,{"b":"y"}],"c":true}"#)) != nil)
        #expect(Fixtures.difference(base, try Fixtures.parse(#"{"a":[1,{"b":"x"}],"c":1}"#)) != nil)
        #expect(Fixtures.difference(base, try Fixtures.parse(#"{"a":[1,{"b":"x"}]}"#)) != nil)
    }

    @Test func lateEventsAreCountedInTheirOwnPeriod() throws {
        let harness = try PublisherHarness([
            ConfigurationSetDestinations(name: "launch", eventDestinations: [])
        ])
        let mail = PublisherHarness.mail(1)
        harness.publisher.publish(
            SESEvent(time: PublisherHarness.seconds(61), mail: mail, detail: .send, configurationSet: 0))
        harness.publisher.publish(
            SESEvent(time: PublisherHarness.seconds(10), mail: mail, detail: .send, configurationSet: 0))
        harness.publisher.publish(
            SESEvent(time: PublisherHarness.seconds(130), mail: mail, detail: .send, configurationSet: 0))
        harness.publisher.finish()
        let stamps = try harness.metrics().map { ($0["_aws"] as? [String: Any])?["Timestamp"] as? Int64 }
        let start: Int64 = 1_772_355_600_000
        #expect(stamps == [start, start + 60_000, start + 120_000])
    }
}
