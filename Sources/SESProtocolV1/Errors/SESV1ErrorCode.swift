/// The error codes sesim answers SES API v1 calls with, spelled as they
/// reach the wire (`<Code>…</Code>`): the `error.code` of botocore's `ses`
/// model where the model declares the error, else one of AWS's common Query
/// errors (AWS-DG api-error-codes), with the HTTP status each carries.
public enum SESV1ErrorCode: String, Hashable, Sendable, CaseIterable {
    // Declared by the model (`"error": {"code": …, "httpStatusCode": 400}`).
    case messageRejected = "MessageRejected"
    case mailFromDomainNotVerified = "MailFromDomainNotVerifiedException"
    case configurationSetDoesNotExist = "ConfigurationSetDoesNotExist"
    case configurationSetAlreadyExists = "ConfigurationSetAlreadyExists"
    case configurationSetSendingPaused = "ConfigurationSetSendingPausedException"
    case accountSendingPaused = "AccountSendingPausedException"
    case invalidConfigurationSet = "InvalidConfigurationSet"
    case invalidDeliveryOptions = "InvalidDeliveryOptions"
    case invalidTrackingOptions = "InvalidTrackingOptions"
    case templateDoesNotExist = "TemplateDoesNotExist"
    case alreadyExists = "AlreadyExists"
    case invalidTemplate = "InvalidTemplate"
    case invalidRenderingParameter = "InvalidRenderingParameter"
    case missingRenderingAttribute = "MissingRenderingAttribute"
    case limitExceeded = "LimitExceeded"
    case eventDestinationAlreadyExists = "EventDestinationAlreadyExists"
    case eventDestinationDoesNotExist = "EventDestinationDoesNotExist"
    // AWS's common errors of the Query API.
    case throttling = "Throttling"
    case invalidParameterValue = "InvalidParameterValue"
    case validationError = "ValidationError"
    case invalidAction = "InvalidAction"
    case missingAction = "MissingAction"
    case invalidQueryParameter = "InvalidQueryParameter"
    case malformedQueryString = "MalformedQueryString"
    case signatureDoesNotMatch = "SignatureDoesNotMatch"
    case internalFailure = "InternalFailure"

    /// The HTTP status: 400 for all but a malformed query string (404, as
    /// AWS-DG api-error-codes lists it), a signature scoped to another Region
    /// (403, aws/aws-sdk-java#1097) and an internal failure (500).
    public var httpStatus: Int {
        switch self {
        case .malformedQueryString: 404
        case .signatureDoesNotMatch: 403
        case .internalFailure: 500
        default: 400
        }
    }

    /// `<Type>`: `Receiver` for a failure of the service, `Sender` otherwise
    /// (every error the model declares is `"senderFault": true`).
    public var fault: SESV1Fault { self == .internalFailure ? .receiver : .sender }
}

/// Who an error blames (`<Type>` of an error answer).
public enum SESV1Fault: String, Hashable, Sendable {
    case sender = "Sender"
    case receiver = "Receiver"
}
