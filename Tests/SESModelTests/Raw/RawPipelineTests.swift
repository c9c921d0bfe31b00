import MIME
import SESEvents
import SimCore
import Testing

@testable import SESModel

@Suite("Raw messages in the pipeline")
struct RawPipelineTests {
    static let tracked = ConfigurationSet(
        name: "raw-set",
        eventDestinations: [
            EventDestination(
                name: "all", enabled: true, matchingTypes: .all, kind: .firehose(deliveryStream: "events"))
        ])

    static func engaged() -> DeliveryParameters {
        var parameters = DeliveryParameters()
        parameters.defaultBehavior.open = 1
        parameters.defaultBehavior.click = 1
        parameters.defaultBehavior.openDelay = Pipeline.constant(.minutes(10))
        parameters.defaultBehavior.clickDelay = Pipeline.constant(.minutes(20))
        return parameters
    }

    static func send(
        _ raw: [UInt8], _ simulation: inout Simulation<ServiceDriver>, destinations: [String] = [],
        configurationSet: String? = nil
    ) throws -> AcceptedMessage {
        let message = try simulation.model.service.sendRawEmail(
            RawFixtures.request(raw, destinations: destinations, configurationSet: configurationSet),
            origin: MessageOrigin(token: 0), at: simulation.queue.now)
        simulation.model.drain(&simulation.queue)
        return message
    }

    @Test func eventsCarryTheSendersHeadersAndTheSESHeaders() throws {
        var simulation = Pipeline.simulation(configurationSets: [Self.tracked], parameters: Self.engaged())
        let message = try Self.send(RawFixtures.bytes("ses-headers"), &simulation)
        simulation.run(until: .start + .hours(1))
        let events = simulation.model.events
        #expect(events.map(\.type) == [.send, .delivery, .open, .click])
        let mail = events[0].mail
        #expect(
            mail.headers.map(\.name) == [
                "From", "To", "Subject", "Date", "Message-ID", "X-SES-CONFIGURATION-SET",
                "X-SES-MESSAGE-TAGS",
                "Content-Type", "Content-Transfer-Encoding", "MIME-Version",
            ])
        #expect(mail.headerValue("Message-ID") == "<fixture-ses@example.com>")
        #expect(mail.commonHeaders.messageId == message.messageId)
        #expect(mail.commonHeaders.from == ["Sender Name <sender@example.com>"])
        #expect(mail.commonHeaders.to == ["recipient@example.com"])
        #expect(mail.commonHeaders.date == "Tue, 07 Mar 2023 14:42:27 +0000")
        #expect(mail.commonHeaders.subject == "SES headers")
        #expect(mail.source == "sender@example.com")
        #expect(mail.destination == ["recipient@example.com"])
        #expect(mail.tagValue("ses:operation") == "SendRawEmail")
        #expect(mail.tagValue("ses:configuration-set") == "raw-set")
        #expect(mail.tagValue("campaign") == "spring")
        #expect(mail.tagValue("ses:from-domain") == "example.com")
        guard case .click(let click) = events[3].detail else { return }
        #expect(click.link == "https://example.com/")
        #expect(simulation.model.service.messagesInFlight == 0)
    }

    @Test func headersOfTenKilobytesOrMoreAreTruncated() throws {
        var simulation = Pipeline.simulation()
        let filler = (0..<40).map { "X-Filler-\($0): " + String(repeating: "v", count: 250) }
        _ = try Self.send(RawFixtures.plain(extra: filler), &simulation)
        simulation.run(until: .start + .hours(1))
        let mail = simulation.model.events[0].mail
        #expect(mail.headersTruncated)
        let kept = mail.headers.reduce(0) { $0 + $1.name.utf8.count + 2 + $1.value.utf8.count + 2 }
        #expect(kept < RawHeaderSummary.truncationSize)
        #expect(mail.headers.count < 43)
        #expect(mail.headers.prefix(3).map(\.name) == ["From", "To", "Subject"])
        var small = Pipeline.simulation()
        _ = try Self.send(RawFixtures.plain(extra: Array(filler.prefix(5))), &small)
        #expect(!small.model.events[0].mail.headersTruncated)
        #expect(small.model.events[0].mail.headers.count == 8)
    }

    @Test func clicksComeFromHTMLNestedInRelatedInAlternativeInMixed() throws {
        var simulation = Pipeline.simulation(configurationSets: [Self.tracked], parameters: Self.engaged())
        _ = try Self.send(RawFixtures.bytes("nested-related"), &simulation, configurationSet: "raw-set")
        simulation.run(until: .start + .hours(1))
        let clicks = simulation.model.events.compactMap { event -> String? in
            if case .click(let click) = event.detail { return click.link }
            return nil
        }
        #expect(clicks == ["https://example.com/news"])
    }

    @Test func aVirusInABase64AttachmentIsRejected() throws {
        var simulation = Pipeline.simulation()
        var encoded: [UInt8] = []
        Base64Codec.encode(Array(DeliveryParameters.eicarSignature.utf8), into: &encoded)
        let raw =
            RawFixtures.message([
                "From: sender@example.com", "To: r@example.com", "Content-Type: multipart/mixed; boundary=b",
                "",
                "--b", "", "See attached.", "--b",
                "Content-Type: application/octet-stream; name=eicar.com.txt",
                "Content-Transfer-Encoding: base64", "",
            ]) + Array("\r\n".utf8) + encoded + Array("--b--\r\n".utf8)
        _ = try Self.send(raw, &simulation)
        simulation.run(until: .start + .hours(1))
        #expect(simulation.model.events.map(\.type) == [.send, .reject])
    }

    @Test func theDeliveredMessageHasSESsHeadersNoBccAndTrackedHTML() throws {
        var simulation = Pipeline.simulation(configurationSets: [Self.tracked])
        let raw = try RawFixtures.bytes("alternative-in-mixed")
        var withBcc = Array("Bcc: hidden@example.com\r\nX-SES-CONFIGURATION-SET: raw-set\r\n".utf8)
        withBcc += raw
        let message = try Self.send(withBcc, &simulation)
        let delivered = try #require(simulation.model.service.deliveredMessage(message))
        let parsed = try MIMEMessage(parsing: delivered)
        #expect(parsed.field(named: "Bcc") == nil)
        #expect(parsed.field(named: "X-SES-CONFIGURATION-SET") == nil)
        #expect(parsed.header.map { parsed.value(of: $0) }.contains("Sender Name <sender@example.com>"))
        #expect(
            parsed.field(named: "Message-ID").map { parsed.value(of: $0) }
                == "<\(message.messageId)@email.amazonses.com>")
        #expect(parsed.field(named: "Date").map { parsed.value(of: $0) } == "Mon, 02 Mar 2026 09:00:00 +0000")
        #expect(
            parsed.essences == [
                "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "application/pdf",
            ])
        var html: [UInt8] = []
        try parsed.decodedBody(of: 3, into: &html)
        let text = String(decoding: html, as: UTF8.self)
        #expect(
            text.contains(
                "https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Faccount/1/\(message.messageId)/"
            ))
        #expect(text.contains("/I0/\(message.messageId)/"))
        #expect(try parsed.text(of: 2) == "Your invoice is attached.\r\nhttps://example.com/account\r\n")
        var pdf: [UInt8] = []
        try parsed.decodedBody(of: 4, into: &pdf)
        var original: [UInt8] = []
        try MIMEMessage(parsing: raw).decodedBody(of: 4, into: &original)
        #expect(pdf == original)
        // Without tracking, the body is the sender's, byte for byte.
        let untracked = try Self.send(raw, &simulation)
        let plain = try #require(simulation.model.service.deliveredMessage(untracked))
        let bodyStart = try MIMEMessage(parsing: raw).parts[0].bodyStart
        #expect(Array(plain.suffix(raw.count - bodyStart)) == Array(raw[bodyStart...]))
    }

    @Test func eightBitHTMLBecomesQuotedPrintableWhenRewritten() throws {
        var simulation = Pipeline.simulation(configurationSets: [Self.tracked])
        let message = try Self.send(
            RawFixtures.bytes("non-ascii-headers"), &simulation, configurationSet: "raw-set")
        let delivered = try MIMEMessage(
            parsing: try #require(simulation.model.service.deliveredMessage(message)))
        let html = try #require(delivered.parts.firstIndex { $0.isHTMLBody })
        #expect(delivered.parts[html].transferEncoding == .quotedPrintable)
        #expect(delivered.bytes[delivered.parts[html].body].allSatisfy { $0 < 0x80 })
        let text = try delivered.text(of: html)
        #expect(text.contains("Grüße aus"))
        // An unencoded link is not tracked (AWS-DG faqs-metrics), the pixel is added.
        #expect(text.contains("href='https://example.com/köln'"))
        #expect(text.contains("/I0/\(message.messageId)/"))
        // The 8-bit text part, untouched, stays 8bit.
        #expect(delivered.parts[html - 1].transferEncoding == .eightBit)
    }

    @Test func latin1QuotedPrintableHTMLStaysQuotedPrintable() throws {
        var simulation = Pipeline.simulation(configurationSets: [Self.tracked])
        let message = try Self.send(
            RawFixtures.bytes("latin1-quoted-printable"), &simulation, configurationSet: "raw-set")
        let delivered = try MIMEMessage(
            parsing: try #require(simulation.model.service.deliveredMessage(message)))
        #expect(delivered.parts[0].transferEncoding == .quotedPrintable)
        var body: [UInt8] = []
        try delivered.decodedBody(of: 0, into: &body)
        let text = try #require(Charsets.decode(body, charset: "iso-8859-1"))
        #expect(text.hasPrefix("<p>Café crème <a href=\"https://r.us-east-1.awstrack.me/L0/"))
    }

    @Test func recordedMessagesCarryTheDeliveredRawMessage() throws {
        var account = Fixtures.account()
        try account.addConfigurationSet(Self.tracked)
        var service = SESService(
            account: account, parameters: DeliveryParameters(), audiences: [], streams: RandomStreams(seed: 3)
        )
        service.recordsMessages = true
        let message = try service.sendRawEmail(
            RawFixtures.request(try RawFixtures.bytes("alternative-in-mixed"), configurationSet: "raw-set"),
            origin: MessageOrigin(token: 0), at: .start)
        var drained = Outbox()
        service.outbox.drain(into: &drained)
        let process = try #require(
            drained.scheduled.first { if case .process = $0.event { true } else { false } })
        let expected = try #require(service.deliveredMessage(message))
        service.handle(process.event, at: process.time)
        let records = service.outbox.messageRecords.compactMap { record -> DeliveredContent? in
            if case .delivered(let content) = record { return content }
            return nil
        }
        #expect(records.count == 1)
        let delivered = try #require(records.first)
        #expect(delivered.raw == expected)
        #expect(delivered.subject == "Invoice attached")
        #expect(delivered.text == "Your invoice is attached.\r\nhttps://example.com/account\r\n")
        #expect(delivered.html?.contains("/I0/\(message.messageId)/") == true)
        #expect(delivered.messageId == message.messageId)
    }

    @Test func theDateHeaderIsRFC5322() {
        #expect(DeliveredRawMessage.date(unixMicroseconds: 0) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(
            DeliveredRawMessage.date(unixMicroseconds: 1_678_200_148_430_000)
                == "Tue, 07 Mar 2023 14:42:28 +0000")
        #expect(
            DeliveredRawMessage.messageIDHeader("0102-x", region: "eu-west-1")
                == "<0102-x@eu-west-1.amazonses.com>")
    }
}

extension MIMEMessage {
    var essences: [String] { parts.map(\.mediaType.essence) }

    func text(of part: Int) throws -> String {
        var bytes: [UInt8] = []
        try decodedBody(of: part, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
