/// Open and click tracking as SES applies it to a rendered HTML part: the open pixel
/// at the first `{{ses:openTracker}}` or else at the end of the HTML; each
/// `<a href="http…">` rewritten to a redirect on the tracking domain; `ses:no-track`
/// links left alone; `ses:tags` parsed into link tags; both attributes stripped; at
/// most 250 links tracked. The text part is never touched. The output is a pure
/// function of the input and the options.
public struct TrackingInstrumenter: Sendable {
    /// SES tracks at most 250 links per email (AWS-DG faqs-metrics).
    public static let maximumTrackedLinks = 250

    private static let placeholder = Array("{{ses:openTracker}}".utf8)

    public init() {}

    /// Writes the instrumented HTML into `output` (emptied first) and the tracked links
    /// into `links` (emptied first).
    public mutating func instrument(
        html: [UInt8], options: TrackingOptions, into output: inout [UInt8], links: inout [TrackedLink]
    ) {
        output.removeAll(keepingCapacity: true)
        links.removeAll(keepingCapacity: true)
        output.reserveCapacity(html.count + 256)
        var pixelPlaced = false
        var index = 0
        while index < html.count {
            let byte = html[index]
            if byte == UInt8(ascii: "<"), index + 2 < html.count, html[index + 1] | 0x20 == UInt8(ascii: "a"),
                Self.isTagNameEnd(html[index + 2]), let end = Self.tagEnd(html, from: index + 2)
            {
                rewriteAnchor(html, start: index, end: end, options: options, into: &output, links: &links)
                index = end
                continue
            }
            if byte == UInt8(ascii: "{") && !pixelPlaced && Self.matches(html, at: index, Self.placeholder) {
                if options.tracksOpens { appendPixel(options, to: &output) }
                pixelPlaced = true
                index += Self.placeholder.count
                continue
            }
            // Copy the run of plain bytes up to the next '<' or '{' in one step.
            var next = index + 1
            while next < html.count && html[next] != UInt8(ascii: "<") && html[next] != UInt8(ascii: "{") {
                next += 1
            }
            output.append(contentsOf: html[index..<next])
            index = next
        }
        if options.tracksOpens && !pixelPlaced { appendPixel(options, to: &output) }
    }

    private static func matches(_ bytes: [UInt8], at index: Int, _ pattern: [UInt8]) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for k in 0..<pattern.count where bytes[index + k] != pattern[k] { return false }
        return true
    }

    private static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C
    }

    private static func isTagNameEnd(_ c: UInt8) -> Bool {
        isSpace(c) || c == UInt8(ascii: ">") || c == UInt8(ascii: "/")
    }

    /// The index after the `>` closing a tag, honouring quoted attribute values.
    private static func tagEnd(_ html: [UInt8], from start: Int) -> Int? {
        var quote: UInt8 = 0
        var index = start
        while index < html.count {
            let c = html[index]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: ">") {
                return index + 1
            }
            index += 1
        }
        return nil
    }

    private struct Attribute {
        /// From the whitespace before the name to the end of the value.
        var segment: Range<Int>
        var name: String
        var value: Range<Int>?
        var quote: UInt8
    }

    private static func attributes(_ html: [UInt8], from start: Int, to end: Int) -> [Attribute] {
        var result: [Attribute] = []
        var index = start
        while index < end {
            let segmentStart = index
            while index < end && (isSpace(html[index]) || html[index] == UInt8(ascii: "/")) { index += 1 }
            guard index < end, html[index] != UInt8(ascii: ">") else { break }
            let nameStart = index
            while index < end && !isSpace(html[index]) && html[index] != UInt8(ascii: "=")
                && html[index] != UInt8(ascii: ">") && html[index] != UInt8(ascii: "/")
            {
                index += 1
            }
            let name = String(decoding: html[nameStart..<index], as: UTF8.self).lowercased()
            var probe = index
            while probe < end && isSpace(html[probe]) { probe += 1 }
            var value: Range<Int>?
            var quote: UInt8 = 0
            if probe < end && html[probe] == UInt8(ascii: "=") {
                probe += 1
                while probe < end && isSpace(html[probe]) { probe += 1 }
                if probe < end && (html[probe] == UInt8(ascii: "\"") || html[probe] == UInt8(ascii: "'")) {
                    quote = html[probe]
                    let valueStart = probe + 1
                    var valueEnd = valueStart
                    while valueEnd < end && html[valueEnd] != quote { valueEnd += 1 }
                    value = valueStart..<valueEnd
                    index = min(valueEnd + 1, end)
                } else {
                    let valueStart = probe
                    while probe < end && !isSpace(html[probe]) && html[probe] != UInt8(ascii: ">") {
                        probe += 1
                    }
                    value = valueStart..<probe
                    index = probe
                }
            }
            if index == nameStart { index += 1 }
            result.append(Attribute(segment: segmentStart..<index, name: name, value: value, quote: quote))
        }
        return result
    }

    private mutating func rewriteAnchor(
        _ html: [UInt8], start: Int, end: Int, options: TrackingOptions, into output: inout [UInt8],
        links: inout [TrackedLink]
    ) {
        let attributes = Self.attributes(html, from: start + 2, to: end - 1)
        let noTrack = attributes.contains { $0.name == "ses:no-track" }
        let tags =
            attributes.first { $0.name == "ses:tags" }.flatMap { $0.value }.map {
                Self.linkTags(String(decoding: html[$0], as: UTF8.self))
            } ?? []
        var redirect: String?
        var hrefIndex: Int?
        if !noTrack && options.tracksClicks && links.count < Self.maximumTrackedLinks,
            let index = attributes.firstIndex(where: { $0.name == "href" }),
            let range = attributes[index].value
        {
            let url = String(decoding: html[range], as: UTF8.self)
            if let scheme = Self.trackableScheme(url) {
                let ordinal = links.count + 1
                let target = Self.redirect(url: url, scheme: scheme, ordinal: ordinal, options: options)
                links.append(TrackedLink(url: url, tags: tags, redirect: target, ordinal: ordinal))
                redirect = target
                hrefIndex = index
            }
        }
        output.append(contentsOf: html[start..<(start + 2)])
        var position = start + 2
        for (index, attribute) in attributes.enumerated() {
            output.append(contentsOf: html[position..<attribute.segment.lowerBound])
            position = attribute.segment.upperBound
            if attribute.name == "ses:no-track" || attribute.name == "ses:tags" { continue }
            if index == hrefIndex, let redirect, let value = attribute.value {
                output.append(contentsOf: html[attribute.segment.lowerBound..<value.lowerBound])
                if attribute.quote == 0 { output.append(UInt8(ascii: "\"")) }
                output.append(contentsOf: redirect.utf8)
                if attribute.quote == 0 { output.append(UInt8(ascii: "\"")) }
                output.append(contentsOf: html[value.upperBound..<attribute.segment.upperBound])
            } else {
                output.append(contentsOf: html[attribute.segment])
            }
        }
        output.append(contentsOf: html[position..<end])
    }

    /// `http` or `https` for a link SES tracks: an absolute http(s) URL that is
    /// RFC 3986-encoded (SES silently skips others, e.g. with a raw space).
    static func trackableScheme(_ url: String) -> String? {
        let lower = url.lowercased()
        let scheme: String
        if lower.hasPrefix("https://") {
            scheme = "https"
        } else if lower.hasPrefix("http://") {
            scheme = "http"
        } else {
            return nil
        }
        let bytes = Array(url.utf8)
        var index = 0
        while index < bytes.count {
            let c = bytes[index]
            if c == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else {
                    return nil
                }
                index += 3
                continue
            }
            guard isURLCharacter(c) else { return nil }
            index += 1
        }
        return scheme
    }

    private static func isHex(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
            || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "f"))
    }

    /// RFC 3986 unreserved and reserved characters.
    private static func isURLCharacter(_ c: UInt8) -> Bool {
        if (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
            || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
        {
            return true
        }
        switch c {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ":"),
            UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "@"), UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"),
            UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","),
            UInt8(ascii: ";"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    /// `ses:tags="name:value;name2:value2;"`: pairs of `[A-Za-z0-9_-]` names and
    /// values; malformed pairs are ignored.
    static func linkTags(_ text: String) -> [LinkTag] {
        text.split(separator: ";").compactMap { pair in
            let parts = pair.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            let name = parts[0].trimmingSpaces
            let value = parts[1].trimmingSpaces
            guard !name.isEmpty, isTagText(name), isTagText(value) else { return nil }
            return LinkTag(name: name, value: value)
        }
    }

    private static func isTagText(_ text: String) -> Bool {
        text.unicodeScalars.count <= 256
            && text.unicodeScalars.allSatisfy {
                ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_"
                    || $0 == "-"
            }
    }

    /// `<scheme>://<domain>/L0/<percent-encoded URL>/1/<message ID>/<signature>=<ordinal>`,
    /// the shape of SES's observed redirects (ses-facts §9).
    private static let hex = Array("0123456789ABCDEF".unicodeScalars)

    static func redirect(url: String, scheme: String, ordinal: Int, options: TrackingOptions) -> String {
        var encoded = ""
        for byte in url.utf8 {
            if (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
                || byte == UInt8(ascii: ":")
            {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%"
                encoded.unicodeScalars.append(hex[Int(byte >> 4)])
                encoded.unicodeScalars.append(hex[Int(byte & 15)])
            }
        }
        let signature = TrackingSignature.make(
            seed: options.seed, messageID: options.messageID, ordinal: ordinal, url: url)
        return
            "\(scheme)://\(options.trackingDomain)/L0/\(encoded)/1/\(options.messageID)/\(signature)=\(ordinal)"
    }

    /// `<img alt="" src="<scheme>://<domain>/I0/<message ID>/<signature>=0" style="…">`,
    /// the shape of SES's observed open pixel.
    private func appendPixel(_ options: TrackingOptions, to output: inout [UInt8]) {
        let signature = TrackingSignature.make(
            seed: options.seed, messageID: options.messageID, ordinal: 0, url: "")
        let tag =
            "<img alt=\"\" src=\"\(options.pixelScheme)://\(options.trackingDomain)/I0/\(options.messageID)/"
            + "\(signature)=0\" style=\"display: none; width: 1px; height: 1px;\">"
        output.append(contentsOf: tag.utf8)
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
