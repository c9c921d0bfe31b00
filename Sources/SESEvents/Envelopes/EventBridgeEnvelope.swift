import SimCore

/// Wraps event records in the event SES puts on an EventBridge bus.
///
/// The envelope is EventBridge's ("Amazon EventBridge events" structure
/// reference): `version` (`0`), `id` (a UUID), `detail-type`, `source`
/// (`aws.ses`), `account`, `time` (ISO 8601, whole seconds), `region`,
/// `resources`, and the record itself as `detail`. The `detail-type` values
/// are those the EventBridge events reference lists for SES ("Email Sent",
/// "Email Delivered", …). `id` is derived from the event
/// (``DerivedIdentifier``); `resources` holds the configuration set's ARN
/// (an assumption: EventBridge leaves the choice to the emitting service).
public struct EventBridgeEnvelope: Sendable {
    /// The bus's name or ARN, as configured.
    public let eventBus: String

    let salt: UInt64
    let account: [UInt8]
    let region: [UInt8]
    let resourcePrefix: [UInt8]

    /// An envelope for events on `eventBus` of account `accountId` in `region`.
    public init(eventBus: String, region: String, accountId: String) {
        self.eventBus = eventBus
        salt = StableHash.hash("eventbridge:" + eventBus)
        var account = OutputBuffer()
        JSONBytes.appendString(accountId, to: &account)
        self.account = account.bytes
        var regionBytes = OutputBuffer()
        JSONBytes.appendString(region, to: &regionBytes)
        self.region = regionBytes.bytes
        var prefix = OutputBuffer()
        JSONBytes.appendRaw("arn:aws:ses:", to: &prefix)
        JSONBytes.appendEscaped(region, to: &prefix)
        prefix.append(UInt8(ascii: ":"))
        JSONBytes.appendEscaped(accountId, to: &prefix)
        JSONBytes.appendRaw(":configuration-set/", to: &prefix)
        resourcePrefix = prefix.bytes
    }

    /// Appends the EventBridge event for `event`, whose record is `record`, to
    /// `buffer` (no newline). `sequence` is the event's position in the run;
    /// `configurationSet` the name of the message's configuration set.
    public func append(
        record: UnsafeRawBufferPointer, of event: SESEvent, configurationSet: String, sequence: UInt64,
        calendar: SimCalendar, to buffer: inout OutputBuffer
    ) {
        JSONBytes.appendRaw("{\"version\":\"0\",\"id\":\"", to: &buffer)
        DerivedIdentifier.appendUUID(
            DerivedIdentifier.bits(messageId: event.mail.messageId, sequence: sequence, salt: salt),
            to: &buffer)
        JSONBytes.appendRaw("\",\"detail-type\":\"", to: &buffer)
        Self.appendDetailType(event.type, to: &buffer)
        JSONBytes.appendRaw("\",\"source\":\"aws.ses\",\"account\":", to: &buffer)
        buffer.append(contentsOf: account)
        JSONBytes.appendRaw(",\"time\":\"", to: &buffer)
        // EventBridge times are whole seconds.
        TimestampText.append(
            unixMicroseconds: calendar.unixMicroseconds(of: event.time), milliseconds: false, to: &buffer)
        JSONBytes.appendRaw("\",\"region\":", to: &buffer)
        buffer.append(contentsOf: region)
        JSONBytes.appendRaw(",\"resources\":[\"", to: &buffer)
        buffer.append(contentsOf: resourcePrefix)
        JSONBytes.appendEscaped(configurationSet, to: &buffer)
        JSONBytes.appendRaw("\"],\"detail\":", to: &buffer)
        buffer.append(bytes: record)
        buffer.append(UInt8(ascii: "}"))
    }

    /// The `detail-type` of `type`'s events: `Email Sent`, `Email Rejected`,
    /// `Email Bounced`, `Email Complaint Received`, `Email Delivered`,
    /// `Email Opened`, `Email Clicked`, `Email Rendering Failed`,
    /// `Email Delivery Delayed`, `Email Subscribed`.
    public static func detailType(_ type: EventType) -> String {
        var buffer = OutputBuffer(capacity: 32)
        appendDetailType(type, to: &buffer)
        return buffer.text
    }

    static func appendDetailType(_ type: EventType, to buffer: inout OutputBuffer) {
        switch type {
        case .send: JSONBytes.appendRaw("Email Sent", to: &buffer)
        case .reject: JSONBytes.appendRaw("Email Rejected", to: &buffer)
        case .bounce: JSONBytes.appendRaw("Email Bounced", to: &buffer)
        case .complaint: JSONBytes.appendRaw("Email Complaint Received", to: &buffer)
        case .delivery: JSONBytes.appendRaw("Email Delivered", to: &buffer)
        case .open: JSONBytes.appendRaw("Email Opened", to: &buffer)
        case .click: JSONBytes.appendRaw("Email Clicked", to: &buffer)
        case .renderingFailure: JSONBytes.appendRaw("Email Rendering Failed", to: &buffer)
        case .deliveryDelay: JSONBytes.appendRaw("Email Delivery Delayed", to: &buffer)
        case .subscription: JSONBytes.appendRaw("Email Subscribed", to: &buffer)
        }
    }
}
