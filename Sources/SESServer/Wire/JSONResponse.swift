import HTTPTypes
import Hummingbird
import SimJSON

/// A successful REST-JSON response: status 200 and the body's JSON (keys
/// sorted, so the bytes are stable).
func jsonResponse(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "application/json"
    return Response(
        status: status, headers: headers,
        body: ResponseBody(byteBuffer: ByteBuffer(string: value.serialized())))
}

/// A response whose body is JSON text already serialised.
func jsonResponse(text: String, status: HTTPResponse.Status = .ok) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "application/json"
    return Response(
        status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
}
