import SESSimulation
import ScenarioFormat

/// Writes markup that is well-formed XML: the report's SVG charts and its
/// HTML page (which is written as XHTML-compatible HTML so that both a
/// browser and an XML parser read it).
///
/// Attributes are written in the order given, and every piece of text and
/// every attribute value is escaped, so the same calls give the same bytes
/// and no scenario name can inject markup.
struct MarkupWriter {
    /// One attribute; a `nil` value leaves the attribute out, which keeps
    /// optional attributes (a dash pattern, a class) in one list.
    typealias Attribute = (name: String, value: String?)

    /// The markup written so far.
    private(set) var text = ""
    private var openElements: [String] = []

    /// Opens `<name …>`; close it with ``end()``.
    mutating func start(_ name: String, _ attributes: [Attribute] = []) {
        writeTag(name, attributes)
        text += ">"
        openElements.append(name)
    }

    /// Closes the element most recently opened with ``start(_:_:)``.
    mutating func end() {
        guard let name = openElements.popLast() else {
            preconditionFailure("MarkupWriter.end() without an open element")
        }
        text += "</\(name)>\n"
    }

    /// Writes a complete element: empty (`<name …/>`) when `content` is nil,
    /// otherwise holding `content` as escaped text. A line break follows it
    /// unless it is `inline` (inside running text, where a break would read
    /// as a space).
    mutating func element(
        _ name: String, _ attributes: [Attribute] = [], content: String? = nil, inline: Bool = false
    ) {
        writeTag(name, attributes)
        if let content {
            text += ">" + Self.escape(content) + "</\(name)>"
        } else {
            text += "/>"
        }
        if !inline { text += "\n" }
    }

    /// Writes `content` as escaped text inside the open element.
    mutating func write(_ content: String) {
        text += Self.escape(content)
    }

    /// Writes `markup` as it is: markup made by another writer (a chart
    /// inside the page) or a constant (the style sheet, a doctype).
    mutating func raw(_ markup: String) {
        text += markup
    }

    /// The finished markup; every element must be closed.
    var finished: String {
        precondition(openElements.isEmpty, "unclosed elements: \(openElements)")
        return text
    }

    private mutating func writeTag(_ name: String, _ attributes: [Attribute]) {
        text += "<" + name
        for attribute in attributes {
            guard let value = attribute.value else { continue }
            text += " \(attribute.name)=\"" + Self.escape(value) + "\""
        }
    }

    /// `text` safe as XML/HTML text or a quoted attribute value: `&`, `<`,
    /// `>`, `"` and `'` become character references, and characters XML 1.0
    /// does not allow (control characters other than tab, line feed and
    /// carriage return; U+FFFE and U+FFFF) become U+FFFD, so that the output
    /// always parses.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
