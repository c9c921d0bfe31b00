import MIME
import SESEvents

/// What the events of a raw message show of its header: SES's `headers`,
/// `headersTruncated` and the `commonHeaders` fields, computed once when the
/// message is accepted.
public struct RawHeaderSummary: Hashable, Sendable {
    /// The message's own header fields, in order, values unfolded but not
    /// decoded (encoded words stay as sent): what real raw sends publish,
    /// `X-SES-*` fields and the sender's `Message-ID` and `Date` included.
    public var headers: [NameValue]
    /// Whether ``headers`` was cut (the header was 10 KB or more).
    public var headersTruncated: Bool
    /// `commonHeaders.from`: each From mailbox as `Name <address>`.
    public var from: [String]
    /// `commonHeaders.to`: each To mailbox (group members included).
    public var to: [String]
    /// `commonHeaders.date`: the sender's Date value.
    public var date: String?
    /// `commonHeaders.subject`: the Subject with its encoded words decoded.
    public var subject: String?

    /// SES "truncates the headers in the notification when the headers from
    /// the original message are 10KB or larger in size" (AWS-DG
    /// notification-contents); 10 KB is taken as 10,240 bytes of the header
    /// section, line breaks included.
    public static let truncationSize = 10_240

    init(message: MIMEMessage, from: [Mailbox], to: [Mailbox]) {
        let sectionSize = message.parts[0].bodyStart
        headersTruncated = sectionSize >= Self.truncationSize
        var kept: [NameValue] = []
        var size = 0
        for field in message.header {
            // Each field's line(s) and its line break.
            size += field.range.count + 2
            if headersTruncated && size >= Self.truncationSize { break }
            kept.append(NameValue(name: field.name, value: message.value(of: field)))
        }
        headers = kept
        self.from = from.map(\.formatted)
        self.to = to.map(\.formatted)
        date = message.field(named: "Date").map { message.value(of: $0) }
        subject = message.field(named: "Subject").map { message.decodedValue(of: $0) }
    }
}

/// A raw message as the pipeline keeps it: the parsed message until SES has
/// processed it (scanned it and rewritten it for tracking), and for the
/// message's whole life what its events show.
public struct RawContent: Hashable, Sendable {
    /// The message; nil once processed, so that a message in flight for days
    /// does not hold its body.
    public internal(set) var message: MIMEMessage?
    /// What the events show of its header.
    public let summary: RawHeaderSummary
    /// The domain of the first From address, for `ses:from-domain`; nil when
    /// the message has no From header (the Source's domain is used).
    public let fromDomain: String?
    /// Where the message came in.
    public let interface: RawSendInterface

    init(message: MIMEMessage, summary: RawHeaderSummary, fromDomain: String?, interface: RawSendInterface) {
        self.message = message
        self.summary = summary
        self.fromDomain = fromDomain
        self.interface = interface
    }

    /// The content once processed: without the message.
    var processed: RawContent {
        var copy = self
        copy.message = nil
        return copy
    }
}
