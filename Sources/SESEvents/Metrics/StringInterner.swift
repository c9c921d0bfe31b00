/// Maps strings to dense integer IDs (0, 1, 2, … in first-seen order) so the
/// metric fast path compares and stores integers, never strings.
///
/// An open-addressing table over a fixed hash of the UTF-8 bytes (no random
/// seed, though the layout never reaches any output: outputs sort by the
/// strings themselves). Looking up a known string allocates nothing.
struct StringInterner {
    /// The strings, indexed by ID.
    private(set) var strings: [String] = []
    private var hashes: [UInt64] = []
    /// `slots[i]` is an ID, or -1 for an empty slot; the count is a power of two.
    private var slots: [Int32] = Array(repeating: -1, count: 64)

    /// The number of distinct strings interned.
    var count: Int { strings.count }

    /// The string with ID `id`.
    subscript(id: UInt32) -> String { strings[Int(id)] }

    /// The ID of `text`, interning it first if it is new.
    mutating func intern(_ text: String) -> UInt32 {
        let hash = Self.hash(text)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[index]
            if id < 0 { break }
            if hashes[Int(id)] == hash && strings[Int(id)] == text { return UInt32(id) }
            index = (index + 1) & mask
        }
        let id = Int32(strings.count)
        strings.append(text)
        hashes.append(hash)
        slots[index] = id
        if strings.count * 2 > slots.count { grow() }
        return UInt32(id)
    }

    /// The ID of `text` if it has been interned.
    func id(of text: String) -> UInt32? {
        let hash = Self.hash(text)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[index]
            if id < 0 { return nil }
            if hashes[Int(id)] == hash && strings[Int(id)] == text { return UInt32(id) }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        var newSlots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = newSlots.count - 1
        for (id, hash) in hashes.enumerated() {
            var index = Int(truncatingIfNeeded: hash) & mask
            while newSlots[index] >= 0 { index = (index + 1) & mask }
            newSlots[index] = Int32(id)
        }
        slots = newSlots
    }

    /// A fixed 64-bit hash of `text`'s UTF-8 bytes, eight bytes at a time.
    static func hash(_ text: String) -> UInt64 {
        if let hash = text.utf8.withContiguousStorageIfAvailable(hash(bytes:)) { return hash }
        var contiguous = text
        contiguous.makeContiguousUTF8()
        return contiguous.utf8.withContiguousStorageIfAvailable(hash(bytes:))!
    }

    static func hash(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return SplitMixFinalizer.mix(state) }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        let count = bytes.count
        while offset + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            state = (state ^ word) &* 0xBF58_476D_1CE4_E5B9
            state ^= state >> 29
            offset += 8
        }
        if offset < count {
            var word: UInt64 = 0
            if count >= 8 {
                // The last eight bytes, overlapping the words already mixed.
                word = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            } else {
                var shift: UInt64 = 0
                while offset < count {
                    word |= UInt64(bytes[offset]) << shift
                    shift += 8
                    offset += 1
                }
            }
            state = (state ^ word) &* 0x94D0_49BB_1331_11EB
        }
        return SplitMixFinalizer.mix(state)
    }
}

/// SplitMix64's output mixer: spreads every input bit over the result.
enum SplitMixFinalizer {
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
