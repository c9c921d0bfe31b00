import SESEvents
import SimCore

extension SESService {
    /// The message tags followed by SES's auto-tags, in the order SES's
    /// examples show them (`ses:outgoing-ip` is added per event).
    mutating func publishedTags(for message: AcceptedMessage) -> [NameValue] {
        if let cache = lastPublishedTags, cache.matches(message) { return cache.published }
        let tags = buildPublishedTags(for: message)
        lastPublishedTags = PublishedTagsCache(
            tags: message.tags, configurationSet: message.configurationSet, fromDomain: message.fromDomain,
            operation: message.operation, published: tags)
        return tags
    }

    private func buildPublishedTags(for message: AcceptedMessage) -> [NameValue] {
        var tags = message.tags
        if let index = message.configurationSet {
            tags.append(
                NameValue(name: "ses:configuration-set", value: account.configurationSets[index].name))
        }
        tags.append(NameValue(name: "ses:source-ip", value: account.settings.sourceIp))
        tags.append(NameValue(name: "ses:from-domain", value: message.fromDomain))
        tags.append(NameValue(name: "ses:caller-identity", value: account.settings.callerIdentity))
        tags.append(NameValue(name: "ses:source-tls-version", value: account.settings.sourceTLSVersion))
        tags.append(NameValue(name: "ses:operation", value: message.operation.rawValue))
        return tags
    }

    /// The `mail` object of the events about `message` (without the outgoing IP).
    func mailObject(_ message: InFlightMessage) -> MailObject {
        let accepted = message.accepted
        if case .raw(let raw) = accepted.content { return rawMailObject(message, raw.summary) }
        let subject = message.subject
        let to = accepted.destination.toAddresses
        var headers: [NameValue] = []
        headers.reserveCapacity(7)
        headers.append(NameValue(name: "From", value: accepted.source.text))
        headers.append(NameValue(name: "To", value: to.count == 1 ? to[0] : to.joined(separator: ", ")))
        if !accepted.destination.ccAddresses.isEmpty {
            headers.append(
                NameValue(name: "Cc", value: accepted.destination.ccAddresses.joined(separator: ", ")))
        }
        if let subject { headers.append(NameValue(name: "Subject", value: subject)) }
        headers.append(NameValue(name: "MIME-Version", value: "1.0"))
        headers.append(
            NameValue(
                name: "Content-Type",
                value: "multipart/alternative; boundary=\"----=_Part_" + String(accepted.serial) + "\""))
        if let feedback = feedbackIDHeader(message) {
            headers.append(NameValue(name: "Feedback-ID", value: feedback))
        }
        return MailObject(
            timestamp: accepted.acceptedAt, source: accepted.source.text,
            sourceArn: message.sourceArn,
            sendingAccountId: account.settings.accountId, messageId: accepted.messageId,
            destination: accepted.recipients.map(\.address), headersTruncated: false, headers: headers,
            commonHeaders: CommonHeaders(
                from: [accepted.source.text], to: accepted.destination.toAddresses,
                messageId: accepted.messageId,
                subject: subject),
            tags: message.publishedTags, outgoingIp: nil)
    }

    /// The ARN of the identity that authorised the Source: its domain when
    /// the domain is verified, else the address.
    mutating func sourceArn(_ source: EmailAddress) -> String {
        if let last = lastSourceArn, last.source == source.address { return last.arn }
        // The identity that authorised it: the verified domain covering the
        // Source's (a parent domain when only the parent is verified), else the address.
        let identity = account.identities.verifiedDomain(covering: source.domain) ?? source.address
        let arn = "arn:aws:ses:\(account.settings.region):\(account.settings.accountId):identity/\(identity)"
        lastSourceArn = (source.address, arn)
        return arn
    }

    /// The Feedback-ID header SES adds when `ses:feedback-id-a` or `-b` is
    /// set: `a:b:1.<region>.<44 base64 characters>:AmazonSES` (reference 002).
    func feedbackIDHeader(_ message: InFlightMessage) -> String? {
        let a = message.accepted.tags.first { $0.name == "ses:feedback-id-a" }?.value
        let b = message.accepted.tags.first { $0.name == "ses:feedback-id-b" }?.value
        guard a != nil || b != nil else { return nil }
        var parts: [String] = []
        if let a { parts.append(a) }
        if let b { parts.append(b) }
        var draws = KeyedDrawGenerator(stream: identifierStream, key: message.accepted.serial, index: 100)
        var bytes: [UInt8] = []
        for _ in 0..<4 { withUnsafeBytes(of: draws.next().littleEndian) { bytes.append(contentsOf: $0) } }
        parts.append("1.\(account.settings.region).\(Base64.encode(Array(bytes.prefix(32))))")
        parts.append("AmazonSES")
        return parts.joined(separator: ":")
    }

    /// A feedback ID in SES's message-ID shape, for a bounce or complaint.
    func feedbackID(_ slot: Int32, position: Int, salt: UInt64, at now: SimTime) -> MessageID {
        let serial = messages[slot].accepted.serial
        let high = identifierStream.bits(
            key: StableHash.combine(serial, UInt64(position) << 8 | salt), index: 0)
        let low = identifierStream.bits(
            key: StableHash.combine(serial, UInt64(position) << 8 | salt), index: 1)
        let millis = account.calendar.unixMicroseconds(of: now) / 1_000
        return MessageID(
            prefix: MessageIDGenerator.regionPrefix(account.settings.region) << 48
                | (UInt64(bitPattern: millis) & 0xFFFF_FFFF_FFFF),
            uuid: UInt128((high & ~0xF000) | 0x4000) << 64 | UInt128((low & ~(0xC000 << 48)) | (0x8000 << 48))
        )
    }

    /// Eight digits for the simulator's `250 ok:  Message NNNNNNNN accepted`.
    func feedbackDigits(_ slot: Int32) -> String {
        String(
            identifierStream.bits(key: messages[slot].accepted.serial, index: 200) % 90_000_000 + 10_000_000)
    }

    /// The index of the IP message `slot` goes out on: the one chosen for
    /// it, else one of SES's shared-pool addresses, picked by the message.
    func outgoingIpIndex(for slot: Int32) -> Int32 {
        let chosen = messages[slot].outgoingIp
        if chosen >= 0 { return chosen }
        return ipAddresses.sharedPoolAddress(for: messages[slot].accepted.serial)
    }

    /// The address message `slot` goes out on.
    func outgoingIp(for slot: Int32) -> String { ipAddresses.address(outgoingIpIndex(for: slot)) }

    /// The host name SES reports for message `slot`'s outgoing IP.
    func reportingHost(for slot: Int32) -> String { ipAddresses.host(outgoingIpIndex(for: slot)) }
}

/// Base64 (RFC 4648) for the Feedback-ID header.
enum Base64 {
    private static let alphabet = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var value: UInt32 = 0
            for (offset, byte) in chunk.enumerated() { value |= UInt32(byte) << (16 - 8 * offset) }
            for position in 0..<4 {
                if position <= chunk.count {
                    output.append(alphabet[Int(value >> (18 - 6 * position) & 0x3F)])
                } else {
                    output.append(UInt8(ascii: "="))
                }
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
