import MIME
import SESTemplates
import ScenarioFormat
import SimCore

/// Builds a `SendRawEmail` client's messages: the message file's bytes, or
/// its template rendered for the message's recipients, with the client's
/// generated attachments added as parts of a `multipart/mixed` wrapper.
///
/// A file with no attachments is one shared byte array; a file with
/// attachments is wrapped once; only a template is rendered per message.
struct RawMessageComposer: Sendable {
    private enum Body: Sendable {
        case fixed([UInt8])
        case template(CompiledPart)
    }

    private let body: Body
    /// The attachment parts, each from its delimiter line, and the close delimiter.
    private let attachmentParts: [UInt8]
    private let boundary: String
    private var renderer = TemplateRenderer(options: RenderingOptions(rendersMissingValuesAsEmpty: true))

    init(definition: RawMessageDefinition, client: String) {
        boundary = "sesim-mixed-" + String(StableHash.hash("raw-boundary:" + client), radix: 16)
        var parts: [UInt8] = []
        for (index, attachment) in definition.attachments.enumerated() {
            parts.append(contentsOf: Array("--\(boundary)\r\n".utf8))
            parts.append(
                contentsOf: Array(
                    "Content-Type: \(attachment.contentType); name=\"\(attachment.name)\"\r\n".utf8))
            parts.append(
                contentsOf: Array("Content-Disposition: attachment; filename=\"\(attachment.name)\"\r\n".utf8)
            )
            parts.append(contentsOf: Array("Content-Transfer-Encoding: base64\r\n\r\n".utf8))
            Self.appendContent(
                size: attachment.size, key: StableHash.hash("attachment:\(client):\(index)"), to: &parts)
        }
        if !parts.isEmpty { parts.append(contentsOf: Array("--\(boundary)--\r\n".utf8)) }
        attachmentParts = parts
        switch definition.body {
        case .file(_, let bytes):
            body = .fixed(parts.isEmpty ? bytes : Self.wrap(bytes, attachments: parts, boundary: boundary))
        case .template(let source):
            // The loader compiled it already; a failure here cannot happen.
            let part = try? TemplateCompiler.compile(source, partName: "message")
            body = part.map { .template($0) } ?? .fixed(Array(source.utf8))
        }
    }

    /// Whether each message is rendered (and needs its data).
    var rendersPerMessage: Bool {
        if case .template = body { return true }
        return false
    }

    /// The message for recipients described by `data` (a JSON object's
    /// text; unused unless ``rendersPerMessage``).
    mutating func message(data: String) -> [UInt8] {
        switch body {
        case .fixed(let bytes):
            return bytes
        case .template(let part):
            var output: [UInt8] = []
            let parsed = (try? TemplateData(json: data)) ?? TemplateData()
            do throws(TemplateError) {
                try renderer.render(part, data: parsed, appendingTo: &output)
            } catch {
                // Only a runaway template (RenderingLimitExceeded) gets here:
                // the message is sent as far as it rendered.
            }
            return attachmentParts.isEmpty
                ? output : Self.wrap(output, attachments: attachmentParts, boundary: boundary)
        }
    }

    /// `message` with its body as the first part of a `multipart/mixed`
    /// whose other parts are `attachments`: the message's MIME-Version,
    /// Content-Type and Content-Transfer-Encoding fields move to that first part.
    static func wrap(_ message: [UInt8], attachments: [UInt8], boundary: String) -> [UInt8] {
        let (headerEnd, bodyStart) = headerBounds(message)
        var kept: [UInt8] = []
        var moved: [UInt8] = []
        // What happens to the field being copied (its continuation lines follow it).
        enum Fate { case keep, move, drop }
        var fate = Fate.keep
        var lineStart = 0
        while lineStart < headerEnd {
            var lineEnd = lineStart
            while lineEnd < headerEnd && message[lineEnd] != 0x0A { lineEnd += 1 }
            let next = min(lineEnd + 1, headerEnd)
            let line = message[lineStart..<next]
            if let first = line.first, first != 0x20 && first != 0x09 {
                switch name(of: line) {
                case "mime-version": fate = .drop
                case "content-type", "content-transfer-encoding": fate = .move
                default: fate = .keep
                }
            }
            switch fate {
            case .keep: kept.append(contentsOf: line)
            case .move: moved.append(contentsOf: line)
            case .drop: break
            }
            lineStart = next
        }
        if let last = kept.last, last != 0x0A { kept.append(contentsOf: [0x0D, 0x0A]) }
        if let last = moved.last, last != 0x0A { moved.append(contentsOf: [0x0D, 0x0A]) }
        var output = kept
        output.append(
            contentsOf: Array(
                "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"\(boundary)\"\r\n\r\n--\(boundary)\r\n"
                    .utf8))
        output.append(
            contentsOf: moved.isEmpty ? Array("Content-Type: text/plain; charset=utf-8\r\n".utf8) : moved)
        output.append(contentsOf: [0x0D, 0x0A])
        output.append(contentsOf: message[bodyStart...])
        output.append(contentsOf: [0x0D, 0x0A])
        output.append(contentsOf: attachments)
        return output
    }

    private static func name(of line: ArraySlice<UInt8>) -> String {
        String(decoding: line.prefix { $0 != UInt8(ascii: ":") }, as: UTF8.self).lowercased()
    }

    /// Where the header ends (after its last line break) and the body
    /// begins (after the blank line); the whole message is header when it
    /// has no blank line.
    private static func headerBounds(_ message: [UInt8]) -> (Int, Int) {
        var lineStart = 0
        while lineStart < message.count {
            var lineEnd = lineStart
            while lineEnd < message.count && message[lineEnd] != 0x0A { lineEnd += 1 }
            let content = lineEnd > lineStart && message[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
            if content == lineStart { return (lineStart, min(lineEnd + 1, message.count)) }
            lineStart = lineEnd + 1
        }
        return (message.count, message.count)
    }

    /// `size` generated bytes, base64-encoded in 76-column lines: a keyed
    /// SplitMix64 sequence, the same for every run.
    private static func appendContent(size: Int, key: UInt64, to output: inout [UInt8]) {
        var state = key
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        while bytes.count < size {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            for shift in stride(from: 0, to: 64, by: 8) where bytes.count < size {
                bytes.append(UInt8(truncatingIfNeeded: z >> UInt64(shift)))
            }
        }
        Base64Codec.encode(bytes, into: &output)
    }
}
