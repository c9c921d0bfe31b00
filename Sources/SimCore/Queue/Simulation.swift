/// A model driven by a ``Simulation``: it reacts to its own events and may
/// schedule more.
public protocol SimulationModel {
    /// The model's events: an enum of small payloads.
    associatedtype Event

    /// Handles `event`, due now (`queue.now`), scheduling any successors on `queue`.
    mutating func handle(_ event: Event, queue: inout EventQueue<Event>)
}

/// The run loop: a model and its event queue, advanced one event at a time in
/// `(time, sequence)` order.
///
/// The queue is a stored property, never a captured local, and the loop is a
/// plain `while`: one thread, no closures, no wall clock.
public struct Simulation<Model: SimulationModel> {
    /// The model being run.
    public var model: Model
    /// Its pending events and clock.
    public var queue: EventQueue<Model.Event>

    /// A simulation of `model` starting at `start` with no events pending.
    public init(model: Model, start: SimTime = .start) {
        self.model = model
        self.queue = EventQueue(now: start)
    }

    /// The current instant.
    @inlinable
    public var now: SimTime { queue.now }

    /// Events handled so far.
    @inlinable
    public var processedCount: Int { queue.processedCount }

    /// Schedules `event` at `time`.
    @inlinable
    @discardableResult
    public mutating func schedule(_ event: Model.Event, at time: SimTime) -> EventHandle {
        queue.schedule(event, at: time)
    }

    /// Lends the model and its queue to `body` together: for a call from
    /// outside the run loop that may schedule events.
    @inlinable
    public mutating func withModelAndQueue<Result, Failure: Error>(
        _ body: (inout Model, inout EventQueue<Model.Event>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(&model, &queue)
    }

    /// Runs every event due at or before `end`, in order, then moves the clock
    /// to `end` (unless it is ``SimTime/distantFuture``).
    ///
    /// - Returns: the number of events handled by this call.
    @inlinable
    @discardableResult
    public mutating func run(until end: SimTime) -> Int {
        let before = queue.processedCount
        while let event = queue.popNext(notAfter: end) {
            model.handle(event.payload, queue: &queue)
        }
        if end != .distantFuture { queue.advance(to: end) }
        return queue.processedCount - before
    }

    /// Runs at most `limit` events due at or before `end`; the clock stays at
    /// the last event run. Useful for progress reporting between batches.
    ///
    /// - Returns: the number of events handled by this call.
    @inlinable
    @discardableResult
    public mutating func run(until end: SimTime, eventLimit limit: Int) -> Int {
        var handled = 0
        while handled < limit, let event = queue.popNext(notAfter: end) {
            model.handle(event.payload, queue: &queue)
            handled += 1
        }
        return handled
    }
}

extension Simulation: Sendable where Model: Sendable, Model.Event: Sendable {}
