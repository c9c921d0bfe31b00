import SESProtocolV1
import SimJSON

/// Writes SES API v1's XML answers, laid out as SES lays them out (two
/// spaces of indentation, one element a line; captures in
/// awsdocs/amazon-ses-developer-guide#60 and devtron-labs/devtron#2030):
///
/// ```xml
/// <SendEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">
///   <SendEmailResult>
///     <MessageId>…</MessageId>
///   </SendEmailResult>
///   <ResponseMetadata>
///     <RequestId>…</RequestId>
///   </ResponseMetadata>
/// </SendEmailResponse>
/// ```
///
/// The result is written by the operation's output shape, in the model's
/// member order: list elements as `<member>`, map entries as
/// `<entry><key/><value/></entry>` (sorted by key), booleans `true`/`false`,
/// doubles with a decimal point (`50000.0`, as SES writes them).
enum V1XMLWriter {
    /// A successful answer to `operation` whose result is `result`.
    static func response(to operation: V1Operation, result: JSONValue, requestId: String) -> String {
        var xml = "<\(operation.name)Response xmlns=\"\(SESV1Model.xmlNamespace)\">\n"
        if let wrapper = operation.resultWrapper,
            let shape = operation.output.flatMap(SESV1Model.shape(named:))
        {
            writeElement(wrapper, result, shape: shape, indent: 1, to: &xml)
        }
        xml +=
            "  <ResponseMetadata>\n    <RequestId>\(escaped(requestId))</RequestId>\n  </ResponseMetadata>\n"
        xml += "</\(operation.name)Response>\n"
        return xml
    }

    /// An error answer.
    static func error(_ error: SESV1Error, requestId: String) -> String {
        "<ErrorResponse xmlns=\"\(SESV1Model.xmlNamespace)\">\n"
            + "  <Error>\n"
            + "    <Type>\(error.fault.rawValue)</Type>\n"
            + "    <Code>\(error.code.rawValue)</Code>\n"
            + "    <Message>\(escaped(error.message))</Message>\n"
            + "  </Error>\n"
            + "  <RequestId>\(escaped(requestId))</RequestId>\n"
            + "</ErrorResponse>\n"
    }

    private static func writeElement(
        _ name: String, _ value: JSONValue, shape: V1Shape, indent: Int, to xml: inout String
    ) {
        let pad = String(repeating: "  ", count: indent)
        switch (shape.kind, value) {
        case (.structure, .object(let members)):
            let present = shape.members.filter { members[$0.name] != nil && members[$0.name] != .null }
            guard !present.isEmpty else {
                xml += "\(pad)<\(name)/>\n"
                return
            }
            xml += "\(pad)<\(name)>\n"
            for member in present {
                guard let target = SESV1Model.shape(named: member.shape), let child = members[member.name]
                else { continue }
                writeElement(member.name, child, shape: target, indent: indent + 1, to: &xml)
            }
            xml += "\(pad)</\(name)>\n"
        case (.list, .array(let items)):
            guard !items.isEmpty, let member = shape.listMember.flatMap(SESV1Model.shape(named:)) else {
                xml += "\(pad)<\(name)/>\n"
                return
            }
            xml += "\(pad)<\(name)>\n"
            for item in items { writeElement("member", item, shape: member, indent: indent + 1, to: &xml) }
            xml += "\(pad)</\(name)>\n"
        case (.map, .object(let entries)):
            guard !entries.isEmpty, let valueShape = shape.mapValue.flatMap(SESV1Model.shape(named:)) else {
                xml += "\(pad)<\(name)/>\n"
                return
            }
            xml += "\(pad)<\(name)>\n"
            for key in entries.keys.sorted() {
                xml += "\(pad)  <entry>\n\(pad)    <key>\(escaped(key))</key>\n"
                writeElement("value", entries[key] ?? .null, shape: valueShape, indent: indent + 2, to: &xml)
                xml += "\(pad)  </entry>\n"
            }
            xml += "\(pad)</\(name)>\n"
        default:
            xml += "\(pad)<\(name)>\(escaped(text(value, kind: shape.kind)))</\(name)>\n"
        }
    }

    /// A scalar's text.
    static func text(_ value: JSONValue, kind: V1Shape.Kind) -> String {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return kind == .double ? "\(number).0" : String(number)
        case .number(let number):
            if kind == .double, number == number.rounded(), abs(number) < 1e15 { return "\(Int64(number)).0" }
            return kind == .double ? "\(number)" : String(Int64(number))
        case .null: return ""
        case .array, .object: return value.serialized()
        }
    }

    /// `text` escaped for XML character data. A carriage return is written
    /// `&#xD;` (a parser would otherwise turn CRLF into LF, and a rendered
    /// template's MIME text has CRLF line ends); characters XML 1.0 cannot
    /// carry at all become U+FFFD.
    static func escaped(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\r": output += "&#xD;"
            case "\t", "\n": output.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF {
                    output += "\u{FFFD}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }
}
