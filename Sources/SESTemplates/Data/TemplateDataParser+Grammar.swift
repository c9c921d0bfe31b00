extension TemplateDataParser {
    // MARK: The grammar

    private static func failure(_ what: String, at offset: Int) -> TemplateError {
        TemplateError(
            .invalidRenderingParameter, "Template data is not valid JSON: \(what) at offset \(offset).")
    }

    @inline(__always)
    private static func skipWhitespace(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
        while i < p.count {
            let c = p[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { return }
        }
    }

    mutating func parseValues(_ p: UnsafeBufferPointer<UInt8>, into data: inout TemplateData)
        throws(TemplateError)
    {
        var i = 0
        var keyStart: UInt32 = 0
        var keyCount: UInt32 = 0
        Self.skipWhitespace(p, &i)
        while true {
            // A value starts at i.
            guard i < p.count else { throw Self.failure("unexpected end of data, expected a value", at: i) }
            let index = UInt32(data.nodes.count)
            var node = TemplateData.Node(
                kind: .null, flag: false, start: 0, count: 0, end: index + 1, keyStart: keyStart,
                keyCount: keyCount)
            var openedContainer = false
            switch p[i] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard stack.count < Self.maximumDepth else {
                    throw TemplateError(
                        .invalidRenderingParameter,
                        "Template data nests deeper than \(Self.maximumDepth) levels.")
                }
                node.kind = p[i] == UInt8(ascii: "{") ? .object : .array
                openedContainer = true
                i += 1
            case UInt8(ascii: "\""):
                (node.start, node.count) = try Self.parseString(p, &i, into: &data.storage)
                node.kind = .string
            case UInt8(ascii: "t"):
                try Self.expectWord("true", p, &i)
                node.kind = .boolean
                node.flag = true
            case UInt8(ascii: "f"):
                try Self.expectWord("false", p, &i)
                node.kind = .boolean
            case UInt8(ascii: "n"):
                try Self.expectWord("null", p, &i)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = i
                try Self.scanNumber(p, &i)
                node.kind = .number
                node.start = UInt32(start)
                node.count = UInt32(i - start)
            default:
                throw Self.failure("unexpected character, expected a value", at: i)
            }
            data.nodes.append(node)
            keyStart = 0
            keyCount = 0
            if openedContainer {
                stack.append(index)
                Self.skipWhitespace(p, &i)
                let isObject = node.kind == .object
                if i < p.count && p[i] == UInt8(ascii: isObject ? "}" : "]") {
                    i += 1
                    stack.removeLast()
                } else {
                    if isObject { (keyStart, keyCount) = try Self.parseKey(p, &i, into: &data.storage) }
                    continue
                }
            }
            // After a value: close containers, or move to the next element or member.
            while true {
                Self.skipWhitespace(p, &i)
                guard let top = stack.last else {
                    if i != p.count { throw Self.failure("unexpected data after the value", at: i) }
                    return
                }
                data.nodes[Int(top)].count += 1
                guard i < p.count else { throw Self.failure("unexpected end of data", at: i) }
                let isObject = data.nodes[Int(top)].kind == .object
                let c = p[i]
                if c == UInt8(ascii: ",") {
                    i += 1
                    Self.skipWhitespace(p, &i)
                    if isObject { (keyStart, keyCount) = try Self.parseKey(p, &i, into: &data.storage) }
                    break
                } else if c == UInt8(ascii: isObject ? "}" : "]") {
                    i += 1
                    data.nodes[Int(top)].end = UInt32(data.nodes.count)
                    if isObject { Self.markDuplicateKeys(object: top, in: &data) }
                    stack.removeLast()
                } else {
                    throw Self.failure(isObject ? "expected ',' or '}'" : "expected ',' or ']'", at: i)
                }
            }
        }
    }

    /// A member's key and the colon after it; returns the key's storage range.
    private static func parseKey(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, into storage: inout [UInt8])
        throws(TemplateError) -> (UInt32, UInt32)
    {
        guard i < p.count, p[i] == UInt8(ascii: "\"") else {
            throw failure("expected a string key", at: i)
        }
        let key = try parseString(p, &i, into: &storage)
        skipWhitespace(p, &i)
        guard i < p.count, p[i] == UInt8(ascii: ":") else { throw failure("expected ':' after a key", at: i) }
        i += 1
        skipWhitespace(p, &i)
        return key
    }

    private static func expectWord(_ word: StaticString, _ p: UnsafeBufferPointer<UInt8>, _ i: inout Int)
        throws(TemplateError)
    {
        let count = word.utf8CodeUnitCount
        guard i + count <= p.count else { throw failure("invalid literal", at: i) }
        let w = word.utf8Start
        for k in 0..<count where p[i + k] != w[k] {
            throw failure("invalid literal", at: i)
        }
        i += count
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private static func scanNumber(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(TemplateError) {
        let start = i
        @inline(__always) func isDigit(_ k: Int) -> Bool {
            k < p.count && p[k] >= UInt8(ascii: "0") && p[k] <= UInt8(ascii: "9")
        }
        if p[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else { throw failure("invalid number", at: start) }
        if p[i] == UInt8(ascii: "0") {
            i += 1
            if isDigit(i) { throw failure("invalid number (leading zero)", at: start) }
        } else {
            while isDigit(i) { i += 1 }
        }
        if i < p.count && p[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else { throw failure("invalid number (no digit after '.')", at: start) }
            while isDigit(i) { i += 1 }
        }
        if i < p.count && (p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E")) {
            i += 1
            if i < p.count && (p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-")) { i += 1 }
            guard isDigit(i) else { throw failure("invalid number (no digit in exponent)", at: start) }
            while isDigit(i) { i += 1 }
        }
    }

    /// A string starting at the quote at `i`. Returns its (start, count) in storage:
    /// the input range itself when it has no escapes, else decoded bytes appended to
    /// storage.
    private static func parseString(
        _ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, into storage: inout [UInt8]
    ) throws(TemplateError) -> (UInt32, UInt32) {
        let start = i + 1
        var j = start
        while true {
            guard j < p.count else { throw failure("unterminated string", at: start - 1) }
            let c = p[j]
            if c == UInt8(ascii: "\"") {
                i = j + 1
                return (UInt32(start), UInt32(j - start))
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw failure("control character in a string", at: j) }
            if c < 0x80 { j += 1 } else { j = try validateUTF8Sequence(p, j) }
        }
        // Escapes: decode into the storage tail.
        let decodedStart = storage.count
        storage.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<j]))
        while true {
            guard j < p.count else { throw failure("unterminated string", at: start - 1) }
            let c = p[j]
            if c == UInt8(ascii: "\"") {
                i = j + 1
                return (UInt32(decodedStart), UInt32(storage.count - decodedStart))
            }
            if c == UInt8(ascii: "\\") {
                guard j + 1 < p.count else { throw failure("unterminated string", at: start - 1) }
                let e = p[j + 1]
                j += 2
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): storage.append(e)
                case UInt8(ascii: "b"): storage.append(0x08)
                case UInt8(ascii: "f"): storage.append(0x0C)
                case UInt8(ascii: "n"): storage.append(0x0A)
                case UInt8(ascii: "r"): storage.append(0x0D)
                case UInt8(ascii: "t"): storage.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4(p, j)
                    j += 4
                    if scalar >= 0xD800 && scalar <= 0xDBFF {
                        if j + 6 <= p.count && p[j] == UInt8(ascii: "\\") && p[j + 1] == UInt8(ascii: "u"),
                            let low = try? hex4(p, j + 2), low >= 0xDC00 && low <= 0xDFFF
                        {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            j += 6
                        } else {
                            scalar = 0xFFFD  // a lone high surrogate
                        }
                    } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                        scalar = 0xFFFD  // a lone low surrogate
                    }
                    appendUTF8(scalar, to: &storage)
                default:
                    throw failure("invalid escape", at: j - 2)
                }
            } else if c < 0x20 {
                throw failure("control character in a string", at: j)
            } else if c < 0x80 {
                storage.append(c)
                j += 1
            } else {
                let next = try validateUTF8Sequence(p, j)
                storage.append(contentsOf: UnsafeBufferPointer(rebasing: p[j..<next]))
                j = next
            }
        }
    }

    private static func hex4(_ p: UnsafeBufferPointer<UInt8>, _ at: Int) throws(TemplateError) -> UInt32 {
        guard at + 4 <= p.count else { throw failure("invalid \\u escape", at: at - 2) }
        var value: UInt32 = 0
        for k in at..<(at + 4) {
            let c = p[k]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: throw failure("invalid \\u escape", at: at - 2)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (scalar >> 18)))
            out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// Validates the UTF-8 sequence whose lead byte (≥ 0x80) is at `j`; returns the
    /// index after it.
    private static func validateUTF8Sequence(_ p: UnsafeBufferPointer<UInt8>, _ j: Int) throws(TemplateError)
        -> Int
    {
        let lead = p[j]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: throw failure("invalid UTF-8", at: j)
        }
        guard j + length <= p.count else { throw failure("invalid UTF-8", at: j) }
        let second = p[j + 1]
        guard second >= low && second <= high else { throw failure("invalid UTF-8", at: j) }
        for k in (j + 2)..<(j + length) where p[k] & 0xC0 != 0x80 {
            throw failure("invalid UTF-8", at: j)
        }
        return j + length
    }

    /// The length in UTF-16 code units of (possibly invalid) UTF-8 bytes.
    static func utf16Length(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        var units = 0
        for byte in p {
            if byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
        }
        return units
    }

    /// JSON lets a key repeat; as in `JSON.parse`, the last value wins. Earlier
    /// members with a repeated key are flagged and skipped by lookup and iteration.
    private static func markDuplicateKeys(object: UInt32, in data: inout TemplateData) {
        let memberCount = Int(data.nodes[Int(object)].count)
        guard memberCount > 1 else { return }
        let end = data.nodes[Int(object)].end
        if memberCount <= 32 {
            var a = object + 1
            while a < end {
                let keyA = data.nodes[Int(a)]
                var b = keyA.end
                while b < end {
                    let keyB = data.nodes[Int(b)]
                    if keyA.keyCount == keyB.keyCount
                        && data.storage[Int(keyA.keyStart)..<Int(keyA.keyStart + keyA.keyCount)]
                            .elementsEqual(
                                data.storage[Int(keyB.keyStart)..<Int(keyB.keyStart + keyB.keyCount)])
                    {
                        data.nodes[Int(a)].shadowed = true
                        break
                    }
                    b = keyB.end
                }
                a = keyA.end
            }
            return
        }
        // Many members: remember the last index of each key, then flag the others.
        var lastIndex: [ArraySlice<UInt8>: UInt32] = [:]
        var child = object + 1
        while child < end {
            let node = data.nodes[Int(child)]
            lastIndex[data.storage[Int(node.keyStart)..<Int(node.keyStart + node.keyCount)]] = child
            child = node.end
        }
        guard lastIndex.count < memberCount else { return }
        child = object + 1
        while child < end {
            let node = data.nodes[Int(child)]
            if lastIndex[data.storage[Int(node.keyStart)..<Int(node.keyStart + node.keyCount)]] != child {
                data.nodes[Int(child)].shadowed = true
            }
            child = node.end
        }
    }
}
