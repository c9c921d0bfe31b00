/// Comparing email header names, which are ASCII and case-insensitive
/// (RFC 5322 §1.2.2), without allocating lowercased copies.
enum HeaderName {
    /// Whether `left` and `right` are equal when ASCII letters are compared
    /// ignoring case; other bytes must match exactly.
    static func equalIgnoringASCIICase(_ left: String, _ right: String) -> Bool {
        if left == right { return true }
        var leftBytes = left.utf8.makeIterator()
        var rightBytes = right.utf8.makeIterator()
        guard left.utf8.count == right.utf8.count else { return false }
        while let leftByte = leftBytes.next(), let rightByte = rightBytes.next() {
            if leftByte != rightByte && lowercased(leftByte) != lowercased(rightByte) { return false }
        }
        return true
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
