/// RFC 2047 encoded words (`=?charset?B|Q?text?=`) in header text.
///
/// Words in a known charset (``Charsets``) are decoded; adjacent encoded
/// words are joined without the space between them, and their bytes are
/// joined before decoding, so that a character split across two words
/// survives. A word in an unknown charset, or one that is malformed, stays as
/// written. Words are recognised wherever they occur, not only between
/// spaces, as lenient readers do.
public enum EncodedWords {
    /// `text` with its encoded words decoded.
    public static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "=")) else { return text }
        return decode(Array(text.utf8))
    }

    /// `bytes` (header text, UTF-8 or not) with its encoded words decoded.
    public static func decode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pending: (charset: Charsets.Known, bytes: [UInt8])?
        var copied = 0  // bytes before this are handled
        var search = 0
        func flush() {
            if let run = pending {
                output.append(contentsOf: Charsets.decode(run.bytes, as: run.charset).utf8)
                pending = nil
            }
        }
        while let start = find(bytes, from: search) {
            var resume = start + 2
            guard let word = parseWord(bytes, at: start, resume: &resume) else {
                search = resume
                continue
            }
            let between = bytes[copied..<start]
            let onlySpace = between.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
            if let run = pending, onlySpace {
                // Adjacent encoded words: the space between them is dropped,
                // and words in one charset are decoded together.
                if run.charset != word.charset { flush() }
            } else {
                flush()
                output.append(contentsOf: Charsets.headerText(between).utf8)
            }
            if pending == nil { pending = (word.charset, []) }
            pending!.bytes.append(contentsOf: word.decoded)
            copied = word.end
            search = word.end
        }
        flush()
        output.append(contentsOf: Charsets.headerText(bytes[copied...]).utf8)
        return String(decoding: output, as: UTF8.self)
    }

    /// The index of the next `=?` at or after `start`.
    private static func find(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "=") && bytes[index + 1] == UInt8(ascii: "?") { return index }
            index += 1
        }
        return nil
    }

    /// The encoded word starting at `start`, if it is one in a known charset.
    /// When its text has no end, `resume` is set past the text: no word
    /// starting inside it can end either, which keeps the search linear.
    private static func parseWord(_ bytes: [UInt8], at start: Int, resume: inout Int) -> (
        charset: Charsets.Known, decoded: [UInt8], end: Int
    )? {
        let question = UInt8(ascii: "?")
        var index = start + 2
        let charsetStart = index
        while index < bytes.count && bytes[index] != question {
            if !isTokenByte(bytes[index]) { return nil }
            index += 1
        }
        guard index < bytes.count, index > charsetStart,
            let charset = Charsets.known(String(decoding: bytes[charsetStart..<index], as: UTF8.self))
        else { return nil }
        index += 1
        guard index + 1 < bytes.count, bytes[index + 1] == question else { return nil }
        let encoding = bytes[index] | 0x20
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
        index += 2
        let textStart = index
        while index + 1 < bytes.count {
            let byte = bytes[index]
            if byte == question && bytes[index + 1] == UInt8(ascii: "=") {
                let text = bytes[textStart..<index]
                let decoded =
                    encoding == UInt8(ascii: "b")
                    ? Base64Codec.decodeLeniently(text) : QuotedPrintableCodec.decodeQ(text)
                return (charset, decoded, index + 2)
            }
            // Encoded text has no spaces or control characters.
            if byte <= 0x20 || byte == 0x7F {
                resume = index
                return nil
            }
            index += 1
        }
        resume = bytes.count
        return nil
    }

    /// RFC 2047 `token` bytes (a charset name, with an optional `*language`).
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        guard byte > 0x20 && byte < 0x7F else { return false }
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "@"),
            UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "\""), UInt8(ascii: "/"),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "."), UInt8(ascii: "="):
            return false
        default:
            return true
        }
    }
}
