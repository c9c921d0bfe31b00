/// The identity of one metric data point in the aggregation tables: a small
/// fixed-size value of integers, compared and hashed as six machine words.
///
/// Lane 0 is the period index (or 0 where periods do not matter), lane 1 the
/// event type, lanes 2… the interned dimension values in the destination's
/// dimension order (CloudWatch destinations have at most 10 dimensions).
@frozen
public struct MetricKey: Hashable, Sendable {
    /// Twelve 32-bit lanes, two per word, the lower lane in the low half.
    @usableFromInline
    var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// The first lane holding a dimension value.
    public static let firstValueLane = 2

    @inlinable
    public init(period: UInt32, type: EventType) {
        words = (UInt64(period) | UInt64(type.rawValue) << 32, 0, 0, 0, 0, 0)
    }

    /// The period index.
    @inlinable
    public var period: UInt32 {
        get { UInt32(truncatingIfNeeded: words.0) }
        set { words.0 = words.0 & 0xFFFF_FFFF_0000_0000 | UInt64(newValue) }
    }

    /// The event type.
    @inlinable
    public var type: EventType { EventType(rawValue: Int(words.0 >> 32))! }

    /// Sets the type lane to zero (to compare keys regardless of type).
    @inlinable
    mutating func clearType() { words.0 &= 0xFFFF_FFFF }

    /// The interned value of dimension `index` (0–9).
    @inlinable
    public subscript(dimension index: Int) -> UInt32 {
        get {
            withUnsafeBytes(of: words) {
                $0.load(fromByteOffset: (Self.firstValueLane + index) * 4, as: UInt32.self)
            }
        }
        set {
            withUnsafeMutableBytes(of: &words) {
                $0.storeBytes(of: newValue, toByteOffset: (Self.firstValueLane + index) * 4, as: UInt32.self)
            }
        }
    }

    @inlinable
    public static func == (lhs: MetricKey, rhs: MetricKey) -> Bool {
        let a = lhs.words
        let b = rhs.words
        return (a.0 ^ b.0) | (a.1 ^ b.1) | (a.2 ^ b.2) | (a.3 ^ b.3) | (a.4 ^ b.4) | (a.5 ^ b.5) == 0
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(tableHash)
    }

    /// A fixed 64-bit hash of the lanes.
    @inlinable
    public var tableHash: UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var state = (words.0 ^ 0x243F_6A88_85A3_08D3) &* multiplier
        state = (state ^ (state >> 29) ^ words.1) &* multiplier
        state = (state ^ (state >> 29) ^ words.2) &* multiplier
        state = (state ^ (state >> 29) ^ words.3) &* multiplier
        state = (state ^ (state >> 29) ^ words.4) &* multiplier
        state = (state ^ (state >> 29) ^ words.5) &* multiplier
        return state ^ (state >> 32)
    }
}
