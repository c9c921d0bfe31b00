/// A parameter of a structured header such as `Content-Type`: its name in
/// lower case and its value, unquoted and decoded.
public struct HeaderParameter: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Reading `value; name=value; …` headers (RFC 2045 §5.1, RFC 2183):
/// comments and spaces are skipped, values may be quoted, RFC 2231 continued
/// and charset-encoded parameters (`name*0*=utf-8''%E2%82%AC`) are joined and
/// decoded, and RFC 2047 encoded words in values (which mail software writes
/// into file names although the RFC does not allow it) are decoded.
/// Malformed parameters are skipped rather than refused, as mail readers do.
/// At most ``maximumParameters`` are read from one value, which bounds the
/// work a hostile header can cause.
enum StructuredValue {
    /// The most parameters read from one header value (a sesim limit).
    static let maximumParameters = 1_000

    /// The value before the first `;` (comments and spaces removed) and the parameters.
    static func parse(_ bytes: [UInt8]) -> (primary: [UInt8], parameters: [HeaderParameter]) {
        var cursor = Cursor(bytes: bytes)
        var primary: [UInt8] = []
        while let byte = cursor.peek, byte != UInt8(ascii: ";") {
            if byte == UInt8(ascii: "(") {
                cursor.skipComment()
            } else if byte == UInt8(ascii: "\"") {
                primary.append(contentsOf: cursor.quotedString())
            } else {
                if byte > 0x20 { primary.append(byte) }
                cursor.index += 1
            }
        }
        var raw: [(name: String, value: [UInt8])] = []
        while cursor.peek == UInt8(ascii: ";") && raw.count < maximumParameters {
            cursor.index += 1
            cursor.skipSpaceAndComments()
            var name: [UInt8] = []
            while let byte = cursor.peek, byte != UInt8(ascii: "="), byte != UInt8(ascii: ";"), byte > 0x20,
                byte != UInt8(ascii: "(")
            {
                name.append(byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0))
                cursor.index += 1
            }
            cursor.skipSpaceAndComments()
            guard cursor.peek == UInt8(ascii: "="), !name.isEmpty else {
                cursor.skip(to: UInt8(ascii: ";"))
                continue
            }
            cursor.index += 1
            cursor.skipSpaceAndComments()
            var value: [UInt8] = []
            if cursor.peek == UInt8(ascii: "\"") {
                value = cursor.quotedString()
                cursor.skip(to: UInt8(ascii: ";"))
            } else {
                // A token; lenient readers also take unquoted spaces up to the `;`.
                while let byte = cursor.peek, byte != UInt8(ascii: ";") {
                    if byte == UInt8(ascii: "(") { break }
                    value.append(byte)
                    cursor.index += 1
                }
                while let last = value.last, last == 0x20 || last == 0x09 { value.removeLast() }
                cursor.skip(to: UInt8(ascii: ";"))
            }
            raw.append((String(decoding: name, as: UTF8.self), value))
        }
        return (primary, assemble(raw))
    }

    /// Joins RFC 2231 sections and decodes values; a joined value replaces a
    /// plain parameter of the same name. Parameters keep their first position.
    private static func assemble(_ raw: [(name: String, value: [UInt8])]) -> [HeaderParameter] {
        struct Section {
            var number: Int
            var extended: Bool
            var value: [UInt8]
        }
        var order: [String] = []
        var seen: Set<String> = []
        var plain: [String: [UInt8]] = [:]
        var sections: [String: [Section]] = [:]
        for (name, value) in raw {
            var base = name
            var section: Section?
            if let star = name.firstIndex(of: "*") {
                base = String(name[..<star])
                let rest = name[name.index(after: star)...]
                if rest.isEmpty {
                    section = Section(number: 0, extended: true, value: value)
                } else {
                    let extended = rest.hasSuffix("*")
                    let digits = extended ? rest.dropLast() : rest
                    if let number = Int(digits), number >= 0, digits.allSatisfy(\.isASCII) {
                        section = Section(number: number, extended: extended, value: value)
                    } else {
                        base = name
                    }
                }
            }
            if seen.insert(base).inserted { order.append(base) }
            if let section {
                sections[base, default: []].append(section)
            } else if plain[base] == nil {
                plain[base] = value
            }
        }
        return order.map { name in
            if let parts = sections[name],
                let value = joined(parts.map { ($0.number, $0.extended, $0.value) })
            {
                return HeaderParameter(name: name, value: value)
            }
            let bytes = plain[name] ?? []
            return HeaderParameter(name: name, value: EncodedWords.decode(bytes))
        }
    }

    /// The value of RFC 2231 sections 0, 1, 2, … (stopping at the first gap):
    /// extended sections are percent-decoded, in the charset the first names.
    private static func joined(_ sections: [(number: Int, extended: Bool, value: [UInt8])]) -> String? {
        let sorted = sections.sorted { $0.number < $1.number }
        guard let first = sorted.first, first.number == 0 else { return nil }
        var bytes: [UInt8] = []
        var charset: String?
        for (expected, section) in sorted.enumerated() {
            guard section.number == expected else { break }
            var value = section.value[...]
            if section.extended && expected == 0 {
                // `charset'language'text`
                let quote = UInt8(ascii: "'")
                if let first = value.firstIndex(of: quote),
                    let second = value[value.index(after: first)...].firstIndex(of: quote)
                {
                    charset = String(decoding: value[..<first], as: UTF8.self)
                    value = value[value.index(after: second)...]
                }
            }
            if section.extended {
                bytes.append(contentsOf: percentDecoded(value))
            } else {
                bytes.append(contentsOf: value)
            }
        }
        if let charset, !charset.isEmpty, let text = Charsets.decode(bytes, charset: charset) { return text }
        return Charsets.headerText(bytes)
    }

    private static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// A position in a header value, with RFC 5322's lexical pieces.
    struct Cursor {
        let bytes: [UInt8]
        var index = 0

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        /// Skips a comment (nested, with `\` escapes) starting at `(`.
        mutating func skipComment() {
            var depth = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte == UInt8(ascii: "(") {
                    depth += 1
                } else if byte == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 { return }
                }
            }
        }

        mutating func skipSpaceAndComments() {
            while let byte = peek {
                if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A {
                    index += 1
                } else if byte == UInt8(ascii: "(") {
                    skipComment()
                } else {
                    return
                }
            }
        }

        /// The content of a quoted string starting at `"`, unescaped (to the
        /// end when the closing quote is missing).
        mutating func quotedString() -> [UInt8] {
            var value: [UInt8] = []
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") { return value }
                if byte == UInt8(ascii: "\\") && index < bytes.count {
                    value.append(bytes[index])
                    index += 1
                } else {
                    value.append(byte)
                }
            }
            return value
        }

        /// Moves to the next `byte` outside quotes and comments (or the end).
        mutating func skip(to byte: UInt8) {
            while let next = peek, next != byte {
                if next == UInt8(ascii: "\"") {
                    _ = quotedString()
                } else if next == UInt8(ascii: "(") {
                    skipComment()
                } else {
                    index += 1
                }
            }
        }
    }
}
