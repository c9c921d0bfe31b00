import Foundation
import SESEvents
import SimCore
import Testing

@Suite("Publishing events to configuration-set destinations")
struct PublisherTests {
    typealias H = PublisherHarness

    static let firehose = RecordOutput(kind: .firehose, name: "ses-archive")
    static let sns = RecordOutput(kind: .sns, name: "ses-alerts")
    static let eventBridge = RecordOutput(kind: .eventBridge, name: "default")

    static func recordDestinations(snsEnabled: Bool = true) -> [EventDestination] {
        [
            EventDestination(
                name: "bounces", enabled: true, matchingTypes: EventTypeSet([.bounce, .complaint]),
                kind: .firehose(deliveryStream: "ses-archive")),
            EventDestination(
                name: "alerts", enabled: snsEnabled, matchingTypes: .all,
                kind: .sns(topicArn: "arn:aws:sns:us-east-1:123456789012:ses-alerts")),
        ]
    }

    @Test func destinationsReceiveOnlyTheirEventTypes() throws {
        let harness = try H([
            ConfigurationSetDestinations(name: "launch", eventDestinations: Self.recordDestinations())
        ])
        let mail = H.mail(1)
        harness.publisher.publish(
            SESEvent(time: H.seconds(1), mail: mail, detail: .send, configurationSet: 0))
        harness.publisher.publish(
            SESEvent(
                time: H.seconds(2), mail: mail, detail: H.bounce(at: H.seconds(2), to: mail),
                configurationSet: 0))
        harness.publisher.finish()
        let firehose = try harness.objects(Self.firehose)
        #expect(firehose.map { $0["eventType"] as? String } == ["Bounce"])
        let sns = try harness.objects(Self.sns)
        #expect(sns.count == 2)
        let summary = harness.publisher.summary()
        #expect(summary.destinations.map(\.recordsWritten) == [1, 2])
        #expect(summary.destinations[0].eventsByType[.bounce] == 1)
        #expect(summary.destinations[0].eventsByType[.send] == 0)
    }

    @Test func disabledDestinationsReceiveNothingAndGetNoOutput() throws {
        let harness = try H([
            ConfigurationSetDestinations(
                name: "launch", eventDestinations: Self.recordDestinations(snsEnabled: false))
        ])
        #expect(harness.sinks[Self.sns] == nil)
        let mail = H.mail(1)
        harness.publisher.publish(
            SESEvent(
                time: H.seconds(1), mail: mail, detail: H.bounce(at: H.seconds(1), to: mail),
                configurationSet: 0))
        harness.publisher.finish()
        let summary = harness.publisher.summary()
        #expect(summary.destinations[1].enabled == false)
        #expect(summary.destinations[1].eventsByType.total == 0)
        #expect(try harness.objects(Self.firehose).count == 1)
    }

    @Test func eventsWithoutAConfigurationSetCountOnlyInAccountMetrics() throws {
        let harness = try H([
            ConfigurationSetDestinations(
                name: "launch",
                eventDestinations: Self.recordDestinations() + [H.cloudWatch("cw", H.tag("campaign"))])
        ])
        let mail = H.mail(1)
        harness.publisher.publish(
            SESEvent(time: H.seconds(1), mail: mail, detail: .send, configurationSet: nil))
        harness.publisher.publish(
            SESEvent(
                time: H.seconds(2), mail: mail, detail: H.bounce(at: H.seconds(2), to: mail),
                configurationSet: nil))
        harness.publisher.finish()
        #expect(try harness.objects(Self.sns).isEmpty)
        #expect(try harness.objects(Self.firehose).isEmpty)
        let metrics = try harness.metrics()
        #expect(metrics.count == 1)
        #expect(metrics[0]["Send"] as? Int == 1 && metrics[0]["Bounce"] as? Int == 1)
        let summary = harness.publisher.summary()
        #expect(summary.eventsWithoutConfigurationSet == 2)
        #expect(summary.accountMetrics[.send] == 1)
        #expect(summary.destinations.allSatisfy { $0.eventsByType.total == 0 })
    }

    /// A late event (for a period already written) opens its period again:
    /// its account line comes with the next write, before the later period's
    /// line, and the summary's totals count every event once.
    @Test func aLateEventGetsAnAccountLineOfItsOwnPeriod() throws {
        let harness = try H([])
        let mail = H.mail(1)
        for (seconds, detail) in [
            (10, EventDetail.send), (130, .send), (40, H.delivery(at: H.seconds(40), to: mail)),
        ] {
            harness.publisher.publish(
                SESEvent(time: H.seconds(Int64(seconds)), mail: mail, detail: detail, configurationSet: nil))
        }
        harness.publisher.publish(
            SESEvent(time: H.seconds(200), mail: mail, detail: .send, configurationSet: nil))
        harness.publisher.finish()
        let lines = try harness.metrics()
        let timestamps = try lines.map { line in
            try #require((line["_aws"] as? [String: Any])?["Timestamp"] as? Int64)
        }
        let minutes = timestamps.map { ($0 - timestamps[0]) / 60_000 }
        #expect(minutes == [0, 0, 2, 3])
        #expect(lines.map { $0["Send"] as? Int } == [1, nil, 1, 1])
        #expect(lines.map { $0["Delivery"] as? Int } == [nil, 1, nil, nil])
        let totals = harness.publisher.summary().accountMetrics
        #expect(totals[.send] == 3 && totals[.delivery] == 1 && totals.total == 4)
    }

    @Test func deliveryDelayAndSubscriptionNeverReachCloudWatchButDoReachRecords() throws {
        let harness = try H([
            ConfigurationSetDestinations(
                name: "launch",
                eventDestinations: [
                    H.cloudWatch("cw", H.tag("campaign")),
                    EventDestination(
                        name: "all", enabled: true, matchingTypes: .all,
                        kind: .firehose(deliveryStream: "ses-archive")),
                ])
        ])
        let mail = H.mail(1)
        harness.publisher.publish(
            SESEvent(
                time: H.seconds(1), mail: mail, detail: H.delay(at: H.seconds(1), to: mail),
                configurationSet: 0))
        harness.publisher.finish()
        #expect(try harness.metrics().isEmpty)
        #expect(try harness.objects(Self.firehose).map { $0["eventType"] as? String } == ["DeliveryDelay"])
        #expect(harness.publisher.summary().accountMetrics.total == 0)
    }

    @Test func missingTagsTakeTheDimensionsDefaultValue() throws {
        let harness = try H([
            ConfigurationSetDestinations(
                name: "launch",
                eventDestinations: [H.cloudWatch("cw", H.tag("campaign", default: "untagged"))])
        ])
        harness.publisher.publish(
            SESEvent(
                time: H.seconds(1), mail: H.mail(1, tags: [NameValue(name: "campaign", value: "spring")]),
                detail: .send, configurationSet: 0))
        harness.publisher.publish(
            SESEvent(time: H.seconds(2), mail: H.mail(2), detail: .send, configurationSet: 0))
        harness.publisher.finish()
        let lines = try harness.metrics(of: "cw")
        #expect(lines.map { $0["campaign"] as? String } == ["spring", "untagged"])
        #expect(lines.map { $0["Send"] as? Int } == [1, 1])
    }

    @Test func emailHeaderDimensionsReadTheHeaderAndNonASCIIValuesEmitNoMetric() throws {
        let harness = try H([
            ConfigurationSetDestinations(
                name: "launch",
                eventDestinations: [
                    H.cloudWatch(
                        "by-header",
                        DimensionConfiguration(
                            name: "X-Campaign", valueSource: .emailHeader, defaultValue: "none"))
                ])
        ])
        let ascii = H.mail(1, headers: [NameValue(name: "x-campaign", value: "spring")])
        let accented = H.mail(2, headers: [NameValue(name: "X-Campaign", value: "été")])
        let none = H.mail(3)
        for (index, mail) in [ascii, accented, none].enumerated() {
            harness.publisher.publish(
                SESEvent(time: H.seconds(Int64(index)), mail: mail, detail: .send, configurationSet: 0))
        }
        harness.publisher.finish()
        let lines = try harness.metrics(of: "by-header")
        #expect(lines.map { $0["X-Campaign"] as? String } == ["none", "spring"])
        let summary = try #require(harness.publisher.summary().destinations[0].cloudWatch)
        #expect(summary.eventsWithoutMetric == 1)
        #expect(harness.publisher.summary().destinations[0].eventsByType[.send] == 2)
    }

    @Test func linkTagDimensionsReadTheClickedLinksTags() throws {
        let harness = try H([
            ConfigurationSetDestinations(
                name: "launch",
                eventDestinations: [
                    H.cloudWatch(
                        "by-link", types: EventTypeSet([.click, .open]),
                        DimensionConfiguration(name: "link", valueSource: .linkTag, defaultValue: "untracked")
                    )
                ])
        ])
        let mail = H.mail(1)
        let click = Click(
            ipAddress: "192.0.2.1", timestamp: H.seconds(5), userAgent: "UA", link: "https://example.com",
            linkTags: [NameValue(name: "link", value: "hero")])
        harness.publisher.publish(
            SESEvent(time: H.seconds(5), mail: mail, detail: .click(click), configurationSet: 0))
        harness.publisher.publish(
            SESEvent(
                time: H.seconds(6), mail: mail,
                detail: .open(Open(ipAddress: "192.0.2.1", timestamp: H.seconds(6), userAgent: "UA")),
                configurationSet: 0))
        harness.publisher.finish()
        let lines = try harness.metrics(of: "by-link")
        #expect(lines.count == 2)
        #expect(lines[0]["link"] as? String == "hero" && lines[0]["Click"] as? Int == 1)
        #expect(lines[1]["link"] as? String == "untracked" && lines[1]["Open"] as? Int == 1)
    }

    @Test func autoTagAndOutgoingIPDimensionsResolve() throws {
        let harness = try H([
            ConfigurationSetDestinations(
                name: "launch",
                eventDestinations: [
                    H.cloudWatch("by-set", H.tag("ses:configuration-set"), H.tag("ses:outgoing-ip"))
                ])
        ])
        let mail = H.mail(1, outgoingIp: "198.51.100.7")
        harness.publisher.publish(
            SESEvent(
                time: H.seconds(1), mail: mail, detail: H.delivery(at: H.seconds(1), to: mail),
                configurationSet: 0))
        harness.publisher.finish()
        let line = try #require(try harness.metrics(of: "by-set").first)
        #expect(line["ses:configuration-set"] as? String == "launch")
        #expect(line["ses:outgoing-ip"] as? String == "198.51.100.7")
    }

    @Test func customMetricsCountEachDistinctTypeAndDimensionValues() throws {
        let harness = try H([
            ConfigurationSetDestinations(
                name: "launch",
                eventDestinations: [
                    H.cloudWatch("by-campaign", H.tag("campaign")),
                    H.cloudWatch("by-both", H.tag("campaign"), H.tag("variant")),
                    H.cloudWatch("again", H.tag("campaign")),
                ])
        ])
        var time: Int64 = 0
        for campaign in ["a", "b", "c"] {
            for variant in ["x", "y"] {
                let mail = H.mail(
                    Int(time),
                    tags: [
                        NameValue(name: "campaign", value: campaign),
                        NameValue(name: "variant", value: variant),
                    ])
                // Spread over several minutes: metrics count once per run, not per period.
                for detail in [EventDetail.send, H.delivery(at: H.seconds(time * 40), to: mail)] {
                    harness.publisher.publish(
                        SESEvent(time: H.seconds(time * 40), mail: mail, detail: detail, configurationSet: 0))
                }
                time += 1
            }
        }
        harness.publisher.finish()
        let summary = harness.publisher.summary()
        let counts = summary.destinations.map { $0.cloudWatch?.customMetricCount }
        #expect(counts == [6, 12, 6])  // 3 campaigns × 2 types; × 2 variants
        // "again" has the same dimension names as "by-campaign": the same metrics.
        #expect(summary.customMetricCount == 18)
        #expect(summary.estimatedMonthlyCloudWatchCost == 18 * 0.30)
        let ranking = try #require(summary.destinations[1].cloudWatch?.topDimensionValues)
        #expect(ranking.map(\.dimension) == ["campaign", "variant"])
        #expect(ranking[0].values.map(\.value) == ["a", "b", "c"])
        #expect(ranking[0].values.map(\.count) == [4, 4, 4])
        #expect(ranking[1].distinctValueCount == 2)
    }

    @Test func metricsLinesAreEmbeddedMetricFormatWithTheRightDimensions() throws {
        let harness = try H([
            ConfigurationSetDestinations(
                name: "launch",
                eventDestinations: [H.cloudWatch("by-both", H.tag("campaign"), H.tag("variant"))])
        ])
        let mail = H.mail(
            1, tags: [NameValue(name: "campaign", value: "spring"), NameValue(name: "variant", value: "A")])
        harness.publisher.publish(
            SESEvent(time: H.seconds(10), mail: mail, detail: .send, configurationSet: 0))
        harness.publisher.publish(
            SESEvent(
                time: H.seconds(20), mail: mail, detail: H.delivery(at: H.seconds(20), to: mail),
                configurationSet: 0))
        harness.publisher.publish(
            SESEvent(time: H.seconds(70), mail: mail, detail: .send, configurationSet: 0))
        harness.publisher.finish()
        let lines = try harness.metrics()
        #expect(lines.count == 4)  // per minute: the account line, then the destination's
        let start = Int64(1_772_355_600_000)  // 2026-03-01T09:00:00Z in ms
        for (index, line) in lines.enumerated() {
            let aws = try #require(line["_aws"] as? [String: Any])
            #expect(aws["Timestamp"] as? Int64 == start + Int64(index / 2) * 60_000)
            let directives = try #require(aws["CloudWatchMetrics"] as? [[String: Any]])
            #expect(directives.count == 1)
            #expect(directives[0]["Namespace"] as? String == "AWS/SES")
            let dimensions = try #require(directives[0]["Dimensions"] as? [[String]])
            let metrics = try #require(directives[0]["Metrics"] as? [[String: String]])
            for metric in metrics {
                #expect(metric["Unit"] == "Count")
                #expect(line[metric["Name"]!] is Int)
            }
            if index % 2 == 0 {
                #expect(dimensions == [[]])
            } else {
                #expect(dimensions == [["campaign", "variant"]])
                #expect(line["campaign"] as? String == "spring" && line["variant"] as? String == "A")
                #expect(line["sesim:configurationSet"] as? String == "launch")
            }
        }
        #expect(
            (lines[1]["_aws"] as? [String: Any]).flatMap {
                ($0["CloudWatchMetrics"] as? [[String: Any]])?[0]["Metrics"] as? [[String: String]]
            }?.map { $0["Name"]! } == ["Send", "Delivery"])
        #expect(lines[1]["Send"] as? Int == 1 && lines[1]["Delivery"] as? Int == 1)
        #expect(lines[3]["Send"] as? Int == 1 && lines[3]["Delivery"] == nil)
    }

    @Test func snsNotificationsWrapTheRecordAsSESSendsThem() throws {
        let harness = try H([
            ConfigurationSetDestinations(name: "launch", eventDestinations: Self.recordDestinations())
        ])
        let mail = H.mail(1)
        harness.publisher.publish(
            SESEvent(
                time: H.seconds(3), mail: mail, detail: H.bounce(at: H.seconds(3), to: mail),
                configurationSet: 0))
        harness.publisher.finish()
        let notification = try #require(try harness.objects(Self.sns).first)
        #expect(
            Set(notification.keys) == [
                "Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp", "SignatureVersion",
                "Signature",
                "SigningCertURL", "UnsubscribeURL",
            ])
        #expect(notification["Type"] as? String == "Notification")
        #expect(notification["TopicArn"] as? String == "arn:aws:sns:us-east-1:123456789012:ses-alerts")
        #expect(notification["Subject"] as? String == "Amazon SES Email Event Notification")
        #expect(notification["Timestamp"] as? String == "2026-03-01T09:00:03.000Z")
        #expect(notification["SignatureVersion"] as? String == "1")
        #expect((notification["Signature"] as? String)?.count == 344)
        #expect(Data(base64Encoded: notification["Signature"] as? String ?? "")?.count == 256)
        let messageId = try #require(notification["MessageId"] as? String)
        #expect(UUID(uuidString: messageId) != nil)
        #expect(
            (notification["SigningCertURL"] as? String)?.hasPrefix(
                "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-") == true)
        #expect(
            (notification["UnsubscribeURL"] as? String)?.hasPrefix(
                "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-1:123456789012:ses-alerts:"
            )
                == true)
        // The Message is the record, as the Firehose destination wrote it.
        let message = try #require(notification["Message"] as? String)
        let record = try #require(harness.sinks[Self.firehose]?.lines.first)
        #expect(message == record)
    }

    @Test func eventBridgeEventsWrapTheRecordAsDetail() throws {
        let harness = try H([
            ConfigurationSetDestinations(
                name: "launch",
                eventDestinations: [
                    EventDestination(
                        name: "bus", enabled: true, matchingTypes: .all,
                        kind: .eventBridge(eventBus: "default"))
                ])
        ])
        let mail = H.mail(1)
        harness.publisher.publish(
            SESEvent(
                time: .start + .milliseconds(4_321), mail: mail,
                detail: H.delivery(at: H.seconds(4), to: mail),
                configurationSet: 0))
        harness.publisher.finish()
        let event = try #require(try harness.objects(Self.eventBridge).first)
        #expect(
            Set(event.keys) == [
                "version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail",
            ])
        #expect(event["version"] as? String == "0")
        #expect(event["detail-type"] as? String == "Email Delivered")
        #expect(event["source"] as? String == "aws.ses")
        #expect(event["account"] as? String == "123456789012")
        #expect(event["time"] as? String == "2026-03-01T09:00:04Z")
        #expect(event["region"] as? String == "us-east-1")
        #expect(
            event["resources"] as? [String] == ["arn:aws:ses:us-east-1:123456789012:configuration-set/launch"]
        )
        #expect(UUID(uuidString: event["id"] as? String ?? "") != nil)
        let detail = try #require(event["detail"] as? [String: Any])
        #expect(detail["eventType"] as? String == "Delivery")
        #expect(
            EventType.allCases.map(EventBridgeEnvelope.detailType) == [
                "Email Sent", "Email Rejected", "Email Bounced", "Email Complaint Received",
                "Email Delivered",
                "Email Opened", "Email Clicked", "Email Rendering Failed", "Email Delivery Delayed",
                "Email Subscribed",
            ])
    }

    /// A run's worth of mixed events through every kind of destination.
    static func run(_ events: [SESEvent]) throws -> (outputs: [RecordOutput: [UInt8]], digest: String?) {
        let harness = try H([
            ConfigurationSetDestinations(
                name: "launch",
                eventDestinations: Self.recordDestinations() + [
                    H.cloudWatch("cw", H.tag("campaign")),
                    EventDestination(
                        name: "bus", enabled: true, matchingTypes: .all,
                        kind: .eventBridge(eventBus: "default")),
                ])
        ])
        for event in events { harness.publisher.publish(event) }
        harness.publisher.finish()
        return (harness.sinks.mapValues(\.bytes), harness.publisher.eventDigest)
    }

    static func sampleEvents() -> [SESEvent] {
        (0..<40).map { index in
            let mail = H.mail(
                index, tags: [NameValue(name: "campaign", value: ["spring", "summer"][index % 2])],
                outgoingIp: index % 3 == 0 ? nil : "198.51.100.\(index % 5)")
            let time = H.seconds(Int64(index * 7))
            let detail: EventDetail =
                switch index % 4 {
                case 0: .send
                case 1: H.delivery(at: time, to: mail)
                case 2: H.bounce(at: time, to: mail)
                default: H.delay(at: time, to: mail)
                }
            return SESEvent(time: time, mail: mail, detail: detail, configurationSet: 0)
        }
    }

    @Test func theSameInputsGiveByteIdenticalOutputsAndDigest() throws {
        let first = try Self.run(Self.sampleEvents())
        let second = try Self.run(Self.sampleEvents())
        #expect(
            first.outputs.keys.sorted() == [Self.firehose, Self.sns, Self.eventBridge, .metrics].sorted())
        for (output, bytes) in first.outputs {
            #expect(!bytes.isEmpty)
            #expect(second.outputs[output] == bytes, "\(output) differs")
        }
        #expect(first.digest == second.digest)
        #expect(first.digest?.count == 64)
    }
}
