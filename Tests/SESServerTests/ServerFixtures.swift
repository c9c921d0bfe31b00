import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SESServer
import ScenarioFormat
import SimJSON

/// Servers for the tests: a scenario written inline, its host, and the
/// router every test drives through HummingbirdTesting.
enum ServerFixtures {
    /// An account that accepts any sender, 14 a second, 50,000 a day, with
    /// no control-plane limit: the default account, as a test starts it.
    static let openAccount = """
        name: server-test
        seed: 7
        start: 2026-03-02T09:00:00Z
        account:
          autoVerifySenders: true
          controlPlaneRate: unlimited
        """

    /// The scenario `yaml` (`duration` optional), loaded.
    static func scenario(_ yaml: String) throws -> Scenario {
        try ScenarioLoader(durationOptional: true).load(text: yaml, file: "test.yaml")
    }

    /// Runs `body` against a server for `yaml`, through the router (no sockets).
    static func withServer<Value: Sendable>(
        _ yaml: String = openAccount,
        _ body: @Sendable (any TestClientProtocol, EngineHost) async throws -> Value
    ) async throws -> Value {
        let host = try EngineHost(scenario: try scenario(yaml))
        let app = Application(router: ServerApplication.router(host: host))
        return try await app.test(.router) { client in try await body(client, host) }
    }
}

/// A response read back: status, headers, body as text and as JSON.
struct Reply: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let text: String

    var json: JSONValue { (try? JSONParser.parse(text)) ?? .null }

    /// `x-amzn-ErrorType`.
    var errorType: String? { headers[HTTPField.Name("x-amzn-ErrorType")!] }

    /// `message` of an error body.
    var message: String? {
        if case .string(let text)? = json["message"] { return text }
        return nil
    }

    subscript(key: String) -> JSONValue? { json[key] }
}

extension TestClientProtocol {
    /// Sends `body` (JSON text) to `uri` and reads the reply.
    func call(
        _ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil, headers: HTTPFields = [:]
    ) async throws -> Reply {
        try await execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
        ) { response in
            Reply(status: response.status, headers: response.headers, text: String(buffer: response.body))
        }
    }

    /// A `SendEmail` with simple content.
    func sendSimple(
        from: String = "app@example.com", to: [String], subject: String = "Hello", text: String? = "Hi",
        html: String? = nil, configurationSet: String? = nil
    ) async throws -> Reply {
        var body: [String: JSONValue] = [:]
        if let text { body["Text"] = .object(["Data": .string(text)]) }
        if let html { body["Html"] = .object(["Data": .string(html)]) }
        var request: [String: JSONValue] = [
            "FromEmailAddress": .string(from),
            "Destination": .object(["ToAddresses": .array(to.map { .string($0) })]),
            "Content": .object([
                "Simple": .object(["Subject": .object(["Data": .string(subject)]), "Body": .object(body)])
            ]),
        ]
        if let configurationSet { request["ConfigurationSetName"] = .string(configurationSet) }
        return try await call(.post, "/v2/email/outbound-emails", JSONValue.object(request).serialized())
    }

    /// Advances the virtual clock by `seconds` through the admin API.
    func advance(_ seconds: Double) async throws -> Reply {
        try await call(.post, "/_sesim/clock/advance", "{\"seconds\": \(seconds)}")
    }
}

extension JSONValue {
    /// The value as text, if it is a string.
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The elements, if it is an array.
    var arrayValue: [JSONValue] {
        if case .array(let items) = self { return items }
        return []
    }
}
