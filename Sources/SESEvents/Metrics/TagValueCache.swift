/// Remembers, for recently seen message-tag arrays, the interned values the
/// message-tag dimensions of a configuration set took from them, so that the
/// fan-out path does not look up and intern the same strings again.
///
/// Senders usually share one tags array between all the messages of a
/// traffic client (its message tags and auto-tags do not change per
/// message); an array is recognised by its storage's identity
/// (``MailObject/tagsIdentity``). Each entry keeps its array alive, so the
/// identity cannot be reused by another array while the entry exists, and a
/// kept array cannot change (a write to a shared array copies it first). A
/// hit therefore gives exactly what resolving the tags again would: the
/// cache changes speed, never output.
///
/// An entry also remembers, per CloudWatch destination of the set whose
/// dimensions are all message tags and per event type, which table entry
/// the last event counted into, stamped with the metrics generation (bumped
/// whenever the tables are written and cleared) and the period: a later
/// event with the same stamp adds one to that entry without hashing.
///
/// One cache serves every configuration set of a publisher: each set owns
/// ``entriesPerSet`` entries, so that the hot path reaches any set's entries
/// through the same few flat arrays. An array may sit in any of the
/// ``probeCount`` entries from its home entry (wrapping within the set), so
/// that a few arrays whose identities hash alike do not evict each other.
struct TagValueCache {
    /// A power of two.
    static let entriesPerSet = 4096
    static let entryShift: UInt64 = 64 - 12
    /// How many entries from its home entry an array may occupy.
    static let probeCount = 4

    /// An entry, and whether it holds the array looked for.
    typealias Place = (entry: Int, found: Bool)

    /// Slots and aggregators per entry: the most any set has.
    private let slotStride: Int
    private let aggregatorStride: Int
    /// The arrays, by entry (nil for an empty entry), kept alive.
    private var arrays: [[NameValue]?]
    /// The arrays' identities, by entry (0 for an empty entry).
    private var identities: [UInt]
    /// `values[entry * slotStride + k]` for the set's slot `k`.
    private var values: [UInt32]
    /// `stamps[(entry * aggregatorStride + aggregator) * 10 + type]`: the
    /// generation (high half) and period (low half) of `tableEntries`' value.
    private var stamps: [UInt64]
    private var tableEntries: [Int32]

    /// A cache for sets with `slotCounts[i]` value slots and
    /// `aggregatorCounts[i]` CloudWatch destinations.
    init(slotCounts: [Int], aggregatorCounts: [Int]) {
        precondition(slotCounts.count == aggregatorCounts.count)
        slotStride = slotCounts.max() ?? 0
        aggregatorStride = aggregatorCounts.max() ?? 0
        let entryCount = Self.entriesPerSet * slotCounts.count
        arrays = Array(repeating: nil, count: entryCount)
        identities = Array(repeating: 0, count: entryCount)
        values = Array(repeating: 0, count: entryCount * slotStride)
        let stampCount = entryCount * aggregatorStride * EventType.allCases.count
        stamps = Array(repeating: .max, count: stampCount)
        tableEntries = Array(repeating: -1, count: stampCount)
    }

    /// The stamp of a table entry counted in `period` of metrics `generation`.
    @inline(__always)
    static func stamp(generation: UInt32, period: UInt32) -> UInt64 {
        UInt64(generation) << 32 | UInt64(period)
    }

    /// The entry of configuration set `set` that holds the tags array with
    /// identity `identity`, or nil when none does.
    @inline(__always)
    func entry(holding identity: UInt, set: Int) -> Int? {
        let place = Self.place(of: identity, from: set &* Self.entriesPerSet, placing: false) {
            identities[$0]
        }
        return place.found ? place.entry : nil
    }

    /// Where the array with identity `identity` is in set `set`'s entries
    /// (`found`), or else the entry to store it in.
    @inline(__always)
    func place(of identity: UInt, set: Int) -> Place {
        Self.place(of: identity, from: set &* Self.entriesPerSet) { identities[$0] }
    }

    /// Where the array with identity `identity` is among the
    /// ``entriesPerSet`` entries from `first`, whose identities
    /// `identityAt` gives (0 for an empty entry): the entry of its probe
    /// window that holds it (`found`), else the window's first empty entry,
    /// else its home entry (which it then replaces). With `placing` false
    /// (a lookup only: the hot path), empty entries are not looked for and a
    /// miss returns the home entry. Shared with ``TagsFragmentCache``, which
    /// places arrays the same way.
    @inline(__always)
    static func place(
        of identity: UInt, from first: Int, placing: Bool = true, identityAt: (Int) -> UInt
    ) -> Place {
        let home = homeEntry(for: identity)
        var empty: Int?
        for probe in 0..<probeCount {
            let entry = first &+ ((home &+ probe) & (entriesPerSet &- 1))
            let held = identityAt(entry)
            if held == identity && identity != 0 { return (entry, true) }
            if placing && held == 0 && empty == nil { empty = entry }
        }
        return (empty ?? first &+ home, false)
    }

    @inline(__always)
    static func homeEntry(for identity: UInt) -> Int {
        Int(truncatingIfNeeded: (UInt64(identity >> 4) &* 0x9E37_79B9_7F4A_7C15) >> entryShift)
    }

    /// The table entry aggregator `aggregator` (of the set) last counted an
    /// event of `type` into for cache entry `entry`, if its stamp is `stamp`.
    @inline(__always)
    func tableEntry(_ entry: Int, aggregator: Int, type: EventType, stamp: UInt64) -> Int? {
        let index = (entry &* aggregatorStride &+ aggregator) &* 10 &+ type.rawValue
        return stamps[index] == stamp ? Int(tableEntries[index]) : nil
    }

    /// Remembers `tableEntry` for cache entry `entry`, aggregator and type.
    @inline(__always)
    mutating func setTableEntry(
        _ tableEntry: Int, _ entry: Int, aggregator: Int, type: EventType, stamp: UInt64
    ) {
        let index = (entry &* aggregatorStride &+ aggregator) &* 10 &+ type.rawValue
        stamps[index] = stamp
        tableEntries[index] = Int32(tableEntry)
    }

    /// Copies the `count` values cached in `entry` into
    /// `slotValues[start..<start + count]`.
    @inline(__always)
    func load(_ entry: Int, count: Int, into slotValues: inout [UInt32], at start: Int) {
        for slot in 0..<count { slotValues[start &+ slot] = values[entry &* slotStride &+ slot] }
    }

    /// Caches `slotValues[start..<start + count]` as the values resolved from
    /// `tags` (whose identity is `identity`) in `entry`, replacing what the
    /// entry held.
    mutating func store(
        _ tags: [NameValue], identity: UInt, in entry: Int, from slotValues: [UInt32], at start: Int,
        count: Int
    ) {
        arrays[entry] = tags
        identities[entry] = identity
        for slot in 0..<count { values[entry * slotStride + slot] = slotValues[start + slot] }
        let first = entry * aggregatorStride * 10
        for index in first..<(first + aggregatorStride * 10) { stamps[index] = .max }
    }
}
