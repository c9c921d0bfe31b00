import SESModel

/// An SES API v1 error as SES answers it: the code, the message, whom it
/// blames and the HTTP status (an error answer on the wire is
/// `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`).
public struct SESV1Error: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: SESV1ErrorCode
    public var message: String

    public init(_ code: SESV1ErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The v1 form of an error the account model returned (``SESV1ErrorTable``).
    public init(_ error: SESError) {
        self.init(SESV1ErrorTable.code(for: error), error.message)
    }

    /// `<Type>`.
    public var fault: SESV1Fault { code.fault }

    /// The HTTP status of the answer.
    public var httpStatus: Int { code.httpStatus }

    /// `Code: message`, the way SDKs print it.
    public var description: String { "\(code.rawValue): \(message)" }

    /// An action sesim does not serve, or a `Version` other than 2010-12-01:
    /// `InvalidAction` with the wording of AWS's Query front end ("Could not
    /// find operation X for version Y", as S3Proxy's STS emulation copies it).
    public static func invalidAction(_ action: String, version: String = SESV1Model.apiVersion) -> SESV1Error
    {
        SESV1Error(.invalidAction, "Could not find operation \(action) for version \(version)")
    }

    /// A request without `Action` (AWS-DG api-error-codes `MissingAction`).
    public static let missingAction = SESV1Error(.missingAction, "Missing Action")

    /// AWS's validation wording: `1 validation error detected: A` or
    /// `2 validation errors detected: A; B` (captured from SES v1 in
    /// aws-amplify/aws-sdk-ios#27 and aws/aws-sdk-net#1212).
    public static func validation(_ problems: [String]) -> SESV1Error {
        let count = problems.count
        return SESV1Error(
            .validationError,
            "\(count) validation error\(count == 1 ? "" : "s") detected: " + problems.joined(separator: "; "))
    }
}

/// How each error of the account model (``SESErrorCode``, the v1 names)
/// reaches the v1 wire: one table, shared by every caller of v1 operations
/// (the Query routes and scenario calls alike).
///
/// Most codes are the model's own; three are spelled with `Exception` on
/// the wire, as botocore's model declares them (`AccountSendingPaused`,
/// `ConfigurationSetSendingPaused`, `MailFromDomainNotVerified`). The
/// account paused by SES is `MessageRejected` "Sending paused for this
/// account. …" (a real v1 answer, GoodDollar/GoodServer#419). Codes v1 has
/// no exception for (a missing sending pool, an identity or dedicated IP
/// that does not exist) are `InvalidParameterValue`, AWS's common error for
/// an invalid value.
public enum SESV1ErrorTable {
    /// The v1 code of `error`.
    public static func code(for error: SESError) -> SESV1ErrorCode {
        switch error.code {
        case .invalidParameterValue, .invalidSendingPoolName, .notFound: .invalidParameterValue
        case .messageRejected, .accountSuspended: .messageRejected
        case .mailFromDomainNotVerified: .mailFromDomainNotVerified
        case .configurationSetDoesNotExist: .configurationSetDoesNotExist
        case .configurationSetAlreadyExists: .configurationSetAlreadyExists
        case .invalidConfigurationSet: .invalidConfigurationSet
        case .invalidDeliveryOptions: .invalidDeliveryOptions
        case .invalidTrackingOptions: .invalidTrackingOptions
        case .templateDoesNotExist: .templateDoesNotExist
        case .accountSendingPaused: .accountSendingPaused
        case .configurationSetSendingPaused: .configurationSetSendingPaused
        case .throttling: .throttling
        case .limitExceeded: .limitExceeded
        case .eventDestinationAlreadyExists: .eventDestinationAlreadyExists
        case .eventDestinationDoesNotExist: .eventDestinationDoesNotExist
        case .alreadyExists: .alreadyExists
        case .invalidTemplate: .invalidTemplate
        case .invalidRenderingParameter: .invalidRenderingParameter
        case .missingRenderingAttribute: .missingRenderingAttribute
        }
    }
}
