/// Turning the bytes of a header or a part into text, by charset name.
///
/// Known: UTF-8, US-ASCII, ISO-8859-1 and Windows-1252 (with their common
/// aliases). Any other charset is unknown: callers keep such text as it was
/// written (an encoded word stays encoded), which docs/raw-email.md records.
public enum Charsets {
    /// The charsets this module decodes, by their canonical name.
    public enum Known: Sendable {
        case utf8, usASCII, latin1, windows1252
    }

    /// The charset named `name` (ignoring case, and an RFC 2231 `*language`
    /// suffix), if it is one this module decodes.
    public static func known(_ name: some StringProtocol) -> Known? {
        var lowered = name.lowercased()
        if let star = lowered.firstIndex(of: "*") { lowered = String(lowered[..<star]) }
        switch lowered {
        case "utf-8", "utf8": return .utf8
        case "us-ascii", "ascii", "ansi_x3.4-1968", "us", "iso646-us": return .usASCII
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "iso-ir-100", "cp819":
            return .latin1
        case "windows-1252", "cp1252", "x-cp1252": return .windows1252
        default: return nil
        }
    }

    /// `bytes` as text in `charset`, or nil when the charset is unknown.
    /// Bytes a charset cannot represent become U+FFFD.
    public static func decode(_ bytes: some Collection<UInt8>, charset: some StringProtocol) -> String? {
        guard let known = known(charset) else { return nil }
        return decode(bytes, as: known)
    }

    /// `bytes` as text in `charset`.
    public static func decode(_ bytes: some Collection<UInt8>, as charset: Known) -> String {
        switch charset {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .usASCII:
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(byte < 0x80 ? Unicode.Scalar(byte) : "\u{FFFD}") }
            return String(scalars)
        case .latin1:
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
            return String(scalars)
        case .windows1252:
            var scalars = String.UnicodeScalarView()
            for byte in bytes {
                if byte >= 0x80 && byte < 0xA0 {
                    scalars.append(Unicode.Scalar(windows1252High[Int(byte - 0x80)]) ?? "\u{FFFD}")
                } else {
                    scalars.append(Unicode.Scalar(byte))
                }
            }
            return String(scalars)
        }
    }

    /// Text written in a header with no declared charset: UTF-8 when the bytes
    /// are valid UTF-8 (RFC 6532), else ISO-8859-1, so that no byte is lost.
    public static func headerText(_ bytes: some Collection<UInt8>) -> String {
        let array = Array(bytes)
        let ascii = array.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                if buffer[index] >= 0x80 { return false }
                index += 1
            }
            return true
        }
        if ascii { return String(decoding: array, as: UTF8.self) }
        if let text = String(validating: array, as: UTF8.self) { return text }
        return decode(array, as: .latin1)
    }

    /// Windows-1252's characters for bytes 0x80–0x9F (U+FFFD where undefined).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
