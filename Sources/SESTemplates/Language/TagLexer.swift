/// The tokens inside a tag (`{{` … `}}`), with handlebars.js's lexical rules: names
/// end at one of `= ~ } whitespace / . ) |`; literals (`true`, `12.5`) only when
/// followed by `~ } whitespace )`; `[...]` is a literal name; strings take `"` or `'`.
struct TagLexer {
    enum Kind: Equatable {
        case identifier, separator, string, number, boolean, null, undefined, data, equals
        case openBlockParams, closeBlockParams, openSubexpression, closeSubexpression
        case close, closeUnescaped, invalid, end

        var description: String {
            switch self {
            case .identifier: return "a name"
            case .separator: return "a path separator"
            case .string: return "a string"
            case .number: return "a number"
            case .boolean: return "a boolean"
            case .null: return "null"
            case .undefined: return "undefined"
            case .data: return "'@'"
            case .equals: return "'='"
            case .openBlockParams: return "'as |'"
            case .closeBlockParams: return "'|'"
            case .openSubexpression: return "'('"
            case .closeSubexpression: return "')'"
            case .close: return "'}}'"
            case .closeUnescaped: return "'}}}'"
            case .invalid: return "an invalid character"
            case .end: return "the end of the template"
            }
        }
    }

    struct Token {
        var kind: Kind
        var text: [UInt8] = []
        var start: Int
        /// For closes: `~` before `}}`.
        var strip = false
        /// For identifiers: written in `[brackets]`.
        var isLiteral = false
    }

    let source: [UInt8]
    var position: Int

    private func byte(_ offset: Int) -> UInt8? { offset < source.count ? source[offset] : nil }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    /// `[=~}\s\/.)|]` or the end.
    private func isLookahead(_ offset: Int) -> Bool {
        guard let c = byte(offset) else { return true }
        return Self.isWhitespace(c) || c == UInt8(ascii: "=") || c == UInt8(ascii: "~")
            || c == UInt8(ascii: "}")
            || c == UInt8(ascii: "/") || c == UInt8(ascii: ".") || c == UInt8(ascii: ")")
            || c == UInt8(ascii: "|")
    }

    /// `[~}\s)]` or the end.
    private func isLiteralLookahead(_ offset: Int) -> Bool {
        guard let c = byte(offset) else { return true }
        return Self.isWhitespace(c) || c == UInt8(ascii: "~") || c == UInt8(ascii: "}")
            || c == UInt8(ascii: ")")
    }

    /// Characters a name may hold: anything but whitespace and
    /// ``!"#%&'()*+,./;<=>@[\]^`{|}~``.
    static func isIdentifierByte(_ c: UInt8) -> Bool {
        if isWhitespace(c) { return false }
        switch c {
        case UInt8(ascii: "!"), UInt8(ascii: "\""), UInt8(ascii: "#"), UInt8(ascii: "%")...UInt8(ascii: ","),
            UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ";")...UInt8(ascii: ">"), UInt8(ascii: "@"),
            UInt8(ascii: "[")...UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "{")...UInt8(ascii: "~"):
            return false
        default:
            return true
        }
    }

    private func startsWith(_ text: StaticString, at offset: Int) -> Bool {
        source.hasBytes(text, at: offset)
    }

    /// If only whitespace, an optional `~` and `}}` follow, consumes them.
    mutating func closeAfterWhitespace() -> (strip: Bool, end: Int)? {
        var index = position
        while let c = byte(index), Self.isWhitespace(c) { index += 1 }
        var strip = false
        if byte(index) == UInt8(ascii: "~") {
            strip = true
            index += 1
        }
        guard startsWith("}}", at: index) else { return nil }
        position = index + 2
        return (strip, index + 2)
    }

    mutating func next() throws(TemplateError) -> Token {
        while let c = byte(position), Self.isWhitespace(c) { position += 1 }
        let start = position
        guard let c = byte(position) else { return Token(kind: .end, start: start) }
        func token(_ kind: Kind, length: Int, text: [UInt8]? = nil) -> Token {
            position = start + length
            return Token(kind: kind, text: text ?? Array(source[start..<(start + length)]), start: start)
        }
        if c == UInt8(ascii: "(") { return token(.openSubexpression, length: 1) }
        if c == UInt8(ascii: ")") { return token(.closeSubexpression, length: 1) }
        if startsWith("}~}}", at: start) {
            var result = token(.closeUnescaped, length: 4)
            result.strip = true
            return result
        }
        if startsWith("}}}", at: start) { return token(.closeUnescaped, length: 3) }
        if startsWith("~}}", at: start) {
            var result = token(.close, length: 3)
            result.strip = true
            return result
        }
        if startsWith("}}", at: start) { return token(.close, length: 2) }
        if c == UInt8(ascii: "=") { return token(.equals, length: 1) }
        if startsWith("..", at: start) { return token(.identifier, length: 2) }
        if c == UInt8(ascii: ".") && isLookahead(start + 1) { return token(.identifier, length: 1) }
        if c == UInt8(ascii: ".") || c == UInt8(ascii: "/") { return token(.separator, length: 1) }
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
            var text: [UInt8] = []
            var index = start + 1
            while true {
                guard let b = byte(index) else {
                    throw TemplateError(.invalidTemplate, "unterminated string")
                }
                if b == UInt8(ascii: "\\") && byte(index + 1) == c {
                    text.append(c)
                    index += 2
                    continue
                }
                if b == c { break }
                text.append(b)
                index += 1
            }
            position = index + 1
            return Token(kind: .string, text: text, start: start)
        }
        if c == UInt8(ascii: "@") { return token(.data, length: 1) }
        for (word, kind) in [
            ("true", Kind.boolean), ("false", .boolean), ("undefined", .undefined), ("null", .null),
        ] {
            let bytes = Array(word.utf8)
            if start + bytes.count <= source.count && Array(source[start..<(start + bytes.count)]) == bytes
                && isLiteralLookahead(start + bytes.count)
            {
                return token(kind, length: bytes.count)
            }
        }
        if startsWith("as", at: start) {
            var index = start + 2
            var sawSpace = false
            while let b = byte(index), Self.isWhitespace(b) {
                sawSpace = true
                index += 1
            }
            if sawSpace && byte(index) == UInt8(ascii: "|") {
                return token(.openBlockParams, length: index + 1 - start)
            }
        }
        if c == UInt8(ascii: "|") { return token(.closeBlockParams, length: 1) }
        // -?[0-9]+(\.[0-9]+)? before a literal lookahead.
        do {
            var index = start
            if byte(index) == UInt8(ascii: "-") { index += 1 }
            let digitsStart = index
            while let b = byte(index), b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") { index += 1 }
            if index > digitsStart {
                if byte(index) == UInt8(ascii: "."), let d = byte(index + 1), d >= UInt8(ascii: "0"),
                    d <= UInt8(ascii: "9")
                {
                    index += 1
                    while let b = byte(index), b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") { index += 1 }
                }
                if isLiteralLookahead(index) { return token(.number, length: index - start) }
            }
        }
        if Self.isIdentifierByte(c) {
            var index = start
            while let b = byte(index), Self.isIdentifierByte(b) { index += 1 }
            if isLookahead(index) { return token(.identifier, length: index - start) }
            return Token(kind: .invalid, start: index)
        }
        if c == UInt8(ascii: "[") {
            var text: [UInt8] = []
            var index = start + 1
            while true {
                guard let b = byte(index) else { return Token(kind: .invalid, start: start) }
                if b == UInt8(ascii: "\\"), let n = byte(index + 1),
                    n == UInt8(ascii: "]") || n == UInt8(ascii: "\\")
                {
                    text.append(n)
                    index += 2
                    continue
                }
                if b == UInt8(ascii: "]") { break }
                text.append(b)
                index += 1
            }
            position = index + 1
            var result = Token(kind: .identifier, text: text, start: start)
            result.isLiteral = true
            return result
        }
        return Token(kind: .invalid, start: start)
    }
}
