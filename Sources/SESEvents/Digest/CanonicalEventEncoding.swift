import SimCore

/// The canonical byte form of an event that the run's digest hashes: compact
/// binary, defined field by field so that any change in behaviour changes the
/// bytes, and nothing else does.
///
/// Primitives:
/// - `u8`: one byte; `i64`: eight bytes, little-endian two's complement;
/// - `varint`: unsigned LEB128 (7 bits a byte, low first);
/// - `str`: `varint` UTF-8 length, then the bytes;
/// - `opt(x)`: `u8` 0, or `u8` 1 then `x`; `list(x)`: `varint` count, then each;
/// - `id` (message or feedback ID): `i64` prefix, then the 128-bit UUID as
///   two `i64`, high half first.
///
/// An event is, in order: `u8` type (``EventType`` raw value), `i64` time
/// (µs since the run's start), `opt(str)` configuration set name, `id`
/// message ID, `i64` mail timestamp, `list(str)` destination, `list(str str)`
/// tags (name, value), `opt(str)` outgoing IP, then the detail's fields in
/// record order: times as `i64`, enumerations by their SES text (`str`),
/// optional fields as `opt`, lists as `list`, booleans as `u8`.
///
/// Left out, because they are copied from the scenario per message and no
/// simulated behaviour changes them: the mail's `source`, `sourceArn`,
/// `sendingAccountId`, `headersTruncated`, `headers` and `commonHeaders`.
enum CanonicalEventEncoding {
    /// Appends `event`'s canonical form to `buffer`; the tags' encoding is
    /// copied from `tagsCache` when their array is cached there (messages of
    /// one traffic client share it), else encoded and remembered.
    static func append(
        _ event: SESEvent, configurationSet: String?, to buffer: inout OutputBuffer,
        tagsCache: inout TagsFragmentCache
    ) {
        buffer.append(UInt8(event.type.rawValue))
        appendTime(event.time, to: &buffer)
        appendOptional(configurationSet, to: &buffer)
        let mail = event.mail
        appendID(mail.messageId, to: &buffer)
        appendTime(mail.timestamp, to: &buffer)
        appendStrings(mail.destination, to: &buffer)
        tagsCache.append(tagsOf: mail, to: &buffer) { tags, buffer in appendPairs(tags, to: &buffer) }
        appendOptional(mail.outgoingIp, to: &buffer)
        appendDetail(event.detail, to: &buffer)
    }

    static func appendDetail(_ detail: EventDetail, to buffer: inout OutputBuffer) {
        switch detail {
        case .send:
            break
        case .reject(let reject):
            appendString(reject.reason, to: &buffer)
        case .bounce(let bounce):
            appendString(bounce.bounceType.rawValue, to: &buffer)
            appendString(bounce.bounceSubType.rawValue, to: &buffer)
            appendVarint(UInt64(bounce.bouncedRecipients.count), to: &buffer)
            for recipient in bounce.bouncedRecipients {
                appendString(recipient.emailAddress, to: &buffer)
                appendOptional(recipient.action, to: &buffer)
                appendOptional(recipient.status, to: &buffer)
                appendOptional(recipient.diagnosticCode, to: &buffer)
            }
            appendTime(bounce.timestamp, to: &buffer)
            appendID(bounce.feedbackId, to: &buffer)
            appendOptional(bounce.reportingMTA, to: &buffer)
            appendOptional(bounce.remoteMtaIp, to: &buffer)
        case .complaint(let complaint):
            appendStrings(complaint.complainedRecipients, to: &buffer)
            appendTime(complaint.timestamp, to: &buffer)
            appendID(complaint.feedbackId, to: &buffer)
            appendOptional(complaint.complaintSubType, to: &buffer)
            appendOptional(complaint.userAgent, to: &buffer)
            appendOptional(complaint.complaintFeedbackType, to: &buffer)
            if let arrival = complaint.arrivalDate {
                buffer.append(1)
                appendTime(arrival, to: &buffer)
            } else {
                buffer.append(0)
            }
        case .delivery(let delivery):
            appendTime(delivery.timestamp, to: &buffer)
            appendInteger(delivery.processingTimeMillis, to: &buffer)
            appendStrings(delivery.recipients, to: &buffer)
            appendString(delivery.smtpResponse, to: &buffer)
            appendString(delivery.reportingMTA, to: &buffer)
            appendOptional(delivery.remoteMtaIp, to: &buffer)
        case .open(let open):
            appendString(open.ipAddress, to: &buffer)
            appendTime(open.timestamp, to: &buffer)
            appendString(open.userAgent, to: &buffer)
        case .click(let click):
            appendString(click.ipAddress, to: &buffer)
            appendString(click.link, to: &buffer)
            appendPairs(click.linkTags, to: &buffer)
            appendTime(click.timestamp, to: &buffer)
            appendString(click.userAgent, to: &buffer)
        case .renderingFailure(let failure):
            appendString(failure.errorMessage, to: &buffer)
            appendString(failure.templateName, to: &buffer)
        case .deliveryDelay(let delay):
            appendTime(delay.timestamp, to: &buffer)
            appendString(delay.delayType.rawValue, to: &buffer)
            appendTime(delay.expirationTime, to: &buffer)
            appendVarint(UInt64(delay.delayedRecipients.count), to: &buffer)
            for recipient in delay.delayedRecipients {
                appendString(recipient.emailAddress, to: &buffer)
                appendString(recipient.status, to: &buffer)
                appendString(recipient.diagnosticCode, to: &buffer)
            }
            appendOptional(delay.reportingMTA, to: &buffer)
        case .subscription(let subscription):
            appendString(subscription.contactList, to: &buffer)
            appendTime(subscription.timestamp, to: &buffer)
            appendString(subscription.source, to: &buffer)
            appendPreferences(subscription.newTopicPreferences, to: &buffer)
            appendPreferences(subscription.oldTopicPreferences, to: &buffer)
        }
    }

    static func appendPreferences(_ preferences: TopicPreferences, to buffer: inout OutputBuffer) {
        buffer.append(preferences.unsubscribeAll ? 1 : 0)
        appendVarint(UInt64(preferences.topicSubscriptionStatus.count), to: &buffer)
        for status in preferences.topicSubscriptionStatus {
            appendString(status.topicName, to: &buffer)
            appendString(status.subscriptionStatus, to: &buffer)
        }
    }

    @inline(__always)
    static func appendInteger(_ value: Int64, to buffer: inout OutputBuffer) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(bytes: $0) }
    }

    @inline(__always)
    static func appendTime(_ time: SimTime, to buffer: inout OutputBuffer) {
        appendInteger(time.microsecondsSinceStart, to: &buffer)
    }

    @inline(__always)
    static func appendID(_ id: MessageID, to buffer: inout OutputBuffer) {
        appendInteger(Int64(bitPattern: id.prefix), to: &buffer)
        appendInteger(Int64(bitPattern: UInt64(truncatingIfNeeded: id.uuid >> 64)), to: &buffer)
        appendInteger(Int64(bitPattern: UInt64(truncatingIfNeeded: id.uuid)), to: &buffer)
    }

    @inline(__always)
    static func appendVarint(_ value: UInt64, to buffer: inout OutputBuffer) {
        var remaining = value
        while remaining >= 0x80 {
            buffer.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        buffer.append(UInt8(remaining))
    }

    @inline(__always)
    static func appendString(_ text: String, to buffer: inout OutputBuffer) {
        let utf8 = text.utf8
        appendVarint(UInt64(utf8.count), to: &buffer)
        if utf8.withContiguousStorageIfAvailable({ buffer.append(bytes: $0) }) == nil {
            buffer.append(contentsOf: Array(utf8))
        }
    }

    @inline(__always)
    static func appendOptional(_ text: String?, to buffer: inout OutputBuffer) {
        if let text {
            buffer.append(1)
            appendString(text, to: &buffer)
        } else {
            buffer.append(0)
        }
    }

    static func appendStrings(_ texts: [String], to buffer: inout OutputBuffer) {
        appendVarint(UInt64(texts.count), to: &buffer)
        for text in texts { appendString(text, to: &buffer) }
    }

    static func appendPairs(_ pairs: [NameValue], to buffer: inout OutputBuffer) {
        appendVarint(UInt64(pairs.count), to: &buffer)
        for pair in pairs {
            appendString(pair.name, to: &buffer)
            appendString(pair.value, to: &buffer)
        }
    }
}
