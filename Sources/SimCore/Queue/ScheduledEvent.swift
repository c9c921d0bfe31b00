/// One pending event: what happens, when, and its place among events due at
/// the same instant.
///
/// Events order by `(time, sequence)`. The sequence is a counter the queue
/// assigns when the event is scheduled, so events due at the same instant run
/// in the order they were scheduled: the queue's order is total, and a run
/// never depends on how a heap happens to break ties.
@frozen
public struct ScheduledEvent<Payload>: Comparable {
    /// When the event is due.
    public var time: SimTime
    /// The scheduling counter: a tie-breaker, unique within a queue.
    public var sequence: UInt64
    /// What the model should do; a small enum value, not a closure.
    public var payload: Payload

    @inlinable
    public init(time: SimTime, sequence: UInt64, payload: Payload) {
        self.time = time
        self.sequence = sequence
        self.payload = payload
    }

    /// The handle that cancels this event.
    @inlinable
    public var handle: EventHandle {
        EventHandle(time: time, sequence: sequence)
    }

    @inlinable
    public static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        return lhs.sequence < rhs.sequence
    }

    /// Two scheduled events are equal when they are the same scheduling: the
    /// sequence is unique within a queue.
    @inlinable
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.time == rhs.time && lhs.sequence == rhs.sequence
    }
}

extension ScheduledEvent: Sendable where Payload: Sendable {}

/// Names one scheduled event so that it can be cancelled before it runs.
@frozen
public struct EventHandle: Hashable, Sendable {
    /// When the event is due.
    public let time: SimTime
    /// The event's scheduling counter.
    public let sequence: UInt64

    @inlinable
    public init(time: SimTime, sequence: UInt64) {
        self.time = time
        self.sequence = sequence
    }
}
