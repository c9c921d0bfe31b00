import SESEvents
import SESModel
import ScenarioFormat
import SimCore
import SimJSON

/// A scenario's account and clients as a steppable simulation that outside
/// callers drive: `sesim run` advances it to the end; `sesim serve` moves it
/// as a test says and makes its clients' calls in between.
///
/// Built from a loaded ``Scenario``, it starts at the scenario's start with
/// the scenario's clients, actions and the account's own periodic work
/// scheduled. ``advance(to:)`` runs every event due; ``call(_:at:)`` performs
/// one SES API call from outside; subscribers receive every published event
/// and reputation sample as it happens; ``summary()`` reads the state at any
/// instant; ``finish()`` ends the run and closes the outputs.
///
/// The same scenario with the same calls and clock moves, in the same order,
/// gives the same events and the same digest, whichever driver makes them.
///
/// A class: one engine owns its outputs and subscribers, and every driver
/// holds the same one. Use it from one thread (or one actor) at a time.
public final class SimulationEngine {
    /// The scenario being simulated.
    public let scenario: Scenario
    private var simulation: Simulation<RunModel>
    private var finished: RunResult?

    /// A simulation of `scenario`. `makeSink` gives the sink of each output
    /// the configuration sets' destinations write (Firehose streams, SNS
    /// topics, EventBridge buses, `metrics.jsonl`); by default records are
    /// serialised and discarded; it is kept, for outputs that configuration
    /// sets created during the run name. `checksInvariants` checks the
    /// pipeline's accounting after every event and stops the process when it
    /// breaks. `recordsMessages` has every message's acceptance and
    /// delivered content reach the subscribers (``SimulationSubscriber/receive(_:)-(MessageRecord)``).
    public init(
        scenario: Scenario,
        makeSink: @escaping (RecordOutput) throws -> any RecordSink = { _ in DiscardingRecordSink() },
        checksInvariants: Bool = true, recordsMessages: Bool = false
    ) throws {
        self.scenario = scenario
        var simulation = Simulation(
            model: try RunModel(
                scenario: scenario, makeSink: makeSink, checksInvariants: checksInvariants,
                recordsMessages: recordsMessages))
        for (event, time) in simulation.model.initialEvents() {
            simulation.schedule(event, at: time)
        }
        self.simulation = simulation
    }

    /// Adds `subscriber`, which receives everything published from now on,
    /// after the subscribers added before it.
    public func subscribe(_ subscriber: any SimulationSubscriber) {
        precondition(finished == nil, "subscribe after finish")
        simulation.model.subscribers.append(subscriber)
    }

    /// The current virtual instant.
    public var now: SimTime { simulation.now }

    /// The scenario's end: the clock cannot pass it.
    public var end: SimTime { scenario.end }

    /// Events handled so far.
    public var eventsProcessed: Int { simulation.processedCount }

    /// When the next pending event is due, if any.
    public func nextEventTime() -> SimTime? { simulation.queue.nextTime() }

    /// Runs every event due at or before `time`, in order; the clock then
    /// reads `time`. `time` must not be before ``now`` nor after ``end``.
    public func advance(to time: SimTime) {
        precondition(finished == nil, "advance after finish")
        precondition(time >= now, "the clock cannot move backwards (\(time) < \(now))")
        precondition(time <= end, "the clock cannot pass the scenario's end")
        simulation.run(until: time)
    }

    /// Runs at most `limit` events due at or before `time`, for a driver that
    /// reports progress between batches.
    ///
    /// - Returns: whether every event due by `time` has run; the clock then
    ///   reads `time`, otherwise it stays at the last event run.
    public func advance(to time: SimTime, eventLimit limit: Int) -> Bool {
        precondition(finished == nil, "advance after finish")
        precondition(time >= now && time <= end, "advance within the run, forwards only")
        simulation.run(until: time, eventLimit: limit)
        guard let next = simulation.queue.nextTime(), next <= time else {
            simulation.queue.advance(to: time)
            return true
        }
        return false
    }

    /// Performs one SES API call from a caller outside the scenario's
    /// clients, at `time` (the clock first advances to it), and returns
    /// exactly what the account returned. It counts in the API statistics
    /// as a client's call does.
    public func call(_ request: SESRequest, at time: SimTime) throws(SESError) -> SESResponse {
        advance(to: time)
        return try call(request)
    }

    /// Performs one SES API call from outside at the current instant.
    public func call(_ request: SESRequest) throws(SESError) -> SESResponse {
        precondition(finished == nil, "call after finish")
        return try simulation.withModelAndQueue { model, queue in
            model.call(request, queue: &queue)
        }.get()
    }

    /// What `summary.json` would hold now (without the expectations'
    /// verdicts, which the driver adds).
    public func summary() -> JSONValue {
        SummaryBuilder(model: simulation.model, now: now).build()
    }

    /// Ends the run at the scenario's end: runs what is still due, closes the
    /// timeline's last row, writes the last metrics, has every subscriber
    /// close its outputs, and judges the expectations. Call once; later calls
    /// return the same result.
    public func finish() throws -> RunResult {
        try finish(at: end)
    }

    /// Ends the run at `time` (from ``now`` to ``end``) as ``finish()`` does
    /// at the end: for a driver whose run stops when it is told to (`sesim
    /// serve` at shutdown). The summary reads the state at `time`.
    public func finish(at time: SimTime) throws -> RunResult {
        if let finished { return finished }
        precondition(time <= self.end, "finish within the run")
        let end = max(time, now)
        if now < end { advance(to: end) }
        simulation.model.finishTimeline(at: end)
        simulation.model.publisher.finish()
        for subscriber in simulation.model.subscribers {
            try subscriber.finish()
        }
        let model = simulation.model
        var summary = SummaryBuilder(model: model, now: end, end: end).build()
        let campaigns = model.campaignCompletions
        let verdicts = scenario.expectations.enumerated().map { index, expectation in
            ExpectationEvaluator.evaluate(
                expectation, final: summary, snapshot: model.snapshots[index], campaigns: campaigns)
        }
        if case .object(var members) = summary {
            members["expectations"] = .array(verdicts.map(\.summary))
            members["passed"] = .bool(verdicts.allSatisfy(\.passed))
            members["eventsProcessed"] = .int(simulation.processedCount)
            summary = .object(members)
        }
        // The scenario as it ran: a run ended early lasted until `end`.
        var ran = scenario
        ran.duration = end - .start
        let result = RunResult(
            scenario: ran, summary: summary, expectations: verdicts,
            eventsProcessed: simulation.processedCount,
            dedicatedIPAddresses: simulation.model.service.dedicatedIPs(at: end).map(\.ip),
            timeline: model.timeline.rows)
        finished = result
        return result
    }
}
