import HTTPTypes
import Hummingbird
import SESModel
import SimJSON

/// An error as SES API v2 sends it: the HTTP status, the header
/// `x-amzn-ErrorType: <Code>` (which botocore reads the code from) and the
/// body `{"message": "…"}`.
public struct V2Error: HTTPResponseError, Sendable, Equatable {
    public var code: V2ErrorCode
    public var message: String

    public init(_ code: V2ErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The v2 form of an error the account model returned (``V2ErrorTable``).
    public init(_ error: SESError) {
        self.init(V2ErrorTable.code(for: error), error.message)
    }

    /// A malformed or incomplete request.
    public static func badRequest(_ message: String) -> V2Error { V2Error(.badRequest, message) }

    public var status: HTTPResponse.Status { code.status }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response()
    }

    /// The response carrying this error.
    public func response() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.amznErrorType] = code.rawValue
        let body = JSONValue.object(["message": .string(message)]).serialized()
        return Response(
            status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}

extension HTTPField.Name {
    /// `x-amzn-ErrorType`: the error code of an AWS REST-JSON error response.
    static let amznErrorType = HTTPField.Name("x-amzn-ErrorType")!
    /// `x-amzn-RequestId`.
    static let amznRequestId = HTTPField.Name("x-amzn-RequestId")!
}
