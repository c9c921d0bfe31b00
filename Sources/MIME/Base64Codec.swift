/// Base64 (RFC 2045 §6.8) as a Java mail service reads it: JavaMail's
/// `BASE64DecoderStream` rules and error texts, so that a body SES's decoder
/// refuses is refused here with the same words. Characters outside the
/// alphabet (line breaks included) are skipped; a group cut short by the end
/// of the body, or a misplaced `=`, is an error.
public enum Base64Codec {
    /// JavaMail reads a body through an 8,190-byte buffer; its error texts
    /// quote up to ten of the most recent bytes of the buffer.
    static let bufferSize = 8_190

    private static let alphabet = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The value of each byte: 0–63, -2 for `=`, -1 for bytes outside the alphabet.
    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = Int8(index) }
        table[Int(UInt8(ascii: "="))] = -2
        return table
    }()

    /// Decodes `encoded`, appending the bytes to `output`.
    ///
    /// - Throws: ``Base64Error`` with JavaMail's text.
    public static func decode(_ encoded: UnsafeBufferPointer<UInt8>, into output: inout [UInt8])
        throws(Base64Error)
    {
        // Decode into room made beforehand (at most 3 bytes per 4), then
        // cut the room to what was written.
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: encoded.count / 4 * 3 + 3))
        let table = values
        var written = 0
        let failure = table.withUnsafeBufferPointer { table in
            output.withUnsafeMutableBufferPointer { room in
                decodeGroups(
                    encoded, table: table, into: UnsafeMutableBufferPointer(rebasing: room[start...]),
                    written: &written)
            }
        }
        output.removeSubrange((start + written)...)
        if let failure { throw failure }
    }

    /// The decoding loop: groups of four values, skipping bytes outside the
    /// alphabet; the error, if any, with JavaMail's text.
    private static func decodeGroups(
        _ encoded: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<Int8>,
        into output: UnsafeMutableBufferPointer<UInt8>, written: inout Int
    ) -> Base64Error? {
        let count = encoded.count
        var position = 0
        var out = 0
        defer { written = out }
        @inline(__always) func emit(_ byte: Int) {
            output[out] = UInt8(truncatingIfNeeded: byte)
            out += 1
        }
        // The next value: 0–63, -2 for a pad, -1 at the end.
        @inline(__always) func next() -> Int {
            while position < count {
                let value = table[Int(encoded[position])]
                position += 1
                if value != -1 { return Int(value) }
            }
            return -1
        }
        func failure(_ text: String) -> Base64Error {
            Base64Error(detail: text + recentCharacters(encoded, upTo: position))
        }
        while true {
            // The common case: four alphabet bytes in a row.
            if position + 4 <= count {
                let a = table[Int(encoded[position])]
                let b = table[Int(encoded[position + 1])]
                let c = table[Int(encoded[position + 2])]
                let d = table[Int(encoded[position + 3])]
                if a >= 0 && b >= 0 && c >= 0 && d >= 0 {
                    let value = Int(a) << 18 | Int(b) << 12 | Int(c) << 6 | Int(d)
                    emit(value >> 16)
                    emit(value >> 8)
                    emit(value)
                    position += 4
                    continue
                }
            }
            var got = 0
            var value = 0
            var padded = false
            while got < 4 {
                let digit = next()
                if digit >= 0 {
                    value = value << 6 | digit
                    got += 1
                    continue
                }
                if digit == -1 {
                    if got == 0 { return nil }
                    return failure("needed 4 valid base64 characters but only got \(got) before EOF")
                }
                if got < 2 {
                    return failure(
                        "needed at least 2 valid base64 characters, but only got \(got) "
                            + "before padding character (=)")
                }
                let size = got - 1
                got += 1
                value <<= 6
                while got < 4 {
                    let pad = next()
                    if pad == -1 { return failure("hit EOF while looking for padding characters (=)") }
                    if pad != -2 {
                        return failure("found valid base64 character after a padding character (=)")
                    }
                    value <<= 6
                    got += 1
                }
                emit(value >> 16)
                if size == 2 { emit(value >> 8) }
                padded = true
            }
            if !padded {
                emit(value >> 16)
                emit(value >> 8)
                emit(value)
            }
        }
    }

    /// Decodes `encoded` as far as it goes, ignoring errors: for encoded words,
    /// whose decoders are forgiving.
    public static func decodeLeniently(_ encoded: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        var value = 0
        var bits = 0
        for byte in encoded {
            let digit = values[Int(byte)]
            if digit == -2 { break }
            if digit < 0 { continue }
            value = (value << 6 | Int(digit)) & 0xFFFFFF
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: value >> bits))
            }
        }
        return output
    }

    /// Appends `bytes` in base64 to `output`, in lines of `lineLength`
    /// characters ended by CRLF (the last line too).
    public static func encode(
        _ bytes: some Collection<UInt8>, lineLength: Int = 76, into output: inout [UInt8]
    ) {
        var column = 0
        var iterator = bytes.makeIterator()
        func emit(_ byte: UInt8) {
            output.append(byte)
            column += 1
            if column == lineLength {
                output.append(0x0D)
                output.append(0x0A)
                column = 0
            }
        }
        while let first = iterator.next() {
            let second = iterator.next()
            let third = second == nil ? nil : iterator.next()
            let group = Int(first) << 16 | Int(second ?? 0) << 8 | Int(third ?? 0)
            emit(alphabet[group >> 18 & 0x3F])
            emit(alphabet[group >> 12 & 0x3F])
            emit(second == nil ? UInt8(ascii: "=") : alphabet[group >> 6 & 0x3F])
            emit(third == nil ? UInt8(ascii: "=") : alphabet[group & 0x3F])
        }
        if column > 0 {
            output.append(0x0D)
            output.append(0x0A)
        }
    }

    /// JavaMail's `recentChars()`: `, the N most recent characters were: "…"`
    /// for the last bytes read from its buffer (none when it is empty).
    static func recentCharacters(_ encoded: UnsafeBufferPointer<UInt8>, upTo position: Int) -> String {
        guard position > 0 else { return "" }
        let inBuffer = (position - 1) % bufferSize + 1
        let count = min(10, inBuffer)
        var text = ", the \(count) most recent characters were: \""
        for byte in encoded[(position - count)..<position] {
            switch byte {
            case 0x0D: text += "\\r"
            case 0x0A: text += "\\n"
            case 0x09: text += "\\t"
            case 0x20..<0x7F: text.unicodeScalars.append(Unicode.Scalar(byte))
            default: text += "\\\(byte)"
            }
        }
        return text + "\""
    }
}

/// A base64 body that does not decode.
public struct Base64Error: Error, Hashable, Sendable {
    /// JavaMail's text after `BASE64Decoder: Error in encoded stream: `.
    public var detail: String
}
