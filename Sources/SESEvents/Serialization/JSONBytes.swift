/// Appends JSON text to a byte buffer: the building blocks of every record,
/// envelope and metric line the module writes.
///
/// Everything appends into a caller-owned `[UInt8]` that is reused from one
/// event to the next, so steady-state serialisation allocates nothing (the
/// buffer only grows until it fits the largest record). No Foundation.
public enum JSONBytes {
    /// Appends `text` as a JSON string: quoted and escaped.
    ///
    /// Quotes and backslashes are escaped, control characters (below U+0020)
    /// become `\b`, `\f`, `\n`, `\r`, `\t` or `\u00XX`, and everything else,
    /// non-ASCII included, passes through as its UTF-8 bytes (RFC 8259 §7).
    @inlinable
    public static func appendString(_ text: String, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        appendEscaped(text, to: &buffer)
        buffer.append(UInt8(ascii: "\""))
    }

    /// Appends the escaped body of `text`, without the surrounding quotes.
    @inlinable
    public static func appendEscaped(_ text: String, to buffer: inout [UInt8]) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscaped(bytes: $0, to: &buffer) }
        if done == nil {
            var contiguous = text
            contiguous.makeContiguousUTF8()
            contiguous.withUTF8 { appendEscaped(bytes: $0, to: &buffer) }
        }
    }

    /// Appends `bytes` (UTF-8) escaped as the body of a JSON string. Used to
    /// embed one JSON document as a string in another (the SNS `Message`).
    @inlinable
    public static func appendEscaped(bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
                index += 1
                continue
            }
            if runStart < index {
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            }
            appendEscape(for: byte, to: &buffer)
            index += 1
            runStart = index
        }
        if runStart < count {
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        }
    }

    @usableFromInline
    static func appendEscape(for byte: UInt8, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x22: buffer.append(UInt8(ascii: "\""))
        case 0x5C: buffer.append(UInt8(ascii: "\\"))
        case 0x08: buffer.append(UInt8(ascii: "b"))
        case 0x0C: buffer.append(UInt8(ascii: "f"))
        case 0x0A: buffer.append(UInt8(ascii: "n"))
        case 0x0D: buffer.append(UInt8(ascii: "r"))
        case 0x09: buffer.append(UInt8(ascii: "t"))
        default:
            buffer.append(UInt8(ascii: "u"))
            buffer.append(UInt8(ascii: "0"))
            buffer.append(UInt8(ascii: "0"))
            buffer.append(hexDigit(byte >> 4))
            buffer.append(hexDigit(byte & 0xF))
        }
    }

    @inlinable
    static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// Appends a literal that needs no escaping (keys, punctuation, fixed values).
    @inlinable
    public static func appendRaw(_ literal: StaticString, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends `value` in decimal.
    @inlinable
    public static func appendInteger(_ value: Int64, to buffer: inout [UInt8]) {
        if value < 0 {
            buffer.append(UInt8(ascii: "-"))
            appendUnsigned(value.magnitude, to: &buffer)
        } else {
            appendUnsigned(UInt64(value), to: &buffer)
        }
    }

    /// Appends `value` in decimal.
    @inlinable
    public static func appendUnsigned(_ value: UInt64, to buffer: inout [UInt8]) {
        if value < 10 {
            buffer.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        var count = 0
        var remaining = value
        withUnsafeMutableBytes(of: &digits) { scratch in
            while remaining > 0 {
                count += 1
                scratch[24 - count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            }
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[(24 - count)...]))
        }
    }

    /// Appends `true` or `false`.
    @inlinable
    public static func appendBool(_ value: Bool, to buffer: inout [UInt8]) {
        if value { appendRaw("true", to: &buffer) } else { appendRaw("false", to: &buffer) }
    }

    /// Appends a JSON array of strings.
    @inlinable
    public static func appendStringArray(_ values: [String], to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "["))
        var first = true
        for value in values {
            if !first { buffer.append(UInt8(ascii: ",")) }
            first = false
            appendString(value, to: &buffer)
        }
        buffer.append(UInt8(ascii: "]"))
    }
}
