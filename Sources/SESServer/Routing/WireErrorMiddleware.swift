import Hummingbird
import NIOCore

/// Gives every request the server has no operation for an answer in the
/// shape its client reads: under `/_sesim/` the admin API's
/// `{"message": …}`, elsewhere an AWS REST-JSON error (the
/// `x-amzn-ErrorType` header and `{"message": …}`) — 404
/// `UnknownOperationException` for a path or method no operation has, 400
/// `BadRequestException` for any other refused request (a body too large).
struct WireErrorMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let path = request.uri.path
            let message: String
            switch error.status {
            case .notFound, .methodNotAllowed:
                message = "No operation answers \(request.method.rawValue) \(path)."
            case .contentTooLarge:
                message = "The request body is larger than the server accepts."
            default:
                message = error.body ?? error.status.reasonPhrase
            }
            if path.hasPrefix("/_sesim") {
                return jsonResponse(.object(["message": .string(message)]), status: error.status)
            }
            let code: V2ErrorCode =
                error.status == .notFound || error.status == .methodNotAllowed
                ? .unknownOperation : .badRequest
            return V2Error(code, message).response()
        } catch is NIOTooManyBytesError {
            let message = "The request body is larger than the server accepts."
            if request.uri.path.hasPrefix("/_sesim") {
                return jsonResponse(.object(["message": .string(message)]), status: .contentTooLarge)
            }
            return V2Error(.badRequest, message).response()
        }
    }
}
