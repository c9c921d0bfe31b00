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
        buffer.append(UInt8(ascii: "\""))
        appendEscaped(text, to: &buffer)
        buffer.append(UInt8(ascii: "\""))
    }

    /// Appends the escaped body of `text`, without the surrounding quotes.
    @inlinable
    public static func appendEscaped(_ text: String, to buffer: inout OutputBuffer) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable {
            appendEscaped(bytes: UnsafeRawBufferPointer($0), to: &buffer)
        }
        if done == nil { appendEscapedNonContiguous(text, to: &buffer) }
    }

    /// ``appendEscaped(_:to:)`` for a string whose UTF-8 is not stored
    /// contiguously (a bridged one). Out of line, so that the common path
    /// needs no copy of the string.
    @usableFromInline @inline(never)
    static func appendEscapedNonContiguous(_ text: String, to buffer: inout OutputBuffer) {
        var contiguous = text
        contiguous.makeContiguousUTF8()
        contiguous.withUTF8 { appendEscaped(bytes: UnsafeRawBufferPointer($0), to: &buffer) }
    }

    /// Appends UTF-8 `bytes` escaped as the body of a JSON string. Also how
    /// one JSON document goes into another as a string (the SNS `Message`).
    ///
    /// Reserves room for the worst case (every byte six long: a control byte
    /// as `\u00XX`) and writes in place, a word of eight bytes at a time
    /// (``writeEscaped(word:specials:controls:from:to:at:)``). The last,
    /// partial word is checked and copied as the eight bytes ending the text
    /// (they overlap bytes already written, which were copied as they are when
    /// the word needs no escaping), and text of four to seven bytes as two
    /// overlapping four-byte halves, so that most strings need no byte loop.
    public static func appendEscaped(bytes: UnsafeRawBufferPointer, to buffer: inout OutputBuffer) {
        let count = bytes.count
        guard count > 0, let source = bytes.baseAddress else { return }
        // Room for the worst case, plus one: a plain byte's write stores two;
        // plus eight: a shifted word's store runs past the word's end.
        let target = UnsafeMutableRawPointer(buffer.reserve(count &* 6 &+ 9))
        var written = 0
        var index = 0
        if count >= 8 {
            while index &+ 8 <= count {
                let word = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                written = writeEscaped(
                    word: word, specials: quoteOrBackslashBytes(word), controls: controlBytes(word),
                    from: source + index, to: target, at: written)
                index &+= 8
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
                source.load(fromByteOffset: index, as: UInt8.self), to: target, at: written)
            index &+= 1
        }
        buffer.commit(written)
    }

    /// Writes the eight bytes of `word` (read from `source`) escaped at
    /// `target + offset`; returns the offset after them. `specials` has the
    /// high bit set of each byte of `word` that is `"` or `\`, and no other
    /// bit; `controls` is not zero when a byte is a control byte.
    ///
    /// Without special bytes: one store. With quotes and backslashes only (JSON
    /// text, such as the SNS `Message`, has a quote every few bytes): the word
    /// is stored, then for each of them, found by its bit, a backslash in its
    /// place and the rest of the word once more, shifted by one byte. With a
    /// control byte: one byte at a time.
    @inline(__always)
    static func writeEscaped(
        word: UInt64, specials: UInt64, controls: UInt64, from source: UnsafeRawPointer,
        to target: UnsafeMutableRawPointer, at offset: Int
    ) -> Int {
        target.storeBytes(of: word, toByteOffset: offset, as: UInt64.self)
        if (specials | controls) == 0 { return offset &+ 8 }
        var written = offset
        if controls == 0 {
            // Byte k of the text is bits 8k… of `ordered` on any platform.
            let ordered = UInt64(littleEndian: word)
            var mask = UInt64(littleEndian: specials)
            repeat {
                let shift = mask.trailingZeroBitCount & ~7
                let at = written &+ shift &>> 3
                target.storeBytes(of: UInt8(ascii: "\\"), toByteOffset: at, as: UInt8.self)
                target.storeBytes(
                    of: (ordered &>> UInt64(shift)).littleEndian, toByteOffset: at &+ 1, as: UInt64.self)
                written &+= 1
                mask &= mask &- 1
            } while mask != 0
            return written &+ 8
        }
        for index in 0..<8 {
            written = writeEscaped(
                source.load(fromByteOffset: index, as: UInt8.self), to: target, at: written)
        }
        return written
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
        (quoteOrBackslashBytes(word) | controlBytes(word)) != 0
    }

    /// The high bit of every byte of `word` that is `"` or `\`, and no other
    /// bit (exact: no borrow runs from one byte into the next).
    @inline(__always)
    static func quoteOrBackslashBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        return zeroBytes(quote) | zeroBytes(backslash)
    }

    /// The high bit of every byte of `word` below 0x20, and no other bit.
    @inline(__always)
    static func controlBytes(_ word: UInt64) -> UInt64 {
        let lows = lowSevenBits
        // A byte's low seven bits plus 0x60 reach the high bit exactly when
        // the byte is 0x20 or more (no carry leaves the byte: at most 0xDF).
        return ~(((word & lows) &+ 0x6060_6060_6060_6060) | word) & ~lows
    }

    /// Every bit of every byte but the high one.
    @inline(__always)
    static var lowSevenBits: UInt64 { 0x7F7F_7F7F_7F7F_7F7F }

    /// The high bit of every zero byte of `word`, and no other bit.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        let lows = lowSevenBits
        return ~(((word & lows) &+ lows) | word) & ~lows
    }

    @inlinable @inline(__always)
    static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// Appends a literal that needs no escaping (keys, punctuation, fixed values).
    @inlinable @inline(__always)
    public static func appendRaw(_ literal: StaticString, to buffer: inout OutputBuffer) {
        buffer.append(literal)
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
