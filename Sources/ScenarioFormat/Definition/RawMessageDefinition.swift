/// What a `SendRawEmail` client sends: a MIME message from a file or from a
/// template, with generated attachments of given sizes.
public struct RawMessageDefinition: Hashable, Sendable {
    /// Where the message's text comes from.
    public enum Body: Hashable, Sendable {
        /// A message file's bytes, sent as they are (relative paths are
        /// resolved against the scenario's folder).
        case file(path: String, bytes: [UInt8])
        /// MIME text with template tags, rendered for each message with the
        /// client's template data and `recipient`, `recipients` and `index`.
        case template(String)
    }

    /// Where a message's recipients are named.
    public enum RecipientPlacement: String, Hashable, Sendable, CaseIterable {
        /// In the call's `Destinations` (the message's own To, Cc and Bcc are
        /// then only headers).
        case destinations
        /// Only in the message's headers: the call has no `Destinations`, and
        /// SES reads To, Cc and Bcc.
        case headers
    }

    public var body: Body
    /// Attachments added to every message, in order.
    public var attachments: [GeneratedAttachment]
    public var recipientsIn: RecipientPlacement

    public init(
        body: Body, attachments: [GeneratedAttachment] = [], recipientsIn: RecipientPlacement = .destinations
    ) {
        self.body = body
        self.attachments = attachments
        self.recipientsIn = recipientsIn
    }
}

/// An attachment a client adds to its raw messages: `size` bytes of
/// generated content (the same bytes for every message of the client and
/// every run), base64-encoded in a part of its own.
public struct GeneratedAttachment: Hashable, Sendable {
    /// The file name (SES refuses some extensions: docs/raw-email.md).
    public var name: String
    /// The part's media type; `application/octet-stream` by default.
    public var contentType: String
    /// The attachment's size before encoding, in bytes.
    public var size: Int

    public init(name: String, contentType: String = "application/octet-stream", size: Int) {
        self.name = name
        self.contentType = contentType
        self.size = size
    }
}
