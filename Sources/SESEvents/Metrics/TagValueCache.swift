/// Remembers, for recently seen message-tag arrays, the interned values a
/// configuration set's message-tag dimensions took from them, so that the
/// fan-out path does not look up and intern the same strings again.
///
/// Senders usually share one tags array between all the messages of a
/// traffic client (its message tags and auto-tags do not change per
/// message); an array is recognised by the address of its storage. Each
/// entry keeps its array alive, so the address cannot be reused by another
/// array while the entry exists, and a kept array cannot change (a write to
/// a shared array copies it first). A hit therefore gives exactly what
/// resolving the tags again would: the cache changes speed, never output.
///
/// An entry also remembers, per CloudWatch destination of the set whose
/// dimensions are all message tags and per event type, which table entry
/// the last event counted into, stamped with the metrics generation (bumped
/// whenever the tables are written and cleared) and the period: a later
/// event with the same stamp adds one to that entry without hashing.
struct TagValueCache {
    /// A power of two: the entries are direct-mapped by address.
    static let entryCount = 4096
    static let entryShift: UInt64 = 64 - 12

    private let slotCount: Int
    /// The arrays, by entry (nil for an empty entry).
    private var arrays: [[NameValue]?]
    private var addresses: [UInt]
    /// `values[entry * slotCount + k]` for the set's slot `k`.
    private var values: [UInt32]
    private let aggregatorCount: Int
    /// `stamps[(entry * aggregatorCount + aggregator) * 10 + type]`: the
    /// generation (high half) and period (low half) of `tableEntries`' value.
    private var stamps: [UInt64]
    private var tableEntries: [Int32]

    init(slotCount: Int, aggregatorCount: Int) {
        self.slotCount = slotCount
        self.aggregatorCount = aggregatorCount
        arrays = Array(repeating: nil, count: Self.entryCount)
        addresses = Array(repeating: 0, count: Self.entryCount)
        values = Array(repeating: 0, count: Self.entryCount * slotCount)
        let stampCount = Self.entryCount * aggregatorCount * EventType.allCases.count
        stamps = Array(repeating: .max, count: stampCount)
        tableEntries = Array(repeating: -1, count: stampCount)
    }

    /// The stamp of a table entry counted in `period` of metrics `generation`.
    @inline(__always)
    static func stamp(generation: UInt32, period: UInt32) -> UInt64 {
        UInt64(generation) << 32 | UInt64(period)
    }

    /// The table entry aggregator `aggregator` (of the set) last counted an
    /// event of `type` into for cache entry `entry`, if its stamp is `stamp`.
    @inline(__always)
    func tableEntry(_ entry: Int, aggregator: Int, type: EventType, stamp: UInt64) -> Int? {
        let index = (entry &* aggregatorCount &+ aggregator) &* 10 &+ type.rawValue
        return stamps[index] == stamp ? Int(tableEntries[index]) : nil
    }

    /// Remembers `tableEntry` for cache entry `entry`, aggregator and type.
    @inline(__always)
    mutating func setTableEntry(
        _ tableEntry: Int, _ entry: Int, aggregator: Int, type: EventType, stamp: UInt64
    ) {
        let index = (entry &* aggregatorCount &+ aggregator) &* 10 &+ type.rawValue
        stamps[index] = stamp
        tableEntries[index] = Int32(tableEntry)
    }

    @inline(__always)
    static func address(of tags: [NameValue]) -> UInt {
        tags.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    }

    @inline(__always)
    static func entry(for address: UInt) -> Int {
        Int(truncatingIfNeeded: (UInt64(address >> 4) &* 0x9E37_79B9_7F4A_7C15) >> entryShift)
    }

    /// Copies the values cached for `tags` into `slotValues[start...]` and
    /// returns the cache entry, or returns nil when `tags` is not cached.
    @inline(__always)
    func load(_ tags: [NameValue], into slotValues: inout [UInt32], at start: Int) -> Int? {
        let address = Self.address(of: tags)
        let entry = Self.entry(for: address)
        guard addresses[entry] == address, arrays[entry] != nil else { return nil }
        for slot in 0..<slotCount { slotValues[start + slot] = values[entry * slotCount + slot] }
        return entry
    }

    /// Caches `slotValues[start...]` as the values resolved from `tags`,
    /// returning the cache entry used.
    mutating func store(_ tags: [NameValue], from slotValues: [UInt32], at start: Int) -> Int {
        let address = Self.address(of: tags)
        let entry = Self.entry(for: address)
        arrays[entry] = tags
        addresses[entry] = address
        for slot in 0..<slotCount { values[entry * slotCount + slot] = slotValues[start + slot] }
        let first = entry * aggregatorCount * 10
        for index in first..<(first + aggregatorCount * 10) { stamps[index] = .max }
        return entry
    }
}
