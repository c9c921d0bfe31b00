internal import CJSONEscaping

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
    /// The work is done by the C kernel `cjson_escape` (module
    /// CJSONEscaping): sixteen bytes at a time with SSE2, one store for a
    /// block with nothing to escape, and quotes and backslashes escaped
    /// inside an eight-byte word by storing the rest of the word again one
    /// byte further on (JSON text has a quote every few bytes).
    public static func appendEscaped(bytes: UnsafeRawBufferPointer, to buffer: inout OutputBuffer) {
        let count = bytes.count
        guard count > 0, let source = bytes.baseAddress else { return }
        let target = buffer.reserve(cjson_escape_capacity(count))
        buffer.commit(cjson_escape(source.assumingMemoryBound(to: UInt8.self), count, target))
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

    /// Appends `value` as sesim's outputs print numbers: an integer without
    /// a fraction when it is one (below 10^15), else the shortest text that
    /// reads back exactly; `null` when it is not finite.
    public static func appendNumber(_ value: Double, to buffer: inout OutputBuffer) {
        guard value.isFinite else {
            buffer.append("null")
            return
        }
        if value == value.rounded(), abs(value) < 1e15 {
            appendInteger(Int64(value), to: &buffer)
        } else {
            var text = value.description
            text.withUTF8 { buffer.append(bytes: $0) }
        }
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
        appendStringElements(of: values, to: &buffer)
        buffer.append(UInt8(ascii: "]"))
    }
}
