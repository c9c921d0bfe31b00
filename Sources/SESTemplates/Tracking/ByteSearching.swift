#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(ucrt)
    import ucrt
#endif

/// Byte-level searching for tracking.
extension UnsafeBufferPointer where Element == UInt8 {
    /// The index of the first `byte` in `start..<end` (to the end by default), or `end`
    /// if there is none.
    @inline(__always)
    func position(of byte: UInt8, from start: Int, to end: Int? = nil) -> Int {
        let end = end ?? count
        guard start < end, let base = baseAddress else { return end }
        guard let found = memchr(base + start, Int32(byte), end - start) else { return end }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// Whether the bytes at `offset` spell `text`.
    @inline(__always)
    func hasBytes(_ text: StaticString, at offset: Int) -> Bool {
        let length = text.utf8CodeUnitCount
        guard offset + length <= count, let base = baseAddress else { return false }
        return memcmp(base + offset, text.utf8Start, length) == 0
    }
}
