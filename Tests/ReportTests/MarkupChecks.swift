import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Checks on the report's markup, with an XML parser: every chart and page
/// the report writes must be well-formed XML.
enum MarkupChecks {
    /// Whether `text` is one well-formed XML document.
    static func isWellFormed(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    /// Every `<svg …>…</svg>` element in `html`, in order.
    static func svgElements(in html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<svg"),
            let close = rest.range(of: "</svg>", range: open.upperBound..<rest.endIndex)
        {
            result.append(String(rest[open.lowerBound..<close.upperBound]))
            rest = rest[close.upperBound...]
        }
        return result
    }

    /// How many times `needle` occurs in `text`.
    static func count(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
