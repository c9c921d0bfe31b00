/// Reads JSON text (RFC 8259, strictly) into a ``JSONValue``: what sweeps
/// read back from `runs.jsonl` and `sweep.json`.
///
/// Numbers without a fraction or exponent that fit 64 bits read as
/// ``JSONValue/integer(_:)``, all others as ``JSONValue/number(_:)``, so a
/// value written by ``JSONValue/serialized(pretty:)`` reads back exactly.
public struct JSONParser {
    /// Why the text is not JSON, and where.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let offset: Int
        public let message: String
        public var description: String { "\(message) at byte \(offset + 1)" }
    }

    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0

    /// Parses `text`, which must hold exactly one JSON value.
    public static func parse(_ text: some StringProtocol) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: Array(text.utf8))
        parser.skipWhitespace()
        let value = try parser.readValue()
        parser.skipWhitespace()
        guard parser.position == parser.bytes.count else {
            throw parser.failure("unexpected text after the value")
        }
        return value
    }

    /// Parses `bytes` (UTF-8), which must hold exactly one JSON value.
    public static func parse(bytes: [UInt8]) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.readValue()
        parser.skipWhitespace()
        guard parser.position == parser.bytes.count else {
            throw parser.failure("unexpected text after the value")
        }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private func failure(_ message: String) -> Failure {
        Failure(offset: position, message: message)
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            position += 1
        }
    }

    private mutating func expect(_ literal: String, _ value: JSONValue) throws(Failure) -> JSONValue {
        for byte in literal.utf8 {
            guard current == byte else { throw failure("expected '\(literal)'") }
            position += 1
        }
        return value
    }

    private mutating func readValue() throws(Failure) -> JSONValue {
        guard let byte = current else { throw failure("unexpected end of text") }
        switch byte {
        case UInt8(ascii: "{"): return try readObject()
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): return try expect("true", .bool(true))
        case UInt8(ascii: "f"): return try expect("false", .bool(false))
        case UInt8(ascii: "n"): return try expect("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        default: throw failure("unexpected character")
        }
    }

    private mutating func readObject() throws(Failure) -> JSONValue {
        var members: [String: JSONValue] = [:]
        try readItems(closedBy: "}") { (parser) throws(Failure) in
            guard parser.current == UInt8(ascii: "\"") else {
                throw parser.failure("expected a key in quotes")
            }
            let key = try parser.readString()
            parser.skipWhitespace()
            guard parser.current == UInt8(ascii: ":") else {
                throw parser.failure("expected ':' after a key")
            }
            parser.position += 1
            parser.skipWhitespace()
            guard members[key] == nil else { throw parser.failure("duplicate key '\(key)'") }
            members[key] = try parser.readValue()
        }
        return .object(members)
    }

    private mutating func readArray() throws(Failure) -> JSONValue {
        var items: [JSONValue] = []
        try readItems(closedBy: "]") { (parser) throws(Failure) in items.append(try parser.readValue()) }
        return .array(items)
    }

    /// Reads the comma-separated items of an object or array, from its
    /// opening bracket to `close`, calling `readItem` at each.
    private mutating func readItems(
        closedBy close: Unicode.Scalar, _ readItem: (inout JSONParser) throws(Failure) -> Void
    ) throws(Failure) {
        depth += 1
        if depth > 512 { throw failure("nested more than 512 levels deep") }
        position += 1
        skipWhitespace()
        let closing = UInt8(ascii: close)
        if current == closing {
            position += 1
            depth -= 1
            return
        }
        while true {
            try readItem(&self)
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                position += 1
                skipWhitespace()
            } else if current == closing {
                position += 1
                depth -= 1
                return
            } else {
                throw failure("expected ',' or '\(close)'")
            }
        }
    }

    private mutating func readString() throws(Failure) -> String {
        position += 1
        var scalars = String.UnicodeScalarView()
        var start = position
        func flush(_ parser: JSONParser) {
            scalars.append(
                contentsOf: String(decoding: parser.bytes[start..<parser.position], as: UTF8.self)
                    .unicodeScalars)
        }
        while true {
            guard let byte = current else { throw failure("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                flush(self)
                position += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush(self)
                position += 1
                scalars.append(try readEscape())
                start = position
            case 0..<0x20:
                throw failure("a control character in a string")
            default:
                position += 1
            }
        }
    }

    private mutating func readEscape() throws(Failure) -> Unicode.Scalar {
        guard let byte = current else { throw failure("unterminated escape") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try readHexQuad()
            if (0xD800..<0xDC00).contains(first) {
                guard current == UInt8(ascii: "\\"), position + 1 < bytes.count,
                    bytes[position + 1] == UInt8(ascii: "u")
                else { throw failure("an unpaired surrogate") }
                position += 2
                let second = try readHexQuad()
                guard (0xDC00..<0xE000).contains(second) else { throw failure("an unpaired surrogate") }
                return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(first) else { throw failure("an unpaired surrogate") }
            return scalar
        default:
            throw failure("an unknown escape")
        }
    }

    private mutating func readHexQuad() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexDigit(byte) else {
                throw failure("expected four hexadecimal digits")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private mutating func readNumber() throws(Failure) -> JSONValue {
        let start = position
        func digits(_ parser: inout JSONParser) -> Int {
            let first = parser.position
            while let byte = parser.current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                parser.position += 1
            }
            return parser.position - first
        }
        if current == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits(&self)
        guard integerDigits > 0 else { throw failure("expected a digit") }
        if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") {
            throw failure("a number with a leading zero")
        }
        var isInteger = true
        if current == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard digits(&self) > 0 else { throw failure("expected a digit after '.'") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard digits(&self) > 0 else { throw failure("expected a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isInteger, let integer = Int64(text) { return .integer(integer) }
        guard let number = Double(text), number.isFinite else { throw failure("a number out of range") }
        return .number(number)
    }
}
