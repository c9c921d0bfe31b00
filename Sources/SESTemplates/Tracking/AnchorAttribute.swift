/// One attribute of an `<a …>` tag, as byte ranges of the HTML: what tracking reads
/// (`href`, `ses:no-track`, `ses:tags`) and what it strips or rewrites.
struct AnchorAttribute {
    /// The attribute names tracking cares about (names match ignoring case).
    enum Name {
        case href, noTrack, tags, other
    }

    /// From the whitespace before the name to the end of the value.
    var segment: Range<Int>
    var name: Name
    /// The value without its quotes; nil for an attribute without `=`.
    var value: Range<Int>?
    /// The value's quote (`"` or `'`), or 0 when unquoted.
    var quote: UInt8

    /// Reads the attributes in `range` (after `<a`, before the closing `>`) into
    /// `attributes` (emptied first), as a browser would tokenise them.
    static func parse(
        _ html: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into attributes: inout [AnchorAttribute]
    ) {
        attributes.removeAll(keepingCapacity: true)
        let end = range.upperBound
        var index = range.lowerBound
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
            let name = Self.name(UnsafeBufferPointer(rebasing: html[nameStart..<index]))
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
                    let valueEnd = html.position(of: quote, from: valueStart, to: end)
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
            attributes.append(
                AnchorAttribute(segment: segmentStart..<index, name: name, value: value, quote: quote))
        }
    }

    /// HTML whitespace.
    @inline(__always)
    static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C
    }

    /// Which name `bytes` spell, ignoring case. A name with non-ASCII bytes is
    /// lower-cased as a String, as Unicode does it (U+212A KELVIN SIGN lower-cases to
    /// `k`, so `ses:no-trac\u{212A}` is `ses:no-track`).
    private static func name(_ bytes: UnsafeBufferPointer<UInt8>) -> Name {
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            switch String(decoding: bytes, as: UTF8.self).lowercased() {
            case "href": return .href
            case "ses:no-track": return .noTrack
            case "ses:tags": return .tags
            default: return .other
            }
        }
        switch bytes.count {
        case 4 where equalsIgnoringASCIICase(bytes, "href"): return .href
        case 8 where equalsIgnoringASCIICase(bytes, "ses:tags"): return .tags
        case 12 where equalsIgnoringASCIICase(bytes, "ses:no-track"): return .noTrack
        default: return .other
        }
    }

    @inline(__always)
    private static func equalsIgnoringASCIICase(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: StaticString)
        -> Bool
    {
        let expected = lower.utf8Start
        for index in 0..<bytes.count where TrackedURL.asciiLowercased(bytes[index]) != expected[index] {
            return false
        }
        return true
    }
}
