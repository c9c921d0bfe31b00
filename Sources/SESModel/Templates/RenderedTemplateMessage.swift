/// A template rendered by `TestRenderTemplate` / `TestRenderEmailTemplate`:
/// its parts, and the MIME message SES returns as `RenderedTemplate`.
public struct RenderedTemplateMessage: Hashable, Sendable {
    public var subject: String
    /// The text part; nil when the template has none.
    public var text: String?
    /// The HTML part; nil when the template has none.
    public var html: String?

    public init(subject: String, text: String?, html: String?) {
        self.subject = subject
        self.text = text
        self.html = html
    }

    /// The boundary between the parts of ``mime``.
    public static let boundary = "----=_Part_0_sesim"

    /// The rendered message as MIME text: the Subject header (RFC 2047
    /// encoded when not ASCII), `MIME-Version`, and a `multipart/alternative`
    /// body with the text part then the HTML part, CRLF line ends. SES
    /// documents only "the complete MIME message"; this layout is sesim's
    /// (docs/serve.md), with no Date or Message-ID so that it is the same on
    /// every run.
    public var mime: String {
        var lines = [
            "Subject: " + Self.encodedHeaderValue(subject),
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(Self.boundary)\"",
            "",
        ]
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            guard let body else { continue }
            lines.append("--" + Self.boundary)
            lines.append("Content-Type: \(type); charset=UTF-8")
            lines.append(
                "Content-Transfer-Encoding: " + (body.utf8.allSatisfy { $0 < 0x80 } ? "7bit" : "8bit"))
            lines.append("")
            lines.append(body)
        }
        lines.append("--" + Self.boundary + "--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `value` as is when it is printable ASCII, else as one RFC 2047
    /// encoded word (`=?UTF-8?B?…?=`).
    static func encodedHeaderValue(_ value: String) -> String {
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return value }
        return "=?UTF-8?B?" + base64(Array(value.utf8)) + "?="
    }

    /// Standard base64 with padding.
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let b0 = UInt32(bytes[index])
            let b1 = remaining > 1 ? UInt32(bytes[index + 1]) : 0
            let b2 = remaining > 2 ? UInt32(bytes[index + 2]) : 0
            let triple = b0 << 16 | b1 << 8 | b2
            output.append(alphabet[Int(triple >> 18 & 63)])
            output.append(alphabet[Int(triple >> 12 & 63)])
            output.append(remaining > 1 ? alphabet[Int(triple >> 6 & 63)] : UInt8(ascii: "="))
            output.append(remaining > 2 ? alphabet[Int(triple & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
