/// Standard base64 (RFC 4648 §4) with padding, as AWS's protocols carry
/// blobs; line breaks and spaces between characters are skipped.
enum Base64Text {
    /// The bytes `text` encodes; nil when it is not base64.
    static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count / 4 * 3)
        var group: UInt32 = 0
        var count = 0
        var padding = 0
        var ended = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: " ")
                || byte == UInt8(ascii: "\t")
            {
                continue
            }
            // Nothing follows a padded group, and only padding follows padding.
            if ended || (padding > 0 && byte != UInt8(ascii: "=")) { return nil }
            guard let value = sextet(byte) else { return nil }
            if byte == UInt8(ascii: "=") {
                // Padding stands only in a group's last two places.
                guard count >= 2 else { return nil }
                padding += 1
            }
            group = group << 6 | value
            count += 1
            guard count == 4 else { continue }
            output.append(UInt8(group >> 16 & 0xFF))
            if padding < 2 { output.append(UInt8(group >> 8 & 0xFF)) }
            if padding < 1 { output.append(UInt8(group & 0xFF)) }
            group = 0
            count = 0
            ended = padding > 0
        }
        return count == 0 ? output : nil
    }

    private static func sextet(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt32(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt32(byte - UInt8(ascii: "a")) + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0")) + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        case UInt8(ascii: "="): 0
        default: nil
        }
    }
}
