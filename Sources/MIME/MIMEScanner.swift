/// The single pass that finds a message's entities.
///
/// Lines are read once, in order. A stack holds the open entities (the
/// message, an open multipart, its current part, …); a line starting with
/// `--` is compared with the boundaries of the open multiparts through a
/// table keyed by a hash of the boundary, so that the cost per line does not
/// grow with the nesting depth. A delimiter of an enclosing multipart ends
/// every entity inside it (RFC 2046 §5.1.2). Time is linear in the size of
/// the message; memory is the entities and header fields found, within
/// ``MIMELimits``. Nothing recurses, so no input can exhaust the stack.
struct MIMEScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let limits: MIMELimits
    private(set) var fields: [HeaderField] = []
    private(set) var parts: [MIMEPart] = []

    private enum Phase {
        /// Reading the entity's header lines.
        case header
        /// A leaf's or an encapsulated message's body.
        case body
        /// A multipart before its first delimiter.
        case preamble
        /// A multipart without a boundary parameter, before its first `--` line.
        case awaitingBoundary
        /// A multipart between delimiters (a part is open above it).
        case parts
        /// A multipart after its close delimiter.
        case epilogue
    }

    private struct Frame {
        var part: Int
        var phase: Phase
        var boundary: [UInt8] = []
        var boundaryKey: UInt64 = 0
        var registered = false
        var preamble: Range<Int> = 0..<0
        var epilogueStart = 0
    }

    private var stack: [Frame] = []
    /// Open boundaries: hash → stack positions, innermost last.
    private var open: [UInt64: [Int]] = [:]
    /// How many open boundaries have each length.
    private var openLengths: [Int: Int] = [:]
    private var openCount = 0
    /// Whether a continuation line extends the last header field.
    private var fieldOpen = false
    /// Work done, in bytes examined, lines read and entities closed: tests
    /// check it stays within a constant times the message's size.
    private(set) var steps = 0

    init(bytes: UnsafeBufferPointer<UInt8>, limits: MIMELimits) {
        self.bytes = bytes
        self.limits = limits
    }

    mutating func run() throws(MIMEError) {
        try beginEntity(parent: nil, at: 0)
        let count = bytes.count
        var position = 0
        while position < count {
            let phase = stack[stack.count - 1].phase
            if openCount == 0 && phase != .header && phase != .awaitingBoundary { break }
            var lineEnd = position
            while lineEnd < count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            steps += lineEnd - position + 1
            var contentEnd = lineEnd
            if contentEnd > position && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let next = lineEnd < count ? lineEnd + 1 : count
            if contentEnd - position >= 2 && bytes[position] == 0x2D && bytes[position + 1] == 0x2D {
                if openCount > 0, let (frame, closing) = matchDelimiter(position + 2, contentEnd) {
                    try delimiter(frame: frame, closing: closing, lineStart: position, next: next)
                    position = next
                    continue
                }
                if phase == .awaitingBoundary && !isDashRule(position, contentEnd) {
                    // JavaMail's rule for a multipart without a boundary
                    // parameter: the first line starting with `--` gives it
                    // (a line of five or more dashes only is preamble text).
                    let top = stack.count - 1
                    stack[top].boundary = Array(bytes[(position + 2)..<trimmedEnd(position + 2, contentEnd)])
                    register(top)
                    stack[top].phase = .preamble
                    try delimiter(frame: top, closing: false, lineStart: position, next: next)
                    position = next
                    continue
                }
            }
            if phase == .header {
                if contentEnd == position {
                    try endHeader(bodyStart: next)
                } else {
                    try headerLine(position, contentEnd)
                }
            }
            position = next
        }
        try close(downTo: 0, at: count)
    }

    // MARK: - Entities

    private mutating func beginEntity(parent: Int?, at start: Int) throws(MIMEError) {
        guard parts.count < limits.maximumParts else { throw .tooManyParts(limit: limits.maximumParts) }
        var mediaType = MediaType.textPlain
        var depth = 0
        if let parent {
            depth = parts[parent].depth + 1
            if parts[parent].mediaType.essence == "multipart/digest" { mediaType = .messageRFC822 }
        }
        parts.append(
            MIMEPart(
                parent: parent, depth: depth, fields: fields.count..<fields.count, start: start,
                bodyStart: start, end: start, mediaType: mediaType, transferEncoding: .sevenBit,
                disposition: nil, structure: .leaf))
        stack.append(Frame(part: parts.count - 1, phase: .header))
        fieldOpen = false
    }

    private mutating func headerLine(_ start: Int, _ end: Int) throws(MIMEError) {
        let part = stack[stack.count - 1].part
        if bytes[start] == 0x20 || bytes[start] == 0x09 {
            // A folded continuation of the last field.
            if fieldOpen {
                fields[fields.count - 1].range = fields[fields.count - 1].range.lowerBound..<end
                fields[fields.count - 1].valueRange = fields[fields.count - 1].valueRange.lowerBound..<end
            }
            return
        }
        var colon = start
        while colon < end && bytes[colon] != UInt8(ascii: ":") { colon += 1 }
        steps += colon - start
        let nameEnd = trimmedEnd(start, colon)
        guard colon < end, nameEnd > start,
            bytes[start..<nameEnd].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else {
            // Not a header field: skipped (readers differ; skipping loses nothing SES reads).
            fieldOpen = false
            return
        }
        guard fields.count < limits.maximumHeaderFields else {
            throw .tooManyHeaderFields(limit: limits.maximumHeaderFields)
        }
        fields.append(
            HeaderField(
                name: String(decoding: bytes[start..<nameEnd], as: UTF8.self), range: start..<end,
                valueRange: (colon + 1)..<end))
        parts[part].fields = parts[part].fields.lowerBound..<fields.count
        fieldOpen = true
    }

    /// The blank line after the top entity's header: its body begins.
    private mutating func endHeader(bodyStart: Int) throws(MIMEError) {
        let top = stack.count - 1
        let part = stack[top].part
        parts[part].bodyStart = bodyStart
        resolveContentFields(part)
        let mediaType = parts[part].mediaType
        if mediaType.isMultipart {
            let boundary = Array((mediaType.parameter("boundary") ?? "").utf8)
            parts[part].structure = .multipart(
                boundary: "", preamble: bodyStart..<bodyStart, epilogue: nil, isClosed: false)
            if boundary.isEmpty {
                stack[top].phase = .awaitingBoundary
            } else {
                stack[top].boundary = boundary
                register(top)
                stack[top].phase = .preamble
            }
        } else if mediaType.isEncapsulatedMessage && isIdentityEncoding(parts[part].transferEncoding) {
            parts[part].structure = .encapsulatedMessage
            stack[top].phase = .body
            try beginEntity(parent: part, at: bodyStart)
        } else {
            stack[top].phase = .body
        }
    }

    /// A delimiter line of the multipart at stack position `frame`: the
    /// entities inside it end, then a part begins or the multipart closes.
    private mutating func delimiter(frame: Int, closing: Bool, lineStart: Int, next: Int) throws(MIMEError) {
        var end = lineStart
        if end > 0 && bytes[end - 1] == 0x0A {
            end -= 1
            if end > 0 && bytes[end - 1] == 0x0D { end -= 1 }
        }
        try close(downTo: frame + 1, at: end)
        if closing && stack[frame].phase == .preamble {
            // A close delimiter before any part: JavaMail's empty multipart,
            // which it refuses as it refuses one with no delimiter at all.
            throw .missingStartBoundary(part: stack[frame].part)
        }
        if stack[frame].phase == .preamble {
            let bodyStart = parts[stack[frame].part].bodyStart
            stack[frame].preamble = bodyStart..<max(bodyStart, end)
        }
        if closing {
            unregister(frame)
            stack[frame].phase = .epilogue
            stack[frame].epilogueStart = next
        } else {
            stack[frame].phase = .parts
            try beginEntity(parent: stack[frame].part, at: next)
        }
    }

    /// Ends every entity above stack position `target` at `end`.
    private mutating func close(downTo target: Int, at end: Int) throws(MIMEError) {
        while stack.count > target {
            let position = stack.count - 1
            let frame = stack[position]
            let part = frame.part
            if frame.registered { unregister(position) }
            steps += 1
            switch frame.phase {
            case .header:
                parts[part].bodyStart = max(parts[part].start, end)
                resolveContentFields(part)
                if parts[part].mediaType.isMultipart { throw .missingStartBoundary(part: part) }
            case .preamble, .awaitingBoundary:
                throw .missingStartBoundary(part: part)
            case .parts, .epilogue:
                let closed = frame.phase == .epilogue
                parts[part].structure = .multipart(
                    boundary: String(decoding: frame.boundary, as: UTF8.self), preamble: frame.preamble,
                    epilogue: closed ? frame.epilogueStart..<max(frame.epilogueStart, end) : nil,
                    isClosed: closed)
            case .body:
                break
            }
            parts[part].end = max(parts[part].bodyStart, end)
            stack.removeLast()
        }
    }

    private mutating func resolveContentFields(_ part: Int) {
        for index in parts[part].fields.reversed() {
            let field = fields[index]
            if field.hasName("Content-Type") {
                if let type = MediaType(parsing: value(field)) { parts[part].mediaType = type }
            } else if field.hasName("Content-Transfer-Encoding") {
                parts[part].transferEncoding = TransferEncoding(parsing: value(field))
            } else if field.hasName("Content-Disposition") {
                parts[part].disposition = ContentDisposition(parsing: value(field))
            }
        }
    }

    private func value(_ field: HeaderField) -> [UInt8] {
        MIMEMessage.unfold(bytes, field.valueRange)
    }

    private func isIdentityEncoding(_ encoding: TransferEncoding) -> Bool {
        encoding == .sevenBit || encoding == .eightBit || encoding == .binary
    }

    // MARK: - Boundaries

    /// Whether the line is more than four dashes and nothing else (trailing
    /// spaces aside), which JavaMail does not take for a boundary.
    private func isDashRule(_ start: Int, _ end: Int) -> Bool {
        let end = trimmedEnd(start, end)
        guard end - start > 4 else { return false }
        return bytes[start..<end].allSatisfy { $0 == 0x2D }
    }

    private func trimmedEnd(_ start: Int, _ end: Int) -> Int {
        var end = end
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        return end
    }

    /// The open multipart whose delimiter `--` + `bytes[start..<end]` is, and
    /// whether it is the close delimiter; the innermost when several match.
    private mutating func matchDelimiter(_ start: Int, _ end: Int) -> (Int, Bool)? {
        let end = trimmedEnd(start, end)
        let opening = lookup(start, end)
        var closing: Int?
        if end - start >= 2 && bytes[end - 1] == 0x2D && bytes[end - 2] == 0x2D {
            closing = lookup(start, end - 2)
        }
        switch (opening, closing) {
        case (nil, nil): return nil
        case (let frame?, nil): return (frame, false)
        case (nil, let frame?): return (frame, true)
        case (let open?, let close?): return open > close ? (open, false) : (close, true)
        }
    }

    private mutating func lookup(_ start: Int, _ end: Int) -> Int? {
        steps += 1
        guard openLengths[end - start, default: 0] > 0,
            let frames = open[Self.key(UnsafeBufferPointer(rebasing: bytes[start..<end]))]
        else { return nil }
        steps += 2 * (end - start)
        for frame in frames.reversed() {
            steps += 1
            if stack[frame].boundary.elementsEqual(bytes[start..<end]) { return frame }
        }
        return nil
    }

    private mutating func register(_ frame: Int) {
        let key = stack[frame].boundary.withUnsafeBufferPointer { Self.key($0) }
        stack[frame].boundaryKey = key
        stack[frame].registered = true
        open[key, default: []].append(frame)
        openLengths[stack[frame].boundary.count, default: 0] += 1
        openCount += 1
    }

    private mutating func unregister(_ frame: Int) {
        guard stack[frame].registered else { return }
        stack[frame].registered = false
        let key = stack[frame].boundaryKey
        if var frames = open[key], let index = frames.lastIndex(of: frame) {
            frames.remove(at: index)
            open[key] = frames.isEmpty ? nil : frames
        }
        openLengths[stack[frame].boundary.count, default: 0] -= 1
        openCount -= 1
    }

    /// FNV-1a: a stable hash of a boundary's bytes.
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
