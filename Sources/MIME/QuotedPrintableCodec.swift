/// Quoted-printable (RFC 2045 §6.7) and the Q encoding of encoded words
/// (RFC 2047 §4.2).
///
/// Decoding is forgiving, as mail readers (JavaMail's `QPDecoderStream`
/// among them) are: an `=` not followed by two hex digits or a line break is
/// kept as it is, and spaces before a line break are dropped.
public enum QuotedPrintableCodec {
    /// Decodes a quoted-printable body, appending to `output`.
    public static func decode(_ encoded: some Collection<UInt8>, into output: inout [UInt8]) {
        let bytes = Array(encoded)
        output.reserveCapacity(output.count + bytes.count)
        var index = 0
        var pendingSpaces = 0  // spaces and tabs not yet written: dropped before a line break
        var spaceStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 {
                if pendingSpaces == 0 { spaceStart = index }
                pendingSpaces += 1
                index += 1
                continue
            }
            if byte == 0x0D || byte == 0x0A {
                pendingSpaces = 0
                output.append(byte)
                index += 1
                continue
            }
            if pendingSpaces > 0 {
                output.append(contentsOf: bytes[spaceStart..<(spaceStart + pendingSpaces)])
                pendingSpaces = 0
            }
            if byte == UInt8(ascii: "=") {
                // A soft line break: `=`, optional spaces, then CRLF, LF or the end.
                var after = index + 1
                while after < bytes.count && (bytes[after] == 0x20 || bytes[after] == 0x09) { after += 1 }
                if after < bytes.count && (bytes[after] == 0x0D || bytes[after] == 0x0A) {
                    if bytes[after] == 0x0D && after + 1 < bytes.count && bytes[after + 1] == 0x0A {
                        after += 1
                    }
                    index = after + 1
                    continue
                }
                if after == bytes.count {
                    index = after
                    continue
                }
                if let high = hexValue(at: index + 1, in: bytes), let low = hexValue(at: index + 2, in: bytes)
                {
                    output.append(high << 4 | low)
                    index += 3
                    continue
                }
            }
            output.append(byte)
            index += 1
        }
        if pendingSpaces > 0 { output.append(contentsOf: bytes[spaceStart..<(spaceStart + pendingSpaces)]) }
    }

    /// Decodes the text of a Q-encoded word: `_` is a space, `=XX` a byte.
    public static func decodeQ(_ encoded: some Collection<UInt8>) -> [UInt8] {
        let bytes = Array(encoded)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "_") {
                output.append(0x20)
            } else if byte == UInt8(ascii: "="), let high = hexValue(at: index + 1, in: bytes),
                let low = hexValue(at: index + 2, in: bytes)
            {
                output.append(high << 4 | low)
                index += 3
                continue
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    /// Appends `bytes` in quoted-printable to `output`: line breaks in the
    /// input (LF or CRLF) stay line breaks (CRLF), other lines are wrapped
    /// with soft breaks at 76 characters, and spaces before a line break are
    /// encoded.
    public static func encode(_ bytes: some Collection<UInt8>, into output: inout [UInt8]) {
        let input = Array(bytes)
        var column = 0
        func softBreakIfNeeded(_ width: Int) {
            if column + width > 75 {
                output.append(contentsOf: [UInt8(ascii: "="), 0x0D, 0x0A])
                column = 0
            }
        }
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == 0x0A || (byte == 0x0D && index + 1 < input.count && input[index + 1] == 0x0A) {
                output.append(contentsOf: [0x0D, 0x0A])
                column = 0
                index += byte == 0x0D ? 2 : 1
                continue
            }
            let atLineEnd =
                index + 1 == input.count || input[index + 1] == 0x0A
                || (input[index + 1] == 0x0D && index + 2 < input.count && input[index + 2] == 0x0A)
            let literal =
                (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                || ((byte == 0x20 || byte == 0x09) && !atLineEnd)
            if literal {
                softBreakIfNeeded(1)
                output.append(byte)
                column += 1
            } else {
                softBreakIfNeeded(3)
                output.append(UInt8(ascii: "="))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
                column += 3
            }
            index += 1
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func hexValue(at index: Int, in bytes: [UInt8]) -> UInt8? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case 0x30...0x39: return bytes[index] - 0x30
        case 0x41...0x46: return bytes[index] - 0x41 + 10
        case 0x61...0x66: return bytes[index] - 0x61 + 10
        default: return nil
        }
    }
}
