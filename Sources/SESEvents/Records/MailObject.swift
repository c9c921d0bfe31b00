import SimCore

/// A name and a value: a message tag, an email header, a link tag.
@frozen
public struct NameValue: Hashable, Sendable {
    public var name: String
    public var value: String

    @inlinable
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The `commonHeaders` object of a record.
public struct CommonHeaders: Hashable, Sendable {
    /// The From addresses, e.g. `["Sender Name <sender@example.com>"]`.
    public var from: [String]
    /// The To addresses.
    public var to: [String]
    /// The Message-ID; SES sets it to the message's ID.
    public var messageId: MessageID
    /// The subject; nil in a templated message's Send event, whose subject is
    /// rendered later (SES omits it there).
    public var subject: String?

    public init(from: [String], to: [String], messageId: MessageID, subject: String?) {
        self.from = from
        self.to = to
        self.messageId = messageId
        self.subject = subject
    }
}

/// The `mail` object every record carries: the message the event concerns.
///
/// One value is built per message and shared by all of its events (its
/// arrays and strings are copy-on-write references, so sharing costs no
/// allocation). The tags are the message tags followed by SES's auto-tags, in
/// the order they are published; `ses:outgoing-ip` is kept apart because it
/// appears only on events that happen after SES chose a sending IP.
public struct MailObject: Hashable, Sendable {
    /// When SES accepted the message.
    public var timestamp: SimTime
    /// The envelope MAIL FROM (`source`).
    public var source: String
    /// The ARN of the identity that sent it.
    public var sourceArn: String
    /// The sending account's 12-digit ID.
    public var sendingAccountId: String
    /// The message's ID.
    public var messageId: MessageID
    /// Every recipient: To, Cc and Bcc.
    public var destination: [String]
    /// Whether the headers were cut because they reached 10 KB.
    public var headersTruncated: Bool
    /// The message's headers, in order.
    public var headers: [NameValue]
    /// The parsed common headers.
    public var commonHeaders: CommonHeaders
    /// Message tags then auto-tags, except `ses:outgoing-ip`. A name may occur
    /// more than once; the record groups values by name in first-seen order.
    public var tags: [NameValue]
    /// The IP SES sent from, once chosen; published as the `ses:outgoing-ip`
    /// tag on delivery-side events.
    public var outgoingIp: String?

    public init(
        timestamp: SimTime, source: String, sourceArn: String, sendingAccountId: String,
        messageId: MessageID, destination: [String], headersTruncated: Bool = false,
        headers: [NameValue], commonHeaders: CommonHeaders, tags: [NameValue], outgoingIp: String? = nil
    ) {
        self.timestamp = timestamp
        self.source = source
        self.sourceArn = sourceArn
        self.sendingAccountId = sendingAccountId
        self.messageId = messageId
        self.destination = destination
        self.headersTruncated = headersTruncated
        self.headers = headers
        self.commonHeaders = commonHeaders
        self.tags = tags
        self.outgoingIp = outgoingIp
    }

    /// The first value of the message tag (or auto-tag) `name`, if any.
    public func tagValue(_ name: String) -> String? {
        if name == "ses:outgoing-ip" { return outgoingIp }
        return tags.first { $0.name == name }?.value
    }

    /// The value of the first header named `name` (case-insensitive), if any.
    public func headerValue(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
