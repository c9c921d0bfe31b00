/// The bytes a cache remembers for a part of a record, and the same bytes
/// escaped as a JSON string's body — what the part becomes in an SNS
/// `Message` — made on first use, so that a cache whose records never go to
/// SNS never escapes them.
struct FragmentBytes {
    private var plain: [UInt8] = []
    private var escaped: [UInt8] = []

    /// Remembers the bytes of `buffer` from `start` on, forgetting the last.
    mutating func remember(_ buffer: borrowing OutputBuffer, from start: Int) {
        plain.removeAll(keepingCapacity: true)
        escaped.removeAll(keepingCapacity: true)
        buffer.withUnsafeBytes { written in
            plain.append(contentsOf: UnsafeRawBufferPointer(rebasing: written[start...]))
        }
    }

    /// Appends the remembered bytes. Mutating only so that the bytes are
    /// read in place, without retaining them.
    @inline(__always)
    mutating func append(to buffer: inout OutputBuffer) {
        plain.withUnsafeBytes { buffer.append(bytes: $0) }
    }

    /// Appends the remembered bytes escaped as a JSON string's body.
    @inline(__always)
    mutating func appendEscaped(to buffer: inout OutputBuffer) {
        if escaped.isEmpty && !plain.isEmpty {
            var text = OutputBuffer(capacity: plain.count * 2)
            plain.withUnsafeBytes { JSONBytes.appendEscaped(bytes: $0, to: &text) }
            escaped = text.bytes
        }
        escaped.withUnsafeBytes { buffer.append(bytes: $0) }
    }
}
