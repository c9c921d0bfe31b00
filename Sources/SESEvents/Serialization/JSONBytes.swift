/// Appends JSON text to an ``OutputBuffer``: the building blocks of every
/// record, envelope and metric line the module writes. No Foundation.
public enum JSONBytes {
    /// Appends `text` as a JSON string: quoted and escaped.
    ///
    /// Quotes and backslashes are escaped, control characters (below U+0020)
    /// become `\b`, `\f`, `\n`, `\r`, `\t` or `\u00XX`, and everything else,
    /// non-ASCII included, passes through as its UTF-8 bytes (RFC 8259 §7).
    @inlinable
    public static func appendString(_ text: String, to buffer: inout OutputBuffer) {
        if _slowPath(buffer.embeddedLiterals != nil) {
            appendEmbeddedString(text, to: &buffer)
            return
        }
        buffer.append(UInt8(ascii: "\""))
        appendEscaped(text, to: &buffer)
        buffer.append(UInt8(ascii: "\""))
    }

    /// ``appendString(_:to:)`` while the buffer embeds JSON: the quotes
    /// escaped, the text escaped twice. Kept out of line so that the common
    /// path stays small enough to inline.
    @usableFromInline @inline(never)
    static func appendEmbeddedString(_ text: String, to buffer: inout OutputBuffer) {
        appendQuote(to: &buffer)
        appendEscaped(text, to: &buffer)
        appendQuote(to: &buffer)
    }

    /// Appends a quotation mark (`\"` while the buffer embeds JSON).
    @inlinable @inline(__always)
    public static func appendQuote(to buffer: inout OutputBuffer) {
        if _slowPath(buffer.embeddedLiterals != nil) {
            buffer.append(UInt8(ascii: "\\"))
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// Appends the escaped body of `text`, without the surrounding quotes.
    @inlinable
    public static func appendEscaped(_ text: String, to buffer: inout OutputBuffer) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable {
            appendEscaped(bytes: UnsafeRawBufferPointer($0), to: &buffer)
        }
        if done == nil {
            var contiguous = text
            contiguous.makeContiguousUTF8()
            contiguous.withUTF8 { appendEscaped(bytes: UnsafeRawBufferPointer($0), to: &buffer) }
        }
    }

    /// Appends UTF-8 `bytes` escaped as the body of a JSON string (escaped
    /// twice while the buffer embeds JSON: the body of a string inside a
    /// document that is itself a string's body).
    @usableFromInline
    static func appendEscaped(bytes: UnsafeRawBufferPointer, to buffer: inout OutputBuffer) {
        if _slowPath(buffer.embeddedLiterals != nil) {
            appendEscaped(bytes: bytes, to: &buffer, levels: 2)
        } else {
            appendEscaped(bytes: bytes, to: &buffer, levels: 1)
        }
    }

    /// Appends UTF-8 `bytes` escaped as the body of a JSON string, ignoring
    /// embedding. Used to embed one JSON document as a string in another
    /// (the SNS `Message`).
    public static func appendEscapedOnce(bytes: UnsafeRawBufferPointer, to buffer: inout OutputBuffer) {
        appendEscaped(bytes: bytes, to: &buffer, levels: 1)
    }

    /// Appends UTF-8 `bytes` escaped `levels` times (1 or 2) as the body of a
    /// JSON string.
    ///
    /// Reserves room for the worst case (every byte seven long: a control byte
    /// escaped twice, `\\u00XX`) and writes in place: a word of eight bytes with
    /// no quote, backslash or control byte is copied in one store, other bytes
    /// one at a time. The last, partial word is checked and copied as the eight
    /// bytes ending the text (they overlap bytes already written, which were
    /// copied as they are when the word needs no escaping), and text of four to
    /// seven bytes as two overlapping four-byte halves, so that most strings need
    /// no byte loop.
    ///
    /// Bytes that need escaping go one at a time (``writeEscaped(_:to:at:levels:)``).
    @inline(__always)
    static func appendEscaped(bytes: UnsafeRawBufferPointer, to buffer: inout OutputBuffer, levels: Int) {
        let count = bytes.count
        guard count > 0, let source = bytes.baseAddress else { return }
        // Room for the worst case, plus one: a plain byte's write stores two.
        let target = UnsafeMutableRawPointer(buffer.reserve(count &* 7 &+ 1))
        var written = 0
        var index = 0
        if count >= 8 {
            while index &+ 8 <= count {
                let word = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if !needsEscaping(word) {
                    target.storeBytes(of: word, toByteOffset: written, as: UInt64.self)
                    written &+= 8
                    index &+= 8
                    continue
                }
                for _ in 0..<8 {
                    written = writeEscaped(
                        source.load(fromByteOffset: index, as: UInt8.self), to: target, at: written,
                        levels: levels)
                    index &+= 1
                }
            }
            if index < count {
                let start = count &- 8
                let word = source.loadUnaligned(fromByteOffset: start, as: UInt64.self)
                if !needsEscaping(word) {
                    target.storeBytes(of: word, toByteOffset: written &- (index &- start), as: UInt64.self)
                    written &+= count &- index
                    index = count
                }
            }
        } else if count >= 4 {
            let head = source.loadUnaligned(as: UInt32.self)
            let tail = source.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
            if !needsEscaping(UInt64(head) | UInt64(tail) << 32) {
                target.storeBytes(of: head, as: UInt32.self)
                target.storeBytes(of: tail, toByteOffset: count &- 4, as: UInt32.self)
                written = count
                index = count
            }
        }
        while index < count {
            written = writeEscaped(
                source.load(fromByteOffset: index, as: UInt8.self), to: target, at: written, levels: levels)
            index &+= 1
        }
        buffer.commit(written)
    }

    /// Writes `byte` escaped `levels` times (1 or 2) at `target + offset`;
    /// returns the offset after it. Escaping twice escapes the backslash
    /// (and quote) that escaping once produced: `"` becomes `\\\"`, a
    /// newline `\\n`, a control byte `\\u00XX`.
    @inline(__always)
    static func writeEscaped(_ byte: UInt8, to target: UnsafeMutableRawPointer, at offset: Int, levels: Int)
        -> Int
    {
        if levels == 1 || escapeCharacter(byte) == 0 { return writeEscaped(byte, to: target, at: offset) }
        // The backslash that escaping once starts with, escaped.
        target.storeBytes(of: UInt8(ascii: "\\"), toByteOffset: offset, as: UInt8.self)
        let once = writeEscaped(byte, to: target, at: offset &+ 1)
        // `once` wrote `\`, then `"`, `\`, a letter or `u00XX`: the second
        // character needs a backslash of its own only if it is `"` or `\`.
        let second = target.load(fromByteOffset: offset &+ 2, as: UInt8.self)
        guard second == UInt8(ascii: "\"") || second == UInt8(ascii: "\\") else { return once }
        target.storeBytes(of: UInt8(ascii: "\\"), toByteOffset: offset &+ 2, as: UInt8.self)
        target.storeBytes(of: second, toByteOffset: offset &+ 3, as: UInt8.self)
        return once &+ 1
    }

    /// Writes `byte`, escaped if JSON requires, at `target + offset`;
    /// returns the offset after it. Branch-free for all but control bytes:
    /// two bytes are always stored, and the offset advances by one or two.
    @inline(__always)
    static func writeEscaped(_ byte: UInt8, to target: UnsafeMutableRawPointer, at offset: Int) -> Int {
        let escape = escapeCharacter(byte)
        if _slowPath(escape == 1) {
            let digits = (
                UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                hexDigit(byte >> 4), hexDigit(byte & 0xF)
            )
            withUnsafeBytes(of: digits) { (target + offset).copyMemory(from: $0.baseAddress!, byteCount: 6) }
            return offset &+ 6
        }
        let isPlain = escape == 0
        target.storeBytes(of: isPlain ? byte : UInt8(ascii: "\\"), toByteOffset: offset, as: UInt8.self)
        target.storeBytes(of: escape, toByteOffset: offset &+ 1, as: UInt8.self)
        return offset &+ (isPlain ? 1 : 2)
    }

    /// The character after the backslash of `byte`'s short escape (`"`,
    /// `\\`, `b`, `f`, `n`, `r`, `t`), 0 for a byte written as it is, or 1
    /// for a control byte written as `\\u00XX`.
    @inline(__always)
    static func escapeCharacter(_ byte: UInt8) -> UInt8 {
        if _fastPath(byte >= 0x20 && byte != 0x22 && byte != 0x5C) { return 0 }
        switch byte {
        case 0x22: return UInt8(ascii: "\"")
        case 0x5C: return UInt8(ascii: "\\")
        case 0x08: return UInt8(ascii: "b")
        case 0x0C: return UInt8(ascii: "f")
        case 0x0A: return UInt8(ascii: "n")
        case 0x0D: return UInt8(ascii: "r")
        case 0x09: return UInt8(ascii: "t")
        default: return 1
        }
    }

    /// Whether any of the eight bytes of `word` is a control byte, `"` or `\`.
    @inline(__always)
    static func needsEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let quoteZero = (quote &- ones) & ~quote & highs
        let backslashZero = (backslash &- ones) & ~backslash & highs
        return (control | quoteZero | backslashZero) != 0
    }

    @inlinable @inline(__always)
    static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// Appends a literal that needs no escaping (keys, punctuation, fixed values).
    /// While the buffer embeds JSON, the literal goes in escaped, from the
    /// buffer's ``EmbeddedLiteralTable``.
    @inlinable @inline(__always)
    public static func appendRaw(_ literal: StaticString, to buffer: inout OutputBuffer) {
        if _slowPath(buffer.embeddedLiterals != nil) {
            buffer.embeddedLiterals.unsafelyUnwrapped.appendEscaped(literal, to: &buffer)
        } else {
            buffer.append(literal)
        }
    }

    /// Appends `value` in decimal.
    @inlinable
    public static func appendInteger(_ value: Int64, to buffer: inout OutputBuffer) {
        if value < 0 {
            buffer.append(UInt8(ascii: "-"))
            appendUnsigned(value.magnitude, to: &buffer)
        } else {
            appendUnsigned(UInt64(value), to: &buffer)
        }
    }

    /// Appends `value` in decimal.
    @inlinable
    public static func appendUnsigned(_ value: UInt64, to buffer: inout OutputBuffer) {
        var digits = 1
        var scale: UInt64 = 10
        while digits < 20 && value >= scale {
            digits += 1
            scale &*= 10
        }
        let target = buffer.reserve(digits)
        var remaining = value
        var position = digits
        repeat {
            position -= 1
            target[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        } while position > 0
        buffer.commit(digits)
    }

    /// Appends `true` or `false`.
    @inlinable
    public static func appendBool(_ value: Bool, to buffer: inout OutputBuffer) {
        if value { buffer.append("true") } else { buffer.append("false") }
    }

    /// Appends a JSON array of strings.
    @inlinable
    public static func appendStringArray(_ values: [String], to buffer: inout OutputBuffer) {
        buffer.append(UInt8(ascii: "["))
        for index in values.indices {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            appendString(values[index], to: &buffer)
        }
        buffer.append(UInt8(ascii: "]"))
    }
}
