/// One header field, by position in the message's bytes: nothing is copied
/// until a value is asked for (``MIMEMessage/value(of:)``).
public struct HeaderField: Hashable, Sendable {
    /// The name as written.
    public let name: String
    /// The field from its name to the end of its last line (line break excluded).
    public internal(set) var range: Range<Int>
    /// The value after the colon, folding line breaks included.
    public internal(set) var valueRange: Range<Int>

    /// Whether the field is named `name`, ignoring ASCII case.
    public func hasName(_ other: String) -> Bool {
        guard name.utf8.count == other.utf8.count else { return false }
        return zip(name.utf8, other.utf8).allSatisfy { $0 | 0x20 == $1 | 0x20 }
    }
}

/// One entity of a message — the message itself, a part of a multipart, or
/// the message inside a `message/rfc822` part — by position in the bytes.
///
/// Entities are numbered depth first: 0 is the message, and every entity
/// comes after its parent.
public struct MIMEPart: Hashable, Sendable {
    /// How an entity's body is organised.
    public enum Structure: Hashable, Sendable {
        /// Content (text, an attachment).
        case leaf
        /// Parts between delimiter lines. `preamble` is the text before the
        /// first delimiter, `epilogue` the text after the close delimiter (nil
        /// when there is none: `isClosed` is then false).
        case multipart(boundary: String, preamble: Range<Int>, epilogue: Range<Int>?, isClosed: Bool)
        /// A whole message (`message/rfc822`): its one child is that message.
        case encapsulatedMessage
    }

    /// The enclosing entity; nil for the message.
    public internal(set) var parent: Int?
    /// How many entities enclose it.
    public internal(set) var depth: Int
    /// Its header fields: indices into ``MIMEMessage/headerFields``.
    public internal(set) var fields: Range<Int>
    /// Its first byte (where its header begins).
    public internal(set) var start: Int
    /// Where its body begins (after the blank line ending the header).
    public internal(set) var bodyStart: Int
    /// Where its body ends: before the line break ahead of the next
    /// delimiter line, or at the end of the message.
    public internal(set) var end: Int
    public internal(set) var mediaType: MediaType
    public internal(set) var transferEncoding: TransferEncoding
    public internal(set) var disposition: ContentDisposition?
    public internal(set) var structure: Structure

    /// The body, still transfer-encoded.
    public var body: Range<Int> { bodyStart..<end }

    /// The file name: the disposition's `filename`, else the type's `name`.
    public var filename: String? { disposition?.filename ?? mediaType.parameter("name") }

    public var isLeaf: Bool { structure == .leaf }

    /// Whether the entity is marked `Content-Disposition: attachment`.
    public var isAttachment: Bool { disposition?.isAttachment == true }

    /// A text/html leaf that is not an attachment: a body that open and click
    /// tracking rewrites.
    public var isHTMLBody: Bool { isLeaf && mediaType.isHTML && !isAttachment }
}
