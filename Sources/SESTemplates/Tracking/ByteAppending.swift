/// Byte-level writing for tracking: appending literals and ranges to an output
/// buffer without building Strings.
extension Array where Element == UInt8 {
    /// Appends the bytes of `text`.
    @inline(__always)
    mutating func appendASCII(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends `bytes[range]` in one copy.
    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
    }
}
