extension Array where Element == UInt8 {
    /// Whether the bytes at `offset` spell `text`.
    func hasBytes(_ text: StaticString, at offset: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard offset >= 0, offset + count <= self.count else { return false }
        let bytes = text.utf8Start
        for k in 0..<count where self[offset + k] != bytes[k] { return false }
        return true
    }
}
