import SESEvents
import SimCore

/// The status of one destination of a `SendBulkTemplatedEmail` call
/// (v1 `BulkEmailStatus`).
public enum BulkEmailStatus: String, Hashable, Sendable, CaseIterable {
    case success = "Success"
    case messageRejected = "MessageRejected"
    case mailFromDomainNotVerified = "MailFromDomainNotVerified"
    case configurationSetDoesNotExist = "ConfigurationSetDoesNotExist"
    case templateDoesNotExist = "TemplateDoesNotExist"
    case accountSuspended = "AccountSuspended"
    case accountThrottled = "AccountThrottled"
    case accountDailyQuotaExceeded = "AccountDailyQuotaExceeded"
    case invalidSendingPoolName = "InvalidSendingPoolName"
    case accountSendingPaused = "AccountSendingPaused"
    case configurationSetSendingPaused = "ConfigurationSetSendingPaused"
    case invalidParameterValue = "InvalidParameterValue"
    case transientFailure = "TransientFailure"
    case failed = "Failed"

    /// The entry status that reports `error` for one destination.
    public init(reporting error: SESError) {
        switch error.code {
        case .messageRejected: self = .messageRejected
        case .mailFromDomainNotVerified: self = .mailFromDomainNotVerified
        case .configurationSetDoesNotExist: self = .configurationSetDoesNotExist
        case .templateDoesNotExist: self = .templateDoesNotExist
        case .accountSuspended: self = .accountSuspended
        case .accountSendingPaused: self = .accountSendingPaused
        case .configurationSetSendingPaused: self = .configurationSetSendingPaused
        case .invalidSendingPoolName: self = .invalidSendingPoolName
        case .invalidParameterValue: self = .invalidParameterValue
        case .throttling:
            self =
                error.message == SESErrorMessages.dailyMessageQuotaExceeded
                ? .accountDailyQuotaExceeded : .accountThrottled
        default: self = .failed
        }
    }
}

/// One entry of a `SendBulkTemplatedEmail` answer.
public struct BulkEmailEntryResult: Hashable, Sendable {
    public var status: BulkEmailStatus
    /// Why the destination failed; nil on success.
    public var error: String?
    /// The message SES accepted for this destination; only on success.
    public var message: AcceptedMessage?

    public init(status: BulkEmailStatus, error: String? = nil, message: AcceptedMessage? = nil) {
        self.status = status
        self.error = error
        self.message = message
    }

    /// The accepted message's ID; only on success.
    public var messageId: MessageID? { message?.messageId }
}

/// The answer to a `SendBulkTemplatedEmail` call that was not refused
/// whole: a status per destination, each accepted one with its message.
public struct BulkSendResult: Hashable, Sendable {
    /// One entry per destination, in the call's order.
    public var entries: [BulkEmailEntryResult]

    public init(entries: [BulkEmailEntryResult]) {
        self.entries = entries
    }

    /// The accepted messages, in the call's order.
    public var accepted: [AcceptedMessage] { entries.compactMap(\.message) }
}

/// What a message is made of.
public enum MessageContent: Hashable, Sendable {
    /// Content given whole.
    case simple(SimpleContent)
    /// A stored template with its data (a JSON object as text) and, for bulk
    /// sends, the call's default data that the data is merged over.
    case templated(template: String, data: String?, defaultData: String?)
    /// A MIME message given whole (`SendRawEmail`, v2 `Content.Raw`, SMTP);
    /// boxed, so that the other cases' messages stay as small as they were.
    indirect case raw(RawContent)
}

/// A message SES accepted: what the delivery pipeline works from.
public struct AcceptedMessage: Hashable, Sendable {
    /// The order in which the account accepted messages, from 0.
    public var serial: UInt64
    public var messageId: MessageID
    public var acceptedAt: SimTime
    public var operation: SendOperation
    /// The sender, as given (display name included).
    public var source: EmailAddress
    public var destination: Destination
    /// The recipients, parsed, To then Cc then Bcc.
    public var recipients: [EmailAddress]
    /// The configuration set's index in the account, if the message used one.
    public var configurationSet: Int?
    /// The message tags (auto-tags are added when events are published).
    public var tags: [NameValue]
    public var content: MessageContent

    /// The domain published as `ses:from-domain`: a raw message's From
    /// domain, else the Source's.
    public var fromDomain: String {
        if case .raw(let raw) = content, let domain = raw.fromDomain { return domain }
        return source.domain
    }
}
