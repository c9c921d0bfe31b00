import SimCore

/// Wraps event records in the notification SNS delivers for a topic SES
/// publishes to: the JSON document an HTTP/HTTPS or SQS subscriber receives.
///
/// Fields, as the SNS Developer Guide ("HTTP/HTTPS notification JSON
/// format") lists them: `Type` (`Notification`), `MessageId`, `TopicArn`,
/// `Subject` (SES sets `Amazon SES Email Event Notification`), `Message` (the
/// event record as a JSON string), `Timestamp`, `SignatureVersion`,
/// `Signature`, `SigningCertURL`, `UnsubscribeURL`.
///
/// A simulator cannot sign with Amazon's key, so the cryptographic fields are
/// deterministic placeholders of the real shape: `MessageId` is a UUID derived
/// from the event (``DerivedIdentifier``), `SignatureVersion` is `1`,
/// `Signature` is 344 base64 characters (a 2048-bit RSA signature's length)
/// derived from the `MessageId`, `SigningCertURL` is
/// `https://sns.<region>.amazonaws.com/SimpleNotificationService-<32 hex>.pem`
/// and `UnsubscribeURL` is
/// `https://sns.<region>.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=<topic ARN>:<UUID>`,
/// the hex and the subscription UUID derived from the topic ARN.
public struct SNSNotificationEnvelope: Sendable {
    /// The topic's ARN.
    public let topicArn: String
    /// The subject SES gives its event notifications.
    public static let subject = "Amazon SES Email Event Notification"

    let salt: UInt64
    let fixedTail: [UInt8]

    /// An envelope for notifications to `topicArn` in `region`.
    public init(topicArn: String, region: String) {
        self.topicArn = topicArn
        salt = StableHash.hash("sns:" + topicArn)
        var tail = OutputBuffer()
        JSONBytes.appendRaw("\",\"SigningCertURL\":\"https://sns.", to: &tail)
        JSONBytes.appendEscaped(region, to: &tail)
        JSONBytes.appendRaw(".amazonaws.com/SimpleNotificationService-", to: &tail)
        MessageID.writeHex(SplitMix64.mix(salt), digits: 16, to: tail.reserve(16))
        tail.commit(16)
        MessageID.writeHex(SplitMix64.mix(salt ^ 0x5AB5), digits: 16, to: tail.reserve(16))
        tail.commit(16)
        JSONBytes.appendRaw(".pem\",\"UnsubscribeURL\":\"https://sns.", to: &tail)
        JSONBytes.appendEscaped(region, to: &tail)
        JSONBytes.appendRaw(".amazonaws.com/?Action=Unsubscribe&SubscriptionArn=", to: &tail)
        JSONBytes.appendEscaped(topicArn, to: &tail)
        tail.append(UInt8(ascii: ":"))
        var subscription = SplitMix64(seed: salt)
        DerivedIdentifier.appendUUID(
            UInt128(subscription.next()) << 64 | UInt128(subscription.next()), to: &tail)
        JSONBytes.appendRaw("\"}", to: &tail)
        fixedTail = tail.bytes
    }

    /// Appends the notification for `event`, whose record is `record`, to
    /// `buffer` (no newline). `sequence` is the event's position in the run.
    public func append(
        record: UnsafeRawBufferPointer, of event: SESEvent, sequence: UInt64, calendar: SimCalendar,
        to buffer: inout OutputBuffer
    ) {
        append(of: event, sequence: sequence, calendar: calendar, to: &buffer) {
            JSONBytes.appendEscaped(bytes: record, to: &$0)
        }
    }

    /// Appends the notification for `event` as ``append(record:of:sequence:calendar:to:)``
    /// does, with `appendEscapedRecord` appending the record escaped as a
    /// JSON string's body (the fan-out path copies parts of it pre-escaped).
    @inline(__always)
    func append(
        of event: SESEvent, sequence: UInt64, calendar: SimCalendar, to buffer: inout OutputBuffer,
        appendEscapedRecord: (inout OutputBuffer) -> Void
    ) {
        let id = DerivedIdentifier.bits(messageId: event.mail.messageId, sequence: sequence, salt: salt)
        JSONBytes.appendRaw("{\"Type\":\"Notification\",\"MessageId\":\"", to: &buffer)
        DerivedIdentifier.appendUUID(id, to: &buffer)
        JSONBytes.appendRaw("\",\"TopicArn\":", to: &buffer)
        JSONBytes.appendString(topicArn, to: &buffer)
        JSONBytes.appendRaw(
            ",\"Subject\":\"Amazon SES Email Event Notification\",\"Message\":\"", to: &buffer)
        appendEscapedRecord(&buffer)
        JSONBytes.appendRaw("\",\"Timestamp\":\"", to: &buffer)
        TimestampText.append(unixMicroseconds: calendar.unixMicroseconds(of: event.time), to: &buffer)
        JSONBytes.appendRaw("\",\"SignatureVersion\":\"1\",\"Signature\":\"", to: &buffer)
        DerivedIdentifier.appendSignaturePlaceholder(
            seed: UInt64(truncatingIfNeeded: id) ^ UInt64(truncatingIfNeeded: id >> 64), to: &buffer)
        buffer.append(contentsOf: fixedTail)
    }
}
