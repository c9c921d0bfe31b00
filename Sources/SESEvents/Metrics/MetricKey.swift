/// The identity of one metric data point in the aggregation tables: a small
/// fixed-size value of integers, compared in one vector comparison.
///
/// Lane 0 is the period index (or 0 where periods do not matter), lane 1 the
/// event type, lanes 2… the interned dimension values in the destination's
/// dimension order (CloudWatch destinations have at most 10 dimensions).
@frozen
public struct MetricKey: Hashable, Sendable {
    /// The lanes; unused ones are zero.
    public var lanes: SIMD16<UInt32>

    /// The first lane holding a dimension value.
    public static let firstValueLane = 2

    @inlinable
    public init(period: UInt32, type: EventType) {
        lanes = SIMD16()
        lanes[0] = period
        lanes[1] = UInt32(type.rawValue)
    }

    /// The period index.
    @inlinable
    public var period: UInt32 {
        get { lanes[0] }
        set { lanes[0] = newValue }
    }

    /// The event type.
    @inlinable
    public var type: EventType { EventType(rawValue: Int(lanes[1]))! }

    /// The interned value of dimension `index`.
    @inlinable
    public subscript(dimension index: Int) -> UInt32 {
        get { lanes[Self.firstValueLane + index] }
        set { lanes[Self.firstValueLane + index] = newValue }
    }

    /// A fixed 64-bit hash of the lanes.
    @inlinable
    public var tableHash: UInt64 {
        let words = unsafeBitCast(lanes, to: SIMD8<UInt64>.self)
        var state: UInt64 = 0x243F_6A88_85A3_08D3
        for index in 0..<8 {
            state = (state ^ words[index]) &* 0x9E37_79B9_7F4A_7C15
            state ^= state >> 32
        }
        return state
    }
}
