/// Reads `ses:tags="name:value;name2:value2;"`: pairs of `[A-Za-z0-9_-]` names and
/// values of at most 256 characters, spaces around them trimmed; the name must not be
/// empty; malformed pairs are ignored.
enum LinkTagParser {
    /// Calls `pair` with the byte ranges of each valid pair's name and value, in order.
    /// For ASCII text: there, bytes and characters are the same pieces.
    static func forEachPair(in text: UnsafeBufferPointer<UInt8>, _ pair: (Range<Int>, Range<Int>) -> Void) {
        var start = 0
        while start < text.count {
            var end = start
            while end < text.count && text[end] != UInt8(ascii: ";") { end += 1 }
            var colon = start
            while colon < end && text[colon] != UInt8(ascii: ":") { colon += 1 }
            if colon < end {
                let name = trimmingSpaces(text, start..<colon)
                let value = trimmingSpaces(text, (colon + 1)..<end)
                if !name.isEmpty && isTagText(text, name) && isTagText(text, value) { pair(name, value) }
            }
            start = end + 1
        }
    }

    /// The String reading, for text with non-ASCII bytes: there `;`, `:` and spaces
    /// are matched as characters, and a combining mark after one makes it another
    /// character, exactly as the first implementation read them.
    static func linkTags(_ text: String) -> [LinkTag] {
        text.split(separator: ";").compactMap { pair in
            let parts = pair.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            let name = trimmingSpaces(parts[0])
            let value = trimmingSpaces(parts[1])
            guard !name.isEmpty, isTagText(name), isTagText(value) else { return nil }
            return LinkTag(name: name, value: value)
        }
    }

    private static func trimmingSpaces(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>
    {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && text[lower] == UInt8(ascii: " ") { lower += 1 }
        while upper > lower && text[upper - 1] == UInt8(ascii: " ") { upper -= 1 }
        return lower..<upper
    }

    private static func isTagText(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count <= 256 else { return false }
        for index in range where !isTagByte(text[index]) { return false }
        return true
    }

    @inline(__always)
    private static func isTagByte(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
            || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_")
            || c == UInt8(ascii: "-")
    }

    private static func trimmingSpaces(_ text: Substring) -> String {
        String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    private static func isTagText(_ text: String) -> Bool {
        text.unicodeScalars.count <= 256
            && text.unicodeScalars.allSatisfy {
                ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_"
                    || $0 == "-"
            }
    }
}
