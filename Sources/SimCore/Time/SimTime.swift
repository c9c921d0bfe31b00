/// An instant on a run's virtual clock: whole microseconds since the
/// scenario's `start`.
///
/// Model code never reads the wall clock; it only ever sees `SimTime`. To turn
/// an instant into a calendar timestamp, ask the run's ``SimCalendar``.
@frozen
public struct SimTime: Hashable, Comparable, Sendable {
    /// Microseconds since the scenario's start.
    public var microsecondsSinceStart: Int64

    /// Creates the instant `microsecondsSinceStart` microseconds after the start.
    @inlinable
    public init(microsecondsSinceStart: Int64) {
        self.microsecondsSinceStart = microsecondsSinceStart
    }

    /// The scenario's start.
    @inlinable
    public static var start: SimTime { SimTime(microsecondsSinceStart: 0) }

    /// An instant later than any a run can reach; useful as "never".
    @inlinable
    public static var distantFuture: SimTime { SimTime(microsecondsSinceStart: .max) }

    /// The time elapsed since the scenario's start.
    @inlinable
    public var sinceStart: SimDuration {
        SimDuration(microseconds: microsecondsSinceStart)
    }

    @inlinable
    public static func < (lhs: SimTime, rhs: SimTime) -> Bool {
        lhs.microsecondsSinceStart < rhs.microsecondsSinceStart
    }

    @inlinable
    public static func + (lhs: SimTime, rhs: SimDuration) -> SimTime {
        SimTime(microsecondsSinceStart: lhs.microsecondsSinceStart &+ rhs.microseconds)
    }

    @inlinable
    public static func - (lhs: SimTime, rhs: SimDuration) -> SimTime {
        SimTime(microsecondsSinceStart: lhs.microsecondsSinceStart &- rhs.microseconds)
    }

    @inlinable
    public static func - (lhs: SimTime, rhs: SimTime) -> SimDuration {
        SimDuration(microseconds: lhs.microsecondsSinceStart - rhs.microsecondsSinceStart)
    }

    @inlinable
    public static func += (lhs: inout SimTime, rhs: SimDuration) {
        lhs.microsecondsSinceStart &+= rhs.microseconds
    }
}
