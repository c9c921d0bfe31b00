/// The error codes SES's v1 API answers with, spelled as SES spells them.
public enum SESErrorCode: String, Sendable, Hashable, CaseIterable {
    case invalidParameterValue = "InvalidParameterValue"
    case messageRejected = "MessageRejected"
    case mailFromDomainNotVerified = "MailFromDomainNotVerified"
    case configurationSetDoesNotExist = "ConfigurationSetDoesNotExist"
    case configurationSetAlreadyExists = "ConfigurationSetAlreadyExists"
    case invalidConfigurationSet = "InvalidConfigurationSet"
    case invalidDeliveryOptions = "InvalidDeliveryOptions"
    case invalidTrackingOptions = "InvalidTrackingOptions"
    case templateDoesNotExist = "TemplateDoesNotExist"
    case accountSendingPaused = "AccountSendingPaused"
    case configurationSetSendingPaused = "ConfigurationSetSendingPaused"
    case accountSuspended = "AccountSuspended"
    case invalidSendingPoolName = "InvalidSendingPoolName"
    case throttling = "Throttling"
    case limitExceeded = "LimitExceeded"
    case eventDestinationAlreadyExists = "EventDestinationAlreadyExists"
    case eventDestinationDoesNotExist = "EventDestinationDoesNotExist"
    case notFound = "NotFound"
    case alreadyExists = "AlreadyExists"
    case invalidTemplate = "InvalidTemplate"
    case invalidRenderingParameter = "InvalidRenderingParameter"
    case missingRenderingAttribute = "MissingRenderingAttribute"
}

/// An error returned by an SES API call: its code and its message, as SES
/// words them (see docs/ses-api.md for each message's source).
public struct SESError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error code, e.g. `Throttling`.
    public var code: SESErrorCode
    /// The message, e.g. `Maximum sending rate exceeded.`
    public var message: String

    public init(_ code: SESErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `Code: message`, the way SDKs print it.
    public var description: String { "\(code.rawValue): \(message)" }
}
