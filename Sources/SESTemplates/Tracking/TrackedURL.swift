/// Which links SES tracks, and how a tracked URL is written into its redirect, over bytes.
enum TrackedURL {
    /// `https` or `http` for a link SES tracks: an absolute http(s) URL (scheme in any
    /// case) that is RFC 3986-encoded; nil for others, which SES silently skips (e.g.
    /// one with a raw space or a non-ASCII character).
    static func trackableScheme(_ url: UnsafeBufferPointer<UInt8>) -> StaticString? {
        let scheme: StaticString
        if hasPrefixIgnoringASCIICase(url, "https://") {
            scheme = "https"
        } else if hasPrefixIgnoringASCIICase(url, "http://") {
            scheme = "http"
        } else {
            return nil
        }
        let classes = byteClasses.utf8Start
        var index = 0
        while index < url.count {
            switch classes[Int(url[index])] {
            case UInt8(ascii: "k"), UInt8(ascii: "e"):
                index += 1
            case UInt8(ascii: "%"):
                guard index + 2 < url.count, isHex(url[index + 1]), isHex(url[index + 2]) else { return nil }
                index += 3
            default:
                return nil
            }
        }
        return scheme
    }

    /// Writes `url` percent-encoded at `target` (every byte but letters, digits and
    /// `-._~:` becomes `%XX`, upper-case hex) and returns the number of bytes written,
    /// at most three per input byte.
    @inline(__always)
    static func percentEncode(_ url: UnsafeBufferPointer<UInt8>, to target: UnsafeMutablePointer<UInt8>)
        -> Int
    {
        let hex = StaticString("0123456789ABCDEF").utf8Start
        let classes = byteClasses.utf8Start
        var written = 0
        for byte in url {
            if classes[Int(byte)] == UInt8(ascii: "k") {
                target[written] = byte
                written += 1
            } else {
                target[written] = UInt8(ascii: "%")
                target[written + 1] = hex[Int(byte >> 4)]
                target[written + 2] = hex[Int(byte & 15)]
                written += 3
            }
        }
        return written
    }

    private static func hasPrefixIgnoringASCIICase(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: StaticString)
        -> Bool
    {
        let count = lower.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let expected = lower.utf8Start
        for index in 0..<count where asciiLowercased(bytes[index]) != expected[index] { return false }
        return true
    }

    /// `c` with `A`–`Z` mapped to `a`–`z`.
    @inline(__always)
    static func asciiLowercased(_ c: UInt8) -> UInt8 {
        c &- UInt8(ascii: "A") < 26 ? c | 0x20 : c
    }

    private static func isHex(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
            || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "f"))
    }

    /// What each byte is in a URL, indexed by the byte: `k` for the RFC 3986
    /// characters a redirect keeps as they are (letters, digits, `-._~:`), `e` for the
    /// other RFC 3986 characters, which it percent-encodes (``/?#[]@!$&'()*+,;=``),
    /// `%` for the escape, `.` for bytes a tracked URL must not contain.
    private static let byteClasses: StaticString = """
        .................................e.ee%eeeeeeekkekkkkkkkkkkke.e.e\
        ekkkkkkkkkkkkkkkkkkkkkkkkkke.e.k.kkkkkkkkkkkkkkkkkkkkkkkkkk...k.\
        ................................................................\
        ................................................................
        """
}
