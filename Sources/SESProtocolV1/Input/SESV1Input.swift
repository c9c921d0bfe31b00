import SESModel
import SimJSON

/// Decodes SES API v1 operations from structured parameters into the
/// account model's ``SESRequest``: the protocol-neutral half of API v1,
/// shared by the Query routes of `sesim serve` and by anything else that
/// names a v1 operation with boto3-style parameters (a scenario's calls).
///
/// `parameters` has the nesting of boto3's keyword arguments: structures are
/// objects, lists arrays, maps objects, strings and numbers as such,
/// booleans as `true`/`false`, and blobs (`RawMessage.Data`) as base64 text:
///
/// ```swift
/// let request = try SESV1Input.request(
///     operation: "SendTemplatedEmail",
///     parameters: .object([
///         "Source": .string("news@example.com"),
///         "Destination": .object(["ToAddresses": .array([.string("ann@example.net")])]),
///         "Template": .string("welcome"), "TemplateData": .string(#"{"name":"Ann"}"#),
///     ]))
/// ```
///
/// Parameters are checked against the operation's input shape in botocore's
/// model first (``SESV1Model``), as SES's front end checks them: a missing
/// required member, a member of the wrong kind, an enum value or a length
/// out of bounds is a `ValidationError` in AWS's wording; a member the shape
/// does not have is refused too (botocore refuses it before sending). SES's
/// own rules (addresses, quotas, templates) are the model's, applied when
/// the request is performed.
public enum SESV1Input {
    /// The model's request for `operation` called with `parameters`.
    ///
    /// - Throws: ``SESV1InputError``: `InvalidAction` for an operation sesim
    ///   does not serve, `ValidationError` or `InvalidParameterValue` for
    ///   parameters SES would refuse before the operation runs.
    public static func request(operation: String, parameters: JSONValue) throws(SESV1InputError) -> SESRequest
    {
        try call(operation: operation, parameters: parameters).request
    }

    /// As ``request(operation:parameters:)``, with how the operation's
    /// answer is presented (paging, filters): give the call and the outcome
    /// of performing its request to ``SESV1Output/result(of:_:)``.
    public static func call(operation: String, parameters: JSONValue) throws(SESV1InputError) -> SESV1Call {
        guard let model = SESV1Model.operation(named: operation) else {
            throw SESV1InputError(.invalidAction(operation))
        }
        let members: [String: JSONValue]
        switch parameters {
        case .null: members = [:]
        case .object(let object): members = object
        default:
            throw SESV1InputError(
                SESV1Error(
                    .validationError, "The parameters of \(operation) must be a structure (an object)."))
        }
        try validate(members, of: model)
        return try decode(operation, V1Parameters(members))
    }

    /// Checks `members` against the operation's input shape.
    static func validate(_ members: [String: JSONValue], of operation: V1Operation) throws(SESV1InputError) {
        let shape =
            operation.input.flatMap(SESV1Model.shape(named:))
            ?? .structure("\(operation.name)Request", [], required: [])
        var validator = V1ShapeValidator()
        validator.check(.object(members), shape: shape, wirePath: "", memberPath: "")
        if let first = validator.problems.first {
            throw SESV1InputError(.validation(validator.problems.map(\.message)), at: first.memberPath)
        }
    }

    private static func decode(_ operation: String, _ input: V1Parameters) throws(SESV1InputError)
        -> SESV1Call
    {
        switch operation {
        case "SendEmail": return sendEmail(input)
        case "SendTemplatedEmail": return sendTemplatedEmail(input)
        case "SendBulkTemplatedEmail": return sendBulkTemplatedEmail(input)
        case "SendRawEmail": return try sendRawEmail(input)
        case "GetSendQuota": return SESV1Call(operation: operation, request: .getSendQuota)
        case "GetSendStatistics": return SESV1Call(operation: operation, request: .getSendStatistics)
        case "GetAccountSendingEnabled":
            return SESV1Call(operation: operation, request: .getAccountSendingEnabled)
        case "UpdateAccountSendingEnabled":
            // The member is optional; an absent value is false, as for any boolean.
            return SESV1Call(
                operation: operation,
                request: .updateAccountSendingEnabled(enabled: input.bool("Enabled") ?? false))
        case "VerifyEmailIdentity", "VerifyEmailAddress": return try verifyEmail(operation, input)
        case "VerifyDomainIdentity": return try verifyDomain(input)
        case "ListIdentities": return try listIdentities(input)
        case "ListVerifiedEmailAddresses":
            return SESV1Call(
                operation: operation, request: .listEmailIdentities, presentation: .verifiedAddresses)
        case "GetIdentityVerificationAttributes": return try verificationAttributes(input)
        case "DeleteIdentity":
            return SESV1Call(
                operation: operation, request: .deleteEmailIdentity(input.requiredString("Identity")),
                presentation: .deletion)
        case "DeleteVerifiedEmailAddress":
            return SESV1Call(
                operation: operation, request: .deleteEmailIdentity(input.requiredString("EmailAddress")),
                presentation: .deletion)
        case "CreateTemplate", "UpdateTemplate", "GetTemplate", "DeleteTemplate", "ListTemplates",
            "TestRenderTemplate":
            return try template(operation, input)
        default:
            return try configurationSet(operation, input)
        }
    }

    /// A page of a list operation: `NextToken` (sesim's tokens are positions
    /// in the list) and `MaxItems` (at least 1; `maximum` when larger).
    static func page(_ input: V1Parameters, defaultSize: Int, maximum: Int) throws(SESV1InputError)
        -> (offset: Int, size: Int)
    {
        var offset = 0
        if let token = input.string("NextToken") {
            guard let value = Int(token), value >= 0 else {
                throw SESV1InputError(
                    SESV1Error(.invalidParameterValue, "The NextToken <\(token)> is not valid."),
                    at: "NextToken")
            }
            offset = value
        }
        var size = defaultSize
        if let items = input.integer("MaxItems") {
            guard items >= 1 else {
                throw SESV1InputError(
                    SESV1Error(.invalidParameterValue, "MaxItems must be at least 1; got \(items)."),
                    at: "MaxItems")
            }
            size = Int(min(items, Int64(maximum)))
        }
        return (offset, size)
    }
}
