import HTTPTypes
import SESModel

/// The error codes of SES API v2 that sesim answers with, each with its HTTP
/// status, as botocore's `sesv2` model (2019-09-27) declares them.
public enum V2ErrorCode: String, Sendable, CaseIterable {
    case badRequest = "BadRequestException"
    case notFound = "NotFoundException"
    case alreadyExists = "AlreadyExistsException"
    case limitExceeded = "LimitExceededException"
    case tooManyRequests = "TooManyRequestsException"
    case messageRejected = "MessageRejected"
    case mailFromDomainNotVerified = "MailFromDomainNotVerifiedException"
    case accountSuspended = "AccountSuspendedException"
    case sendingPaused = "SendingPausedException"
    case invalidNextToken = "InvalidNextTokenException"
    /// Not in the model: what AWS's REST-JSON front end answers for a
    /// signature scoped to another Region (see ``V2ErrorTable``).
    case invalidSignature = "InvalidSignatureException"
    /// Not in the model: sesim's answer for a path or method no operation has.
    case unknownOperation = "UnknownOperationException"

    /// The HTTP status the model gives the error (`"error": {"httpStatusCode": …}`).
    public var status: HTTPResponse.Status {
        switch self {
        case .notFound, .unknownOperation: .notFound
        case .tooManyRequests: .tooManyRequests
        case .invalidSignature: .forbidden
        default: .badRequest
        }
    }
}

/// How each error of the account model (``SESErrorCode``, the v1 names)
/// reaches the v2 wire: one table, so that every route answers alike.
///
/// Sources: the error shapes each operation lists in botocore's
/// `sesv2/2019-09-27/service-2.json`; for throttling, which the model does
/// not tie to a code, third-party captures of real responses (ses-facts
/// §2.4, §12.2): a sending-rate overrun is 429 `TooManyRequestsException`
/// "Maximum sending rate exceeded.", the daily quota 400
/// `LimitExceededException` "Daily message quota exceeded.", and the
/// control-plane rate (one call a second) 429 `TooManyRequestsException`.
public enum V2ErrorTable {
    /// The v2 code of `error`.
    public static func code(for error: SESError) -> V2ErrorCode {
        switch error.code {
        case .invalidParameterValue, .invalidConfigurationSet, .invalidDeliveryOptions,
            .invalidTrackingOptions, .invalidSendingPoolName, .invalidTemplate, .invalidRenderingParameter,
            .missingRenderingAttribute:
            .badRequest
        case .messageRejected: .messageRejected
        case .mailFromDomainNotVerified: .mailFromDomainNotVerified
        case .configurationSetDoesNotExist, .templateDoesNotExist, .notFound, .eventDestinationDoesNotExist:
            .notFound
        case .configurationSetAlreadyExists, .eventDestinationAlreadyExists, .alreadyExists: .alreadyExists
        case .accountSendingPaused, .configurationSetSendingPaused: .sendingPaused
        case .accountSuspended: .accountSuspended
        case .limitExceeded: .limitExceeded
        case .throttling:
            error.message == SESErrorMessages.dailyMessageQuotaExceeded ? .limitExceeded : .tooManyRequests
        }
    }
}
