import SESEvents
import Testing

/// JSON string escaping works a word at a time, with the text's last bytes
/// checked as an overlapping word: every length and every position of a
/// character that needs escaping must give what escaping byte by byte does.
@Suite("JSON string escaping")
struct JSONEscapingTests {
    /// The escaped body of `text`, byte by byte (RFC 8259 §7).
    static func reference(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case 0x22: result += "\\\""
            case 0x5C: result += "\\\\"
            case 0x08: result += "\\b"
            case 0x0C: result += "\\f"
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                result += "\\u00" + (hex.count == 1 ? "0" + hex : hex)
            default: result.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return result
    }

    static func escaped(_ text: String) -> String {
        var buffer = OutputBuffer()
        JSONBytes.appendEscaped(text, to: &buffer)
        return buffer.text
    }

    @Test func everyLengthAndPositionEscapesAsByteByByte() {
        for length in 0...40 {
            let plain = String(repeating: "a", count: length)
            #expect(Self.escaped(plain) == plain)
            for position in 0..<length {
                for special in ["\"", "\\", "\n", "\u{01}", "\u{1F}"] {
                    var characters = Array(plain)
                    characters[position] = Character(special)
                    let text = String(characters)
                    #expect(Self.escaped(text) == Self.reference(text), "length \(length) at \(position)")
                }
            }
        }
    }

    @Test func nonASCIITextPassesThroughAsUTF8() {
        for text in ["é", "日本語のテキスト", "naïve \"quote\" café", "emoji 😀 and tab\t"] {
            var buffer = OutputBuffer()
            JSONBytes.appendEscaped(text, to: &buffer)
            var expected = ""
            for scalar in text.unicodeScalars {
                expected += scalar.value < 0x80 ? Self.reference(String(scalar)) : String(scalar)
            }
            #expect(buffer.text == expected)
        }
    }
}
