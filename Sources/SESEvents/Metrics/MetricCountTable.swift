/// Counts per ``MetricKey``: an open-addressing hash table with linear
/// probing, whose entries stay in insertion order in flat arrays.
///
/// Built for the fan-out hot path: an increment is a hash, a probe or two and
/// a vector comparison, with no allocation once the table has grown to the
/// run's working set. Iteration order (insertion order) is deterministic, and
/// outputs sort entries anyway.
struct MetricCountTable {
    /// The keys, in insertion order.
    private(set) var keys: [MetricKey] = []
    /// `counts[i]` belongs to `keys[i]`.
    private(set) var counts: [UInt64] = []
    private var hashes: [UInt64] = []
    /// Entry indices, or -1 for an empty slot; the count is a power of two.
    private var slots: [Int32] = Array(repeating: -1, count: 64)

    /// The number of distinct keys.
    var count: Int { keys.count }

    var isEmpty: Bool { keys.isEmpty }

    /// Adds `amount` to `key`'s count, inserting the key at zero if new.
    /// Returns whether the key was new.
    @discardableResult
    mutating func add(_ amount: UInt64, to key: MetricKey) -> Bool {
        let before = keys.count
        return addReturningEntry(amount, to: key) == before
    }

    /// Adds `amount` to `key`'s count, inserting the key if new, and returns
    /// the key's entry index (valid until ``removeAll()``).
    @inline(__always)
    mutating func addReturningEntry(_ amount: UInt64, to key: MetricKey) -> Int {
        let hash = key.tableHash
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[index]
            if entry < 0 { break }
            if hashes[Int(entry)] == hash && keys[Int(entry)] == key {
                counts[Int(entry)] &+= amount
                return Int(entry)
            }
            index = (index + 1) & mask
        }
        let entry = keys.count
        slots[index] = Int32(entry)
        keys.append(key)
        counts.append(amount)
        hashes.append(hash)
        if keys.count * 2 > slots.count { rehash(slotCount: slots.count * 2) }
        return entry
    }

    /// Adds one to the count of entry `entry`.
    @inline(__always)
    mutating func increment(entry: Int) {
        counts[entry] &+= 1
    }

    /// Subtracts one from the count of entry `entry` (taking back an
    /// ``increment(entry:)``).
    @inline(__always)
    mutating func decrement(entry: Int) {
        counts[entry] &-= 1
    }

    /// Forgets every entry, keeping the storage for the next period.
    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        for index in slots.indices { slots[index] = -1 }
    }

    private mutating func rehash(slotCount: Int) {
        var newSlots = [Int32](repeating: -1, count: slotCount)
        let mask = slotCount - 1
        for (entry, hash) in hashes.enumerated() {
            var index = Int(truncatingIfNeeded: hash) & mask
            while newSlots[index] >= 0 { index = (index + 1) & mask }
            newSlots[index] = Int32(entry)
        }
        slots = newSlots
    }
}
