/// A `Content-Type` value (RFC 2045 §5): the media type in lower case and
/// its parameters.
public struct MediaType: Hashable, Sendable {
    public var type: String
    public var subtype: String
    public var parameters: [HeaderParameter]

    public init(type: String, subtype: String, parameters: [HeaderParameter] = []) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
    }

    /// RFC 2045's default: `text/plain; charset=us-ascii`.
    public static let textPlain = MediaType(
        type: "text", subtype: "plain", parameters: [HeaderParameter(name: "charset", value: "us-ascii")])
    /// The default inside `multipart/digest` (RFC 2046 §5.1.5).
    public static let messageRFC822 = MediaType(type: "message", subtype: "rfc822")

    /// Reads a `Content-Type` value; nil when it has no `type/subtype`
    /// (RFC 2045 then says to treat the entity as `text/plain`).
    public init?(parsing value: [UInt8]) {
        let (primary, parameters) = StructuredValue.parse(value)
        guard let slash = primary.firstIndex(of: UInt8(ascii: "/")), slash > 0, slash + 1 < primary.count
        else { return nil }
        type = String(decoding: primary[..<slash], as: UTF8.self).lowercased()
        subtype = String(decoding: primary[(slash + 1)...], as: UTF8.self).lowercased()
        self.parameters = parameters
    }

    /// The value of parameter `name` (lower case), if present.
    public func parameter(_ name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    /// `type/subtype`.
    public var essence: String { type + "/" + subtype }
    public var isMultipart: Bool { type == "multipart" }
    /// `message/rfc822` (and `message/global`): an entity holding a whole message.
    public var isEncapsulatedMessage: Bool {
        type == "message" && (subtype == "rfc822" || subtype == "global")
    }
    public var isHTML: Bool { type == "text" && subtype == "html" }
}

/// A `Content-Disposition` value (RFC 2183).
public struct ContentDisposition: Hashable, Sendable {
    /// `inline`, `attachment` or another token, in lower case.
    public var type: String
    public var parameters: [HeaderParameter]

    public init(parsing value: [UInt8]) {
        let (primary, parameters) = StructuredValue.parse(value)
        type = String(decoding: primary, as: UTF8.self).lowercased()
        self.parameters = parameters
    }

    public var isAttachment: Bool { type == "attachment" }

    /// The `filename` parameter, if present.
    public var filename: String? { parameters.first { $0.name == "filename" }?.value }
}

/// A `Content-Transfer-Encoding` (RFC 2045 §6); `7bit` when absent.
public enum TransferEncoding: Hashable, Sendable {
    case sevenBit, eightBit, binary, base64, quotedPrintable
    /// An encoding RFC 2045 does not define (an `x-` token or a mistake):
    /// the body is taken as it is.
    case other(String)

    public init(parsing value: [UInt8]) {
        let token = String(decoding: StructuredValue.parse(value).primary, as: UTF8.self).lowercased()
        switch token {
        case "7bit", "": self = .sevenBit
        case "8bit": self = .eightBit
        case "binary": self = .binary
        case "base64": self = .base64
        case "quoted-printable": self = .quotedPrintable
        default: self = .other(token)
        }
    }

    /// The header value.
    public var name: String {
        switch self {
        case .sevenBit: "7bit"
        case .eightBit: "8bit"
        case .binary: "binary"
        case .base64: "base64"
        case .quotedPrintable: "quoted-printable"
        case .other(let token): token
        }
    }
}
