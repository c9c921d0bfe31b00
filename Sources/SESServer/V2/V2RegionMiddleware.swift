import Hummingbird

/// Refuses a v2 request signed for another Region than the account's, as
/// AWS's front end does: 403 `InvalidSignatureException` "Credential should
/// be scoped to a valid region, not 'eu-west-1'." (the wording SES sends,
/// aws/aws-sdk-java#1097; the code of AWS's REST-JSON services,
/// aws/aws-sdk-js#4545). Unsigned requests, and any signature, pass.
struct V2RegionMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let region: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        if let scope = CredentialScope(request: request), scope.region != region {
            return V2Error(.invalidSignature, "Credential should be scoped to a valid region, not '\(scope.region)'.")
                .response()
        }
        return try await next(request, context)
    }
}
