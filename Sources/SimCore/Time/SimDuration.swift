/// A span of simulated time, counted in whole microseconds.
///
/// Durations are exact integers so that adding and comparing them never
/// rounds: two runs of the same scenario schedule every event at the same
/// instant on every machine. A duration may be negative when it is the
/// difference of two instants, but scenario text only ever spells out
/// non-negative ones.
@frozen
public struct SimDuration: Hashable, Comparable, Sendable {
    /// The length of the duration in microseconds.
    public var microseconds: Int64

    /// Creates a duration of exactly `microseconds` microseconds.
    @inlinable
    public init(microseconds: Int64) {
        self.microseconds = microseconds
    }

    /// The empty duration.
    @inlinable
    public static var zero: SimDuration { SimDuration(microseconds: 0) }

    @inlinable
    public static func < (lhs: SimDuration, rhs: SimDuration) -> Bool {
        lhs.microseconds < rhs.microseconds
    }
}

extension SimDuration {
    /// Microseconds in one millisecond.
    @inlinable
    public static var microsecondsPerMillisecond: Int64 { 1_000 }
    /// Microseconds in one second.
    @inlinable
    public static var microsecondsPerSecond: Int64 { 1_000_000 }
    /// Microseconds in one minute.
    @inlinable
    public static var microsecondsPerMinute: Int64 { 60_000_000 }
    /// Microseconds in one hour.
    @inlinable
    public static var microsecondsPerHour: Int64 { 3_600_000_000 }
    /// Microseconds in one day of 24 hours.
    @inlinable
    public static var microsecondsPerDay: Int64 { 86_400_000_000 }

    /// A duration of `count` milliseconds.
    @inlinable
    public static func milliseconds(_ count: Int64) -> SimDuration {
        SimDuration(microseconds: count * microsecondsPerMillisecond)
    }

    /// A duration of `count` seconds.
    @inlinable
    public static func seconds(_ count: Int64) -> SimDuration {
        SimDuration(microseconds: count * microsecondsPerSecond)
    }

    /// A duration of `count` minutes.
    @inlinable
    public static func minutes(_ count: Int64) -> SimDuration {
        SimDuration(microseconds: count * microsecondsPerMinute)
    }

    /// A duration of `count` hours.
    @inlinable
    public static func hours(_ count: Int64) -> SimDuration {
        SimDuration(microseconds: count * microsecondsPerHour)
    }

    /// A duration of `count` days of 24 hours.
    @inlinable
    public static func days(_ count: Int64) -> SimDuration {
        SimDuration(microseconds: count * microsecondsPerDay)
    }

    /// The duration nearest to `seconds` seconds, rounded to the microsecond.
    ///
    /// Use this to turn a sampled delay (a `Double`) into schedulable time;
    /// negative and non-finite inputs are clamped to zero, and very large ones
    /// to the longest representable duration, so a sampler's extreme tail can
    /// never crash a run.
    @inlinable
    public init(seconds: Double) {
        let scaled = (seconds * 1_000_000).rounded()
        if !(scaled > 0) {
            self.microseconds = 0
        } else if scaled >= 9.2e18 {
            self.microseconds = Int64(9.2e18)
        } else {
            self.microseconds = Int64(scaled)
        }
    }

    /// The duration in seconds, as a floating-point number.
    @inlinable
    public var seconds: Double {
        Double(microseconds) / 1_000_000
    }

    @inlinable
    public static func + (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
        SimDuration(microseconds: lhs.microseconds + rhs.microseconds)
    }

    @inlinable
    public static func - (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
        SimDuration(microseconds: lhs.microseconds - rhs.microseconds)
    }

    @inlinable
    public static func += (lhs: inout SimDuration, rhs: SimDuration) {
        lhs.microseconds += rhs.microseconds
    }

    @inlinable
    public static func * (lhs: SimDuration, rhs: Int64) -> SimDuration {
        SimDuration(microseconds: lhs.microseconds * rhs)
    }

    @inlinable
    public static prefix func - (operand: SimDuration) -> SimDuration {
        SimDuration(microseconds: -operand.microseconds)
    }
}
