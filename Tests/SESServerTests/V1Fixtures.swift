import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An XML element read back from an answer: name, text, children.
struct XMLElement: Sendable, Equatable {
    var name: String
    var text: String
    var attributes: [String: String]
    var children: [XMLElement]

    /// The first child named `name`.
    subscript(name: String) -> XMLElement? { children.first { $0.name == name } }

    /// The element at a path of child names (`Error/Code`).
    func at(_ path: String) -> XMLElement? {
        var element: XMLElement? = self
        for name in path.split(separator: "/") { element = element?[String(name)] }
        return element
    }

    /// The texts of the `member` children of the element at `path`.
    func members(_ path: String) -> [String] {
        at(path)?.children.filter { $0.name == "member" }.map(\.text) ?? []
    }

    /// Parses `text`; nil when it is not well-formed XML.
    static func parse(_ text: String) -> XMLElement? {
        let delegate = TreeBuilder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = delegate
        guard parser.parse() else { return nil }
        return delegate.root
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [XMLElement] = []
        var root: XMLElement?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            stack.append(XMLElement(name: elementName, text: "", attributes: attributes, children: []))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
            qualifiedName: String?
        ) {
            guard var element = stack.popLast() else { return }
            if !element.children.isEmpty {
                element.text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
        }
    }
}

/// A v1 answer read back.
struct V1Reply: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let text: String

    var xml: XMLElement? { XMLElement.parse(text) }
    var requestId: String? { headers[HTTPField.Name("x-amzn-RequestId")!] }
    var errorCode: String? { xml?.at("Error/Code")?.text }
    var errorMessage: String? { xml?.at("Error/Message")?.text }
    var errorType: String? { xml?.at("Error/Type")?.text }

    /// The element at `path` under the operation's result element.
    func result(_ path: String = "") -> XMLElement? {
        guard let root = xml, let result = root.children.first(where: { $0.name.hasSuffix("Result") }) else {
            return nil
        }
        return path.isEmpty ? result : result.at(path)
    }
}

/// Query parameters as botocore writes them: `application/x-www-form-urlencoded`,
/// everything but unreserved characters percent-encoded.
enum QueryEncoding {
    static func encode(_ parameters: [(String, String)]) -> String {
        parameters.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                UInt8(ascii: "."),
                UInt8(ascii: "~"):
                output.append(Character(UnicodeScalar(byte)))
            default:
                output += String(format: "%%%02X", byte)
            }
        }
        return output
    }
}

extension TestClientProtocol {
    /// A v1 call: `Action`, `Version` and `parameters` in a form body.
    func v1(_ action: String, _ parameters: [(String, String)] = [], headers: HTTPFields = [:]) async throws
        -> V1Reply
    {
        try await v1Raw(
            QueryEncoding.encode([("Action", action), ("Version", "2010-12-01")] + parameters),
            headers: headers)
    }

    /// A POST to `/` with `body` as it is.
    func v1Raw(
        _ body: String, uri: String = "/", method: HTTPRequest.Method = .post, headers: HTTPFields = [:]
    )
        async throws -> V1Reply
    {
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded; charset=utf-8"
        return try await execute(
            uri: uri, method: method, headers: headers, body: method == .get ? nil : ByteBuffer(string: body)
        ) { response in
            V1Reply(status: response.status, headers: response.headers, text: String(buffer: response.body))
        }
    }

    /// A v1 `SendEmail` with a text body.
    func v1Send(
        from: String = "app@example.com", to: [String], subject: String = "Hello",
        configurationSet: String? = nil
    ) async throws -> V1Reply {
        var parameters: [(String, String)] = [("Source", from)]
        for (index, address) in to.enumerated() {
            parameters.append(("Destination.ToAddresses.member.\(index + 1)", address))
        }
        parameters += [("Message.Subject.Data", subject), ("Message.Body.Text.Data", "Hi")]
        if let configurationSet { parameters.append(("ConfigurationSetName", configurationSet)) }
        return try await v1("SendEmail", parameters)
    }
}
