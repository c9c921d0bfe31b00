import Hummingbird
import NIOCore
import SimJSON

/// A v2 request's JSON body (an object), read member by member with
/// botocore's member names, each problem a `BadRequestException` in AWS's
/// validation wording.
struct JSONInput: Sendable {
    let members: [String: JSONValue]
    /// Where these members sit in the request, for messages (`Content.Simple`).
    let path: String

    init(members: [String: JSONValue], path: String = "") {
        self.members = members
        self.path = path
    }

    /// The most bytes a request body may have: SES's v2 message limit, 40 MB
    /// after base64 (AWS-DG quotas; ses-facts §2.4), base64-encoded again as
    /// `Content.Raw.Data` (4/3), with 1 MiB for the rest of the request. A
    /// raw message between the limit and this size reaches the model, which
    /// answers SES's `Message length is more than 41943040 bytes long`.
    static let maximumBodyBytes = 41_943_040 / 3 * 4 + 4 + 1_048_576

    /// Reads `request`'s body as a JSON object; an empty body is an empty object.
    static func read(_ request: Request) async throws -> JSONInput {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maximumBodyBytes)
        } catch is NIOTooManyBytesError {
            throw V2Error.badRequest(
                "The request body is larger than \(maximumBodyBytes) bytes, over SES's message size limit.")
        }
        let bytes = Array(buffer.readableBytesView)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return JSONInput(members: [:])
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw V2Error.badRequest("The request body is not valid UTF-8.")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes: bytes)
        } catch {
            throw V2Error.badRequest("The request body is not valid JSON: \(error.description).")
        }
        guard case .object(let members) = value else {
            throw V2Error.badRequest("The request body must be a JSON object.")
        }
        return JSONInput(members: members)
    }

    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// AWS's message for a required member that is missing.
    func missing(_ key: String) -> V2Error {
        V2Error.badRequest(
            "1 validation error detected: Value null at '\(name(key))' failed to satisfy constraint: "
                + "Member must not be null")
    }

    func wrongType(_ key: String, expected: String) -> V2Error {
        V2Error.badRequest("Invalid value at '\(name(key))': expected \(expected).")
    }

    func string(_ key: String) throws(V2Error) -> String? {
        guard let value = members[key], value != .null else { return nil }
        guard case .string(let text) = value else { throw wrongType(key, expected: "a string") }
        return text
    }

    func requiredString(_ key: String) throws(V2Error) -> String {
        guard let text = try string(key) else { throw missing(key) }
        return text
    }

    func bool(_ key: String) throws(V2Error) -> Bool? {
        guard let value = members[key], value != .null else { return nil }
        guard case .bool(let flag) = value else { throw wrongType(key, expected: "true or false") }
        return flag
    }

    func integer(_ key: String) throws(V2Error) -> Int64? {
        guard let value = members[key], value != .null else { return nil }
        switch value {
        case .integer(let number): return number
        case .number(let number) where number == number.rounded() && abs(number) < 9e18: return Int64(number)
        default: throw wrongType(key, expected: "a whole number")
        }
    }

    func object(_ key: String) throws(V2Error) -> JSONInput? {
        guard let value = members[key], value != .null else { return nil }
        guard case .object(let inner) = value else { throw wrongType(key, expected: "an object") }
        return JSONInput(members: inner, path: name(key))
    }

    func requiredObject(_ key: String) throws(V2Error) -> JSONInput {
        guard let inner = try object(key) else { throw missing(key) }
        return inner
    }

    func objects(_ key: String) throws(V2Error) -> [JSONInput] {
        guard let value = members[key], value != .null else { return [] }
        guard case .array(let items) = value else { throw wrongType(key, expected: "a list") }
        var result: [JSONInput] = []
        for (index, item) in items.enumerated() {
            guard case .object(let inner) = item else {
                throw wrongType("\(key).\(index + 1)", expected: "an object")
            }
            result.append(JSONInput(members: inner, path: name("\(key).\(index + 1)")))
        }
        return result
    }

    func strings(_ key: String) throws(V2Error) -> [String] {
        guard let value = members[key], value != .null else { return [] }
        guard case .array(let items) = value else { throw wrongType(key, expected: "a list") }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else {
                throw wrongType("\(key).\(index + 1)", expected: "a string")
            }
            result.append(text)
        }
        return result
    }

    /// Checks a string member against a length limit of the model.
    func check(_ key: String, _ value: String?, maximumLength: Int) throws(V2Error) {
        guard let value, value.count > maximumLength else { return }
        throw V2Error.badRequest(
            "1 validation error detected: Value at '\(name(key))' failed to satisfy constraint: "
                + "Member must have length less than or equal to \(maximumLength)")
    }
}
