/// The pending events of a run, in the order they will happen, and the
/// virtual clock they advance.
///
/// A four-ary min-heap of small ``ScheduledEvent`` values ordered by
/// `(time, sequence)`. Scheduling is O(log n); cancelling is O(1) and lazy: the
/// cancelled event stays in the heap and is discarded when it reaches the front.
///
/// The queue is a value owned by the run loop (``Simulation``); the model
/// receives it `inout` while it handles an event, so that it can schedule
/// successors. Payloads are the model's own enum, never closures.
public struct EventQueue<Payload> {
    @usableFromInline
    var pending: EventHeap<Payload>

    /// Sequences of cancelled events still in the heap.
    @usableFromInline
    var cancelled: Set<UInt64> = []

    @usableFromInline
    var nextSequence: UInt64 = 0

    /// The key of the event taken off last: everything at or before it has
    /// run or been discarded.
    @usableFromInline
    var lastPoppedKey: UInt128 = 0

    @usableFromInline
    var currentTime: SimTime

    @usableFromInline
    var processed: Int = 0

    /// The current instant: the time of the event being handled, or the end
    /// of the last ``Simulation/run(until:)``.
    @inlinable
    public var now: SimTime { currentTime }

    /// Events taken off the queue and handed to the model so far (cancelled
    /// events are not counted).
    @inlinable
    public var processedCount: Int { processed }

    /// Creates an empty queue whose clock reads `now`.
    public init(now: SimTime = .start, minimumCapacity: Int = 0) {
        self.currentTime = now
        self.pending = EventHeap(minimumCapacity: minimumCapacity)
    }

    /// The number of events still to run (cancelled events excluded).
    @inlinable
    public var count: Int { pending.count - cancelled.count }

    /// Whether no event is left to run.
    @inlinable
    public var isEmpty: Bool { count == 0 }

    /// Schedules `payload` to happen at `time`, which must not be in the past.
    ///
    /// Events due at the same instant run in the order they were scheduled.
    @inlinable
    @discardableResult
    public mutating func schedule(_ payload: Payload, at time: SimTime) -> EventHandle {
        precondition(time >= now, "cannot schedule an event in the past (\(time) < \(now))")
        let sequence = nextSequence
        nextSequence &+= 1
        pending.insert(ScheduledEvent(time: time, sequence: sequence, payload: payload))
        return EventHandle(time: time, sequence: sequence)
    }

    /// Schedules `payload` to happen `delay` after now; a negative delay is
    /// treated as zero.
    @inlinable
    @discardableResult
    public mutating func schedule(_ payload: Payload, after delay: SimDuration) -> EventHandle {
        schedule(payload, at: now + max(delay, .zero))
    }

    /// Cancels the event `handle` names, so that it never runs.
    ///
    /// - Returns: `true` if the event was pending and is now cancelled; `false`
    ///   if it had already run or been cancelled.
    @inlinable
    @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool {
        guard handle.sequence < nextSequence else { return false }
        let key = ScheduledEvent(time: handle.time, sequence: handle.sequence, payload: ()).orderKey
        if key <= lastPoppedKey { return false }
        return cancelled.insert(handle.sequence).inserted
    }

    /// The time of the next event to run, if any.
    @inlinable
    public mutating func nextTime() -> SimTime? {
        discardCancelledFront()
        return pending.min?.time
    }

    /// Removes and returns the next event if it is due at or before `limit`,
    /// advancing the clock to its time.
    @inlinable @inline(__always)
    public mutating func popNext(notAfter limit: SimTime = .distantFuture) -> ScheduledEvent<Payload>? {
        discardCancelledFront()
        guard let first = pending.min, first.time <= limit else { return nil }
        let event = pending.removeMin()
        lastPoppedKey = event.orderKey
        currentTime = event.time
        processed += 1
        return event
    }

    /// Moves the clock forward to `time` without running anything; events
    /// due before it must already have run.
    @inlinable
    public mutating func advance(to time: SimTime) {
        if time > currentTime { currentTime = time }
    }

    @inlinable @inline(__always)
    mutating func discardCancelledFront() {
        guard !cancelled.isEmpty else { return }
        while let first = pending.min, cancelled.contains(first.sequence) {
            cancelled.remove(first.sequence)
            let event = pending.removeMin()
            lastPoppedKey = event.orderKey
        }
    }
}

extension EventQueue: Sendable where Payload: Sendable {}
