import SESEvents

/// What the service tells about one message when it records messages
/// (``SESService/recordsMessages``): that it was accepted, and later what
/// it delivered. For `sesim serve`'s message API and `sesim run --messages`.
public enum MessageRecord: Hashable, Sendable {
    /// A message accepted by a send call, with its configuration set's name.
    case accepted(AcceptedMessage, configurationSet: String?)
    /// What the message carried out of SES once processed: the rendered
    /// parts with open and click tracking applied.
    case delivered(DeliveredContent)
}

/// A message's content as SES delivered it: after rendering a template and
/// after inserting the open pixel and rewriting links for click tracking.
public struct DeliveredContent: Hashable, Sendable {
    public var messageId: MessageID
    public var subject: String
    /// The text part; nil when the message has none.
    public var text: String?
    /// The HTML part; nil when the message has none.
    public var html: String?
    /// The IP SES sent it from.
    public var outgoingIp: String
    /// For a raw message, the whole message as delivered (docs/raw-email.md
    /// §6); `subject`, `text` and `html` are then its decoded Subject, first
    /// text body and first HTML body.
    public var raw: [UInt8]?

    public init(
        messageId: MessageID, subject: String, text: String?, html: String?, outgoingIp: String,
        raw: [UInt8]? = nil
    ) {
        self.messageId = messageId
        self.subject = subject
        self.text = text
        self.html = html
        self.outgoingIp = outgoingIp
        self.raw = raw
    }
}
