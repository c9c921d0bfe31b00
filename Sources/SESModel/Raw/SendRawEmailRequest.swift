import SESEvents

/// Where a raw message came in: it sets the size limit and the
/// `ses:operation` auto-tag.
public enum RawSendInterface: String, Hashable, Sendable, CaseIterable {
    /// v1 `SendRawEmail`: at most 10 MB.
    case sendRawEmail
    /// v2 `SendEmail` with `Content.Raw`: at most 40 MB.
    case sendEmail
    /// The SMTP interface: at most 40 MB; SES authorises it as `ses:SendRawEmail`.
    case smtp

    /// The largest message, in bytes, after base64 encoding of its parts
    /// (AWS-DG quotas: "10 MB per message (after base64 encoding)" with the
    /// v1 API, 40 MB with the v2 API or SMTP). A megabyte is 2^20 bytes, as
    /// in SES's observed `Message length is more than 10485760 bytes long`.
    public var maximumMessageSize: Int {
        switch self {
        case .sendRawEmail: 10 * 1_048_576
        case .sendEmail, .smtp: 40 * 1_048_576
        }
    }

    /// The operation published as `ses:operation`: `SendRawEmail` for v1 and
    /// SMTP (observed on raw sends), `SendEmail` for v2 (the operation the
    /// caller made; an assumption, see docs/raw-email.md).
    public var operation: SendOperation {
        switch self {
        case .sendRawEmail, .smtp: .sendRawEmail
        case .sendEmail: .sendEmail
        }
    }
}

/// `SendRawEmail` (and the raw forms of v2 `SendEmail` and SMTP): a message
/// given whole, as MIME.
public struct SendRawEmailRequest: Hashable, Sendable {
    /// The envelope sender; nil or empty to take it from the `From` header.
    public var source: String?
    /// The envelope recipients; empty to take them from the `To`, `Cc` and
    /// `Bcc` headers.
    public var destinations: [String]
    /// The message: header, blank line, body (RFC 5322, MIME). Bare LF line
    /// breaks are accepted as well as CRLF.
    public var rawMessage: [UInt8]
    /// The configuration set; nil to take it from `X-SES-CONFIGURATION-SET`.
    public var configurationSetName: String?
    /// Message tags; empty to take them from `X-SES-MESSAGE-TAGS` (the two are
    /// never merged).
    public var tags: [NameValue]
    /// Sending authorization ARNs (v1 `SourceArn`, `FromArn`,
    /// `ReturnPathArn`; v2 `FromEmailAddressIdentityArn`). Carried for the
    /// wire layers; sesim does not model sending authorization.
    public var sourceArn: String?
    public var fromArn: String?
    public var returnPathArn: String?
    /// Where the message came in.
    public var interface: RawSendInterface

    public init(
        source: String? = nil, destinations: [String] = [], rawMessage: [UInt8],
        configurationSetName: String? = nil, tags: [NameValue] = [], sourceArn: String? = nil,
        fromArn: String? = nil, returnPathArn: String? = nil, interface: RawSendInterface = .sendRawEmail
    ) {
        self.source = source
        self.destinations = destinations
        self.rawMessage = rawMessage
        self.configurationSetName = configurationSetName
        self.tags = tags
        self.sourceArn = sourceArn
        self.fromArn = fromArn
        self.returnPathArn = returnPathArn
        self.interface = interface
    }
}
