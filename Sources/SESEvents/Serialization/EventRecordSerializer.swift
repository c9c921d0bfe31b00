import SimCore

/// Writes SES event records — the JSON SES publishes to Firehose, SNS and
/// EventBridge — as bytes appended to a reused buffer.
///
/// The shape follows the SES Developer Guide ("Contents of event data that
/// Amazon SES publishes", and its examples): `eventType`, the `mail` object,
/// then the per-type object under its key (`send` is `{}`, a Rendering
/// Failure's key is `failure`). Optional fields are omitted when nil;
/// timestamps are ISO 8601 UTC with milliseconds. The output is compact (no
/// spaces) and byte-identical for equal inputs.
///
/// Faster than Foundation's `JSONEncoder` by a wide margin (see the
/// `EventFanOut` benchmark), and allocation-free once the buffer has grown to
/// the largest record.
public struct EventRecordSerializer: Sendable {
    /// Turns the run's instants into calendar timestamps.
    public var calendar: SimCalendar

    /// A serialiser printing timestamps on `calendar`.
    public init(calendar: SimCalendar) {
        self.calendar = calendar
    }

    /// Appends `event`'s record (one JSON object, no newline) to `buffer`.
    public func append(_ event: SESEvent, to buffer: inout OutputBuffer) {
        JSONBytes.appendRaw("{\"eventType\":\"", to: &buffer)
        appendRecordName(event.type, to: &buffer)
        JSONBytes.appendRaw("\",\"mail\":", to: &buffer)
        appendMail(event.mail, to: &buffer)
        buffer.append(UInt8(ascii: ","))
        appendDetail(event.detail, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    /// Appends `event`'s record as ``append(_:to:)`` does, copying the parts
    /// of the `mail` object that `cache` remembers instead of writing them
    /// again (the fan-out path, which serialises every event).
    func append(_ event: SESEvent, to buffer: inout OutputBuffer, cache: inout RecordSerializationCache) {
        cache.beginRecord(at: buffer.count)
        JSONBytes.appendRaw("{\"eventType\":\"", to: &buffer)
        appendRecordName(event.type, to: &buffer)
        JSONBytes.appendRaw("\",\"mail\":", to: &buffer)
        appendMail(event.mail, to: &buffer, cache: &cache)
        buffer.append(UInt8(ascii: ","))
        appendDetail(event.detail, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    /// The record of `event` as a new byte array (a convenience for tests and
    /// one-off use; the fan-out path appends into a reused buffer instead).
    public func record(_ event: SESEvent) -> [UInt8] {
        var buffer = OutputBuffer()
        append(event, to: &buffer)
        return buffer.bytes
    }

    @inline(__always)
    func appendRecordName(_ type: EventType, to buffer: inout OutputBuffer) {
        switch type {
        case .send: JSONBytes.appendRaw("Send", to: &buffer)
        case .reject: JSONBytes.appendRaw("Reject", to: &buffer)
        case .bounce: JSONBytes.appendRaw("Bounce", to: &buffer)
        case .complaint: JSONBytes.appendRaw("Complaint", to: &buffer)
        case .delivery: JSONBytes.appendRaw("Delivery", to: &buffer)
        case .open: JSONBytes.appendRaw("Open", to: &buffer)
        case .click: JSONBytes.appendRaw("Click", to: &buffer)
        case .renderingFailure: JSONBytes.appendRaw("Rendering Failure", to: &buffer)
        case .deliveryDelay: JSONBytes.appendRaw("DeliveryDelay", to: &buffer)
        case .subscription: JSONBytes.appendRaw("Subscription", to: &buffer)
        }
    }

    /// Appends `"key":"<ISO 8601 timestamp>"`, the key given with its quotes,
    /// colon and any leading comma.
    @inline(__always)
    func appendTimestamp(_ key: StaticString, _ time: SimTime, to buffer: inout OutputBuffer) {
        JSONBytes.appendRaw(key, to: &buffer)
        buffer.append(UInt8(ascii: "\""))
        TimestampText.append(unixMicroseconds: calendar.unixMicroseconds(of: time), to: &buffer)
        buffer.append(UInt8(ascii: "\""))
    }

    /// Appends `"key":"<message ID>"`.
    @inline(__always)
    func appendMessageID(_ key: StaticString, _ id: MessageID, to buffer: inout OutputBuffer) {
        JSONBytes.appendRaw(key, to: &buffer)
        buffer.append(UInt8(ascii: "\""))
        id.append(to: &buffer)
        buffer.append(UInt8(ascii: "\""))
    }

    /// Appends `"key":"<escaped value>"`.
    @inline(__always)
    func appendField(_ key: StaticString, _ value: String, to buffer: inout OutputBuffer) {
        JSONBytes.appendRaw(key, to: &buffer)
        JSONBytes.appendString(value, to: &buffer)
    }

    /// Appends `"key":"<escaped value>"` when `value` is not nil.
    @inline(__always)
    func appendOptionalField(_ key: StaticString, _ value: String?, to buffer: inout OutputBuffer) {
        if let value { appendField(key, value, to: &buffer) }
    }
}
