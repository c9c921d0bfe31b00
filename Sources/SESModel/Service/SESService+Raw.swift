import MIME
import SESEvents
import SESTemplates
import SimCore

extension SESService {
    /// The `mail` object of a raw message's events: the sender's header
    /// (truncated as SES truncates it) and the common headers read from it,
    /// with SES's message ID.
    func rawMailObject(_ message: InFlightMessage, _ summary: RawHeaderSummary) -> MailObject {
        let accepted = message.accepted
        return MailObject(
            timestamp: accepted.acceptedAt, source: accepted.source.text, sourceArn: message.sourceArn,
            sendingAccountId: account.settings.accountId, messageId: accepted.messageId,
            destination: accepted.recipients.map(\.address), headersTruncated: summary.headersTruncated,
            headers: summary.headers,
            commonHeaders: CommonHeaders(
                from: summary.from, date: summary.date, to: summary.to, messageId: accepted.messageId,
                subject: summary.subject),
            tags: message.publishedTags, outgoingIp: nil)
    }

    /// The processing of a raw message: whether a virus signature is in its
    /// header or any decoded part, and its HTML bodies (decoded) for
    /// tracking. The message's body is dropped from the record afterwards.
    mutating func processRaw(_ slot: Int32, _ raw: RawContent) -> (infected: Bool, html: [[UInt8]]) {
        guard let message = raw.message else { return (false, []) }
        messages[slot].accepted.content = .raw(raw.processed)
        var infected = containsVirusSignature(Array(message.bytes[0..<message.parts[0].bodyStart]))
        var decoded: [UInt8] = []
        for index in message.parts.indices where !infected && message.parts[index].isLeaf {
            decoded.removeAll(keepingCapacity: true)
            try? message.decodedBody(of: index, into: &decoded)
            infected = containsVirusSignature(decoded)
        }
        if infected { return (true, []) }
        var html: [[UInt8]] = []
        for index in RawMessageRules.htmlBodies(message) {
            decoded.removeAll(keepingCapacity: true)
            try? message.decodedBody(of: index, into: &decoded)
            html.append(decoded)
        }
        return (false, html)
    }

    /// Open and click tracking of a raw message's HTML bodies: each is
    /// instrumented as a simple message's HTML is; the message's tracked
    /// links are those of all its bodies, in order.
    mutating func applyRawTracking(_ slot: Int32, htmlBodies: [[UInt8]]) {
        guard !htmlBodies.isEmpty, let index = messages[slot].accepted.configurationSet else { return }
        let set = account.configurationSets[index]
        guard set.tracksOpens || set.tracksClicks else { return }
        let options = trackingOptions(messages[slot].accepted, set)
        var links: [TrackedLinkInfo] = []
        for html in htmlBodies {
            instrumenter.instrument(
                html: html, options: options, into: &instrumentedHTML, links: &trackedLinks)
            for link in trackedLinks {
                links.append(
                    TrackedLinkInfo(
                        url: link.url, tags: link.tags.map { NameValue(name: $0.name, value: $0.value) }))
            }
        }
        messages[slot].tracksOpens = set.tracksOpens
        messages[slot].tracksClicks = set.tracksClicks && !links.isEmpty
        if set.tracksClicks {
            if links != lastLinks { lastLinks = links }
            messages[slot].links = lastLinks
        }
    }

    /// The tracking options of `message` sent with configuration set `set`.
    func trackingOptions(_ message: AcceptedMessage, _ set: ConfigurationSet) -> TrackingOptions {
        TrackingOptions(
            messageID: message.messageId.description, region: account.settings.region,
            customRedirectDomain: set.customRedirectDomain, tracksOpens: set.tracksOpens,
            tracksClicks: set.tracksClicks, seed: seed)
    }

    /// What the recipients of a raw message receive (see
    /// ``DeliveredRawMessage``): nil unless `message` is a raw message that
    /// still holds its body — the ``AcceptedMessage`` a send call returned.
    /// The tracking links are those the pipeline records for the message.
    public func deliveredMessage(_ message: AcceptedMessage) -> [UInt8]? {
        guard case .raw(let raw) = message.content, let mime = raw.message else { return nil }
        return deliveredBytes(message, mime)
    }

    /// The delivered bytes of `mime`, sent as `message`.
    func deliveredBytes(_ message: AcceptedMessage, _ mime: MIMEMessage) -> [UInt8] {
        var tracking: TrackingOptions?
        if let index = message.configurationSet {
            let set = account.configurationSets[index]
            if set.tracksOpens || set.tracksClicks { tracking = trackingOptions(message, set) }
        }
        return DeliveredRawMessage.build(
            mime,
            messageIDHeader: DeliveredRawMessage.messageIDHeader(
                message.messageId.description, region: account.settings.region),
            date: DeliveredRawMessage.date(
                unixMicroseconds: account.calendar.unixMicroseconds(of: message.acceptedAt)),
            tracking: tracking)
    }

    /// Records what a raw message delivered (when the service records
    /// messages): the whole message, with its subject, first text body and
    /// first HTML body decoded for readers of the record.
    mutating func recordDeliveredRaw(_ slot: Int32, _ mime: MIMEMessage) {
        let accepted = messages[slot].accepted
        guard case .raw(let raw) = accepted.content else { return }
        let bytes = deliveredBytes(accepted, mime)
        var text: String?
        var html: String?
        if let delivered = try? MIMEMessage(parsing: bytes) {
            let htmlBodies = RawMessageRules.htmlBodies(delivered)
            html = htmlBodies.first.map { Self.decodedText(delivered, $0) }
            if let index = delivered.parts.indices.first(where: { index in
                let part = delivered.parts[index]
                return part.isLeaf && part.mediaType.essence == "text/plain" && !part.isAttachment
            }) {
                text = Self.decodedText(delivered, index)
            }
        }
        outbox.record(
            .delivered(
                DeliveredContent(
                    messageId: accepted.messageId, subject: raw.summary.subject ?? "", text: text, html: html,
                    outgoingIp: outgoingIp(for: slot), raw: bytes)))
    }

    /// Part `index`'s body, decoded, as text in its charset (UTF-8 or
    /// ISO-8859-1 when the charset is unknown).
    static func decodedText(_ message: MIMEMessage, _ index: Int) -> String {
        var bytes: [UInt8] = []
        try? message.decodedBody(of: index, into: &bytes)
        let charset = message.parts[index].mediaType.parameter("charset") ?? "utf-8"
        return Charsets.decode(bytes, charset: charset) ?? Charsets.headerText(bytes)
    }
}
