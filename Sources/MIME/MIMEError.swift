/// Why a message could not be read as MIME.
///
/// The texts follow JavaMail's exceptions, which a Java mail service such as
/// SES's raises for the same inputs (`MimeMultipart.parse`,
/// `BASE64DecoderStream`); ``message`` gives the text.
public enum MIMEError: Error, Hashable, Sendable {
    /// A multipart entity whose body holds no delimiter line of its boundary
    /// (JavaMail: `Missing start boundary`). `part` is the entity's index.
    case missingStartBoundary(part: Int)
    /// A base64 body that does not decode; `detail` is JavaMail's text after
    /// `BASE64Decoder: Error in encoded stream: `.
    case invalidBase64(part: Int, detail: String)
    /// More entities than the parser's limit (a sesim limit, not SES's).
    case tooManyParts(limit: Int)
    /// More header fields than the parser's limit (a sesim limit, not SES's).
    case tooManyHeaderFields(limit: Int)

    /// The error's text.
    public var message: String {
        switch self {
        case .missingStartBoundary:
            "Missing start boundary"
        case .invalidBase64(_, let detail):
            "BASE64Decoder: Error in encoded stream: " + detail
        case .tooManyParts(let limit):
            "Too many MIME parts: the message has more than \(limit)."
        case .tooManyHeaderFields(let limit):
            "Too many header fields: the message has more than \(limit)."
        }
    }
}

/// The parser's resource limits: they bound the memory one message can take
/// beyond its own bytes. Neither is an SES rule; the defaults are far above
/// what mail software produces.
public struct MIMELimits: Hashable, Sendable {
    /// The most entities (the message, its parts and nested parts).
    public var maximumParts: Int
    /// The most header fields, all entities together.
    public var maximumHeaderFields: Int

    public init(maximumParts: Int = 10_000, maximumHeaderFields: Int = 100_000) {
        self.maximumParts = maximumParts
        self.maximumHeaderFields = maximumHeaderFields
    }
}
