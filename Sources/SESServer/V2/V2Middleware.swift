import Hummingbird
import Synchronization

/// What every v2 request goes through: the Region check, the error shape,
/// and the `x-amzn-RequestId` header SDKs report.
///
/// A request signed for another Region than the account's is refused as
/// AWS's front end refuses it: 403 `InvalidSignatureException` "Credential
/// should be scoped to a valid region, not 'eu-west-1'." (the wording SES
/// sends, aws/aws-sdk-java#1097; the code of AWS's REST-JSON services,
/// aws/aws-sdk-js#4545). Unsigned requests, and any signature, pass.
struct V2Middleware: RouterMiddleware {
    typealias Context = ServerContext
    let region: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response: Response
        if let scope = CredentialScope(request: request), scope.region != region {
            response = V2Error(
                .invalidSignature, "Credential should be scoped to a valid region, not '\(scope.region)'."
            ).response()
        } else {
            do {
                response = try await next(request, context)
            } catch let error as V2Error {
                response = error.response()
            }
        }
        response.headers[.amznRequestId] = RequestIdentifiers.next()
        return response
    }
}

/// Request IDs in UUID form, from a counter: unique within a server's run.
enum RequestIdentifiers {
    private static let counter = Atomic<UInt64>(0)

    static func next() -> String {
        let value = counter.wrappingAdd(1, ordering: .relaxed).newValue
        let hex = String(value, radix: 16)
        return "5e5e5e5e-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    }
}
