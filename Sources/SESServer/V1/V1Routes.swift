import HTTPTypes
import Hummingbird
import NIOCore
import SESModel
import SESProtocolV1
import SimJSON

/// SES API v1 (Query protocol, API version 2010-12-01) at `/`: `POST` with
/// a form body (`Action=SendEmail&Version=2010-12-01&…`) or `GET` with the
/// same parameters in the query string, answered in SES's XML.
///
/// This group only converts the wire form: the parameters are read into the
/// structure of the operation's input shape (``QueryStructure``), decoded
/// into the model's request by ``SESV1Input``, performed by the
/// ``EngineHost``, and the outcome encoded by ``SESV1Output`` and written as
/// XML (``V1XMLWriter``). Every answer carries `x-amzn-RequestId` and its
/// `ResponseMetadata/RequestId`; no SES rule lives here.
public struct V1Routes: ServerRoutes {
    let host: EngineHost

    public init(host: EngineHost) {
        self.host = host
    }

    /// The most bytes a request may have: a 10 MB `SendRawEmail` message
    /// (AWS-DG quotas: 10 MB after base64 with the v1 API) base64-encoded
    /// again into the form (4/3) and percent-encoded (`+`, `/`, `=` take
    /// three bytes each), with room for the other parameters.
    static let maximumBodyBytes = 17 * 1_048_576

    public func register(on router: Router<ServerContext>) {
        router.post("/") { request, _ in try await answer(request) }
        router.get("/") { request, _ in try await answer(request) }
    }

    /// The answer to one Query request; SES's XML error for any refusal.
    func answer(_ request: Request) async throws -> Response {
        let requestId = RequestIdentifiers.next()
        do throws(SESV1Error) {
            let form = try await Self.form(of: request)
            let (operation, structured) = try Self.read(
                form, region: host.scenario.account.region, request: request)
            let call: SESV1Call
            do throws(SESV1InputError) {
                call = try SESV1Input.call(operation: operation.name, parameters: structured)
            } catch {
                throw error.error
            }
            let outcome = await host.perform(call.request)
            let output = SESV1Output(
                calendar: host.scenario.calendar, accountId: host.scenario.account.accountId)
            switch output.result(of: call, outcome) {
            case .success(let result):
                return Self.xmlResponse(
                    V1XMLWriter.response(to: operation, result: result, requestId: requestId), status: .ok,
                    requestId: requestId)
            case .failure(let error):
                throw error
            }
        } catch {
            return Self.xmlResponse(
                V1XMLWriter.error(error, requestId: requestId),
                status: HTTPResponse.Status(code: error.httpStatus),
                requestId: requestId)
        }
    }

    /// The operation a request names, and its parameters as a structured
    /// value. The Region of a SigV4 credential scope must be the account's
    /// (403 `SignatureDoesNotMatch` "Credential should be scoped to a valid
    /// region, not 'eu-west-1'.", what SES v1 answers, aws/aws-sdk-java#1097).
    static func read(_ form: QueryForm, region: String, request: Request) throws(SESV1Error)
        -> (V1Operation, JSONValue)
    {
        if let scope = CredentialScope(request: request), scope.region != region {
            throw SESV1Error(
                .signatureDoesNotMatch,
                "Credential should be scoped to a valid region, not '\(scope.region)'.")
        }
        guard let action = form["Action"], !action.isEmpty else { throw SESV1Error.missingAction }
        if let version = form["Version"], version != SESV1Model.apiVersion {
            throw SESV1Error.invalidAction(action, version: version)
        }
        guard let operation = SESV1Model.operation(named: action) else {
            throw SESV1Error.invalidAction(action)
        }
        let shape = operation.input.flatMap(SESV1Model.shape(named:))
        return (operation, try QueryStructure.value(of: form, shape: shape))
    }

    /// The request's parameters: its query string, then its body.
    static func form(of request: Request) async throws(SESV1Error) -> QueryForm {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maximumBodyBytes)
        } catch is NIOTooManyBytesError {
            throw SESV1Error(
                .invalidParameterValue,
                "The request body is larger than \(maximumBodyBytes) bytes, over SES's v1 message size limit."
            )
        } catch {
            throw SESV1Error(.malformedQueryString, "The request body could not be read.")
        }
        let query = request.uri.query.map { Substring($0) }
        return try QueryForm(query: query, body: Array(body.readableBytesView))
    }

    static func xmlResponse(_ xml: String, status: HTTPResponse.Status, requestId: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/xml"
        headers[.amznRequestId] = requestId
        return Response(
            status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: xml)))
    }
}
