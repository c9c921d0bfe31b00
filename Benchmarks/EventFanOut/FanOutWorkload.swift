import SESEvents
import SimCore

/// The benchmark's workload: a million events of 250,000 messages (Send,
/// Delivery, Open, Click each), every message with 3 message tags (campaign
/// of 20, variant of 4, segment of 100 values) plus the 4 auto-tags SES adds,
/// through one configuration set with 5 destinations: 3 CloudWatch (1, 2
/// and 3 dimensions), 1 Firehose and 1 SNS, all matching every type.
///
/// Two ways to build the tags: `sharedTags` gives each of 400 traffic
/// clients (20 campaigns × 4 variants × 5 segments) one tags array that all
/// its messages share, as a sender whose tags are set per client does;
/// otherwise every message gets its own array with values drawn
/// independently (the worst case: no two messages share a tags array).
enum FanOutWorkload {
    static let messageCount = 250_000
    static let eventTypesPerMessage = 4
    static let calendar = SimCalendar(startUnixMicroseconds: 1_772_355_600_000_000)  // 2026-03-01T09:00:00Z

    static let configurationSet = ConfigurationSetDestinations(
        name: "launch",
        eventDestinations: [
            EventDestination(
                name: "by-campaign", enabled: true, matchingTypes: .all,
                kind: .cloudWatch(dimensions: [
                    DimensionConfiguration(name: "campaign", valueSource: .messageTag, defaultValue: "none")
                ])),
            EventDestination(
                name: "by-campaign-variant", enabled: true, matchingTypes: .all,
                kind: .cloudWatch(dimensions: [
                    DimensionConfiguration(name: "campaign", valueSource: .messageTag, defaultValue: "none"),
                    DimensionConfiguration(name: "variant", valueSource: .messageTag, defaultValue: "none"),
                ])),
            EventDestination(
                name: "by-segment", enabled: true, matchingTypes: .all,
                kind: .cloudWatch(dimensions: [
                    DimensionConfiguration(name: "campaign", valueSource: .messageTag, defaultValue: "none"),
                    DimensionConfiguration(name: "segment", valueSource: .messageTag, defaultValue: "none"),
                    DimensionConfiguration(
                        name: "ses:configuration-set", valueSource: .messageTag, defaultValue: "none"),
                ])),
            EventDestination(
                name: "archive", enabled: true, matchingTypes: .all,
                kind: .firehose(deliveryStream: "ses-archive")),
            EventDestination(
                name: "alerts", enabled: true, matchingTypes: .all,
                kind: .sns(topicArn: "arn:aws:sns:us-east-1:123456789012:ses-alerts")),
        ])

    static func configuration(writesRecords: Bool, computesDigest: Bool) -> EventPublisherConfiguration {
        EventPublisherConfiguration(
            configurationSets: [configurationSet], region: "us-east-1", accountId: "123456789012",
            calendar: calendar, writesRecords: writesRecords, computesDigest: computesDigest)
    }

    /// A publisher whose outputs all go to discarding sinks.
    static func publisher(writesRecords: Bool, computesDigest: Bool) -> EventPublisher {
        try! EventPublisher(
            configuration: configuration(writesRecords: writesRecords, computesDigest: computesDigest)
        ) {
            _ in DiscardingRecordSink()
        }
    }

    /// The events, in time order: every message's Send, then (a message
    /// count later) its Delivery, Open and Click, 3.6 ms apart: an hour.
    static func events(messageCount: Int = messageCount, sharedTags: Bool) -> [SESEvent] {
        let campaigns = (0..<20).map { "campaign-\($0)-spring-sale" }
        let variants = ["A", "B", "C", "D"]
        let segments = (0..<100).map { "segment-\($0)" }
        var generator = SplitMix64(seed: 2026)
        func tags(campaign: Int, variant: Int, segment: Int) -> [NameValue] {
            [
                NameValue(name: "campaign", value: campaigns[campaign]),
                NameValue(name: "variant", value: variants[variant]),
                NameValue(name: "segment", value: segments[segment]),
                NameValue(name: "ses:configuration-set", value: "launch"),
                NameValue(name: "ses:from-domain", value: "example.com"),
                NameValue(name: "ses:caller-identity", value: "ses-sender"),
                NameValue(name: "ses:source-ip", value: "203.0.113.10"),
            ]
        }
        let clients = (0..<400).map { tags(campaign: $0 % 20, variant: $0 / 20 % 4, segment: $0 / 80 * 20) }
        var mails: [MailObject] = []
        mails.reserveCapacity(messageCount)
        for index in 0..<messageCount {
            let id = MessageID(
                prefix: 0x0102_019c_0000_0000 | UInt64(index),
                uuid: UInt128(generator.next()) << 64 | UInt128(generator.next()))
            let recipient = "user\(index)@example.com"
            mails.append(
                MailObject(
                    timestamp: SimTime(microsecondsSinceStart: Int64(index) * 3_600),
                    source: "News <news@example.com>",
                    sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/example.com",
                    sendingAccountId: "123456789012", messageId: id, destination: [recipient],
                    headers: [
                        NameValue(name: "From", value: "News <news@example.com>"),
                        NameValue(name: "To", value: recipient),
                        NameValue(name: "Subject", value: "Spring sale: 20% off everything"),
                        NameValue(name: "MIME-Version", value: "1.0"),
                        NameValue(name: "Content-Type", value: "multipart/alternative; boundary=\"b1\""),
                    ],
                    commonHeaders: CommonHeaders(
                        from: ["News <news@example.com>"], to: [recipient], messageId: id,
                        subject: "Spring sale: 20% off everything"),
                    tags: sharedTags
                        ? clients[Int(generator.next() % 400)]
                        : tags(
                            campaign: Int(generator.next() % 20), variant: Int(generator.next() % 4),
                            segment: Int(generator.next() % 100))))
        }
        // SES chooses the sending IP once; every later event shares that copy.
        let sentMails = mails.enumerated().map { index, mail in
            var sent = mail
            sent.outgoingIp = "198.51.100.\(index % 8 + 1)"
            return sent
        }
        var events: [SESEvent] = []
        events.reserveCapacity(messageCount * eventTypesPerMessage)
        for round in 0..<eventTypesPerMessage {
            for index in 0..<messageCount {
                let time = SimTime(microsecondsSinceStart: Int64(round * messageCount + index) * 3_600)
                let mail = round == 0 ? mails[index] : sentMails[index]
                let detail: EventDetail
                switch round {
                case 0: detail = .send
                case 1:
                    detail = .delivery(
                        Delivery(
                            timestamp: time, processingTimeMillis: 1_250, recipients: mail.destination,
                            smtpResponse: "250 2.0.0 OK  1772355600 x1si123456.1 - gsmtp",
                            reportingMTA: "a8-30.smtp-out.amazonses.com"))
                case 2:
                    detail = .open(
                        Open(
                            ipAddress: "192.0.2.\(index % 200)", timestamp: time,
                            userAgent:
                                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15")
                    )
                default:
                    detail = .click(
                        Click(
                            ipAddress: "192.0.2.\(index % 200)", timestamp: time,
                            userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36",
                            link: "https://example.com/sale?utm_campaign=spring",
                            linkTags: [NameValue(name: "link", value: "hero")]))
                }
                events.append(SESEvent(time: time, mail: mail, detail: detail, configurationSet: 0))
            }
        }
        return events
    }
}
