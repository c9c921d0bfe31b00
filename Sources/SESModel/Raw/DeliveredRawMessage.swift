import MIME
import SESTemplates
import SimCore

/// The message SES hands to recipients' mail servers for a raw send.
///
/// From the sender's message: `Bcc` and SES's own `X-SES-*` headers are
/// removed ("Amazon SES removes these before it sends the email", API-v1
/// `SendRawEmail`; AWS-DG event-publishing-send-email); `Message-ID` and
/// `Date` are SES's ("if you passed these headers …, they are overwritten",
/// API-v1 `SendRawEmail`), in place of the sender's or first when absent;
/// with open or click tracking every HTML body (a text/html part that is
/// not an attachment, at any depth outside an attached message) is instrumented as a simple message's
/// HTML is, and written back in its transfer encoding — except 7bit with
/// over-long lines, 8bit and binary, which become quoted-printable: "if
/// Amazon SES has to modify the contents of your message …, 8-bit content
/// isn't preserved" (API-v1 `SendRawEmail`). Line breaks become CRLF in the
/// header; the rest of the body is copied as it was.
public enum DeliveredRawMessage {
    /// The delivered bytes of `message`, with SES's message ID `messageID`
    /// and date `date` (RFC 5322 text), instrumented with `tracking` when given.
    public static func build(
        _ message: MIMEMessage, messageIDHeader: String, date: String, tracking: TrackingOptions?
    ) -> [UInt8] {
        var instrumenter = TrackingInstrumenter()
        var rewritten: [Int: (body: [UInt8], encoding: TransferEncoding)] = [:]
        if let tracking {
            var decoded: [UInt8] = []
            var instrumented: [UInt8] = []
            var links = TrackedLinks()
            for index in RawMessageRules.htmlBodies(message) {
                decoded.removeAll(keepingCapacity: true)
                guard (try? message.decodedBody(of: index, into: &decoded)) != nil else { continue }
                instrumenter.instrument(html: decoded, options: tracking, into: &instrumented, links: &links)
                rewritten[index] = encode(instrumented, like: message.parts[index].transferEncoding)
            }
        }
        var output: [UInt8] = []
        output.reserveCapacity(message.bytes.count + 1_024)
        writeTopHeader(
            message, messageIDHeader: messageIDHeader, date: date, encoding: rewritten[0]?.encoding,
            to: &output)
        if let body = rewritten[0] {
            output.append(contentsOf: body.body)
            return output
        }
        // The body, with each rewritten part replaced in place (leaves do not
        // overlap, and come in the order of their bytes).
        var copied = message.parts[0].bodyStart
        for index in message.parts.indices where rewritten[index] != nil {
            let part = message.parts[index]
            output.append(contentsOf: message.bytes[copied..<part.start])
            writeFields(message, part: index, encoding: rewritten[index]!.encoding, to: &output)
            output.append(contentsOf: [0x0D, 0x0A])
            output.append(contentsOf: rewritten[index]!.body)
            copied = part.end
        }
        output.append(contentsOf: message.bytes[copied...])
        return output
    }

    /// RFC 5322's date-time for `time` (UTC): `Tue, 07 Mar 2023 14:42:28 +0000`.
    public static func date(unixMicroseconds: Int64) -> String {
        let seconds =
            unixMicroseconds >= 0 ? unixMicroseconds / 1_000_000 : (unixMicroseconds - 999_999) / 1_000_000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let civil = CivilDate(daysSinceUnixEpoch: days)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let weekday = weekdays[Int(((days % 7) + 7) % 7)]
        return "\(weekday), \(two(civil.day)) \(months[civil.month - 1]) \(civil.year) "
            + "\(two(secondOfDay / 3_600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) +0000"
    }

    /// SES's Message-ID header value for `messageID` in `region`:
    /// `<ID@email.amazonses.com>` in us-east-1, `<ID@REGION.amazonses.com>`
    /// elsewhere (observed in delivered messages; third-party captures).
    public static func messageIDHeader(_ messageID: String, region: String) -> String {
        "<" + messageID + "@" + (region == "us-east-1" ? "email" : region) + ".amazonses.com>"
    }

    private static func writeTopHeader(
        _ message: MIMEMessage, messageIDHeader: String, date: String, encoding: TransferEncoding?,
        to output: inout [UInt8]
    ) {
        let hasMessageID = message.field(named: "Message-ID") != nil
        let hasDate = message.field(named: "Date") != nil
        if !hasDate { appendLine("Date: " + date, to: &output) }
        if !hasMessageID { appendLine("Message-ID: " + messageIDHeader, to: &output) }
        var wroteMessageID = false
        var wroteDate = false
        for field in message.header {
            if field.hasName("Bcc") || RawMessageRules.sesHeaders.contains(where: { field.hasName($0) }) {
                continue
            }
            if field.hasName("Message-ID") {
                if !wroteMessageID { appendLine("Message-ID: " + messageIDHeader, to: &output) }
                wroteMessageID = true
            } else if field.hasName("Date") {
                if !wroteDate { appendLine("Date: " + date, to: &output) }
                wroteDate = true
            } else if let encoding, field.hasName("Content-Transfer-Encoding") {
                appendLine("Content-Transfer-Encoding: " + encoding.name, to: &output)
            } else {
                appendField(message, field, to: &output)
            }
        }
        if let encoding, message.field(named: "Content-Transfer-Encoding") == nil {
            appendLine("Content-Transfer-Encoding: " + encoding.name, to: &output)
        }
        output.append(contentsOf: [0x0D, 0x0A])
    }

    /// Part `part`'s header fields with its transfer encoding set to `encoding`.
    private static func writeFields(
        _ message: MIMEMessage, part: Int, encoding: TransferEncoding, to output: inout [UInt8]
    ) {
        var wrote = false
        for field in message.fields(of: part) {
            if field.hasName("Content-Transfer-Encoding") {
                if !wrote { appendLine("Content-Transfer-Encoding: " + encoding.name, to: &output) }
                wrote = true
            } else {
                appendField(message, field, to: &output)
            }
        }
        if !wrote { appendLine("Content-Transfer-Encoding: " + encoding.name, to: &output) }
    }

    /// The field's bytes as sent, with bare LFs made CRLF, and a CRLF.
    private static func appendField(_ message: MIMEMessage, _ field: HeaderField, to output: inout [UInt8]) {
        var previous: UInt8 = 0
        for byte in message.bytes[field.range] {
            if byte == 0x0A && previous != 0x0D { output.append(0x0D) }
            output.append(byte)
            previous = byte
        }
        output.append(contentsOf: [0x0D, 0x0A])
    }

    private static func appendLine(_ text: String, to output: inout [UInt8]) {
        output.append(contentsOf: text.utf8)
        output.append(contentsOf: [0x0D, 0x0A])
    }

    /// `body` in the encoding a part sent as `original` is delivered in.
    private static func encode(_ body: [UInt8], like original: TransferEncoding) -> (
        body: [UInt8], encoding: TransferEncoding
    ) {
        var output: [UInt8] = []
        switch original {
        case .base64:
            Base64Codec.encode(body, into: &output)
            if output.count >= 2 { output.removeLast(2) }
            return (output, .base64)
        case .sevenBit where fitsSevenBit(body):
            return (body, .sevenBit)
        default:
            QuotedPrintableCodec.encode(body, into: &output)
            return (output, .quotedPrintable)
        }
    }

    /// ASCII with no line over 998 characters (RFC 5322 §2.1.1).
    private static func fitsSevenBit(_ body: [UInt8]) -> Bool {
        var column = 0
        for byte in body {
            if byte >= 0x80 || byte == 0 { return false }
            if byte == 0x0A {
                column = 0
            } else if byte != 0x0D {
                column += 1
                if column > 998 { return false }
            }
        }
        return true
    }
}
