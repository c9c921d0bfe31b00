import Runner
import SESEvents
import SESModel
import SESSimulation
import ScenarioFormat
import SimCore
import SimJSON

/// The one engine `sesim serve` runs, and the only way to it: calls from
/// every connection are applied one at a time, in arrival order, at the
/// current virtual instant (DESIGN.md §2.2), and the clock moves only
/// through here — by the admin API in manual mode, with the wall clock in
/// real and scaled modes (``tick()``).
///
/// The host also keeps what the admin API reads back: the events as SES
/// publishes them to Firehose and the messages with their delivered content.
public actor EngineHost {
    /// The scenario served.
    public nonisolated let scenario: Scenario
    /// How the clock moves.
    public nonisolated let mode: ClockMode
    private let wallClock: any WallClock
    private let output: OutputDirectory?
    private let hooks: [any EngineHostHook]
    private var engine: SimulationEngine
    private var files: RunOutputFiles?
    private var eventLog: EventLog
    private var messageLog: MessageLog
    private var clock: ScaledClock?
    private var result: RunResult?

    /// A host serving `scenario`, writing its outputs to `output` (when
    /// given) as `sesim run` does, with `hooks` following the engine.
    public init(
        scenario: Scenario, mode: ClockMode = .manual, output: OutputDirectory? = nil,
        wallClock: any WallClock = SystemWallClock(), hooks: [any EngineHostHook] = []
    ) throws {
        self.scenario = scenario
        self.mode = mode
        self.wallClock = wallClock
        self.output = output
        self.hooks = hooks
        let built = try Self.build(scenario: scenario, output: output, hooks: hooks)
        engine = built.engine
        files = built.files
        eventLog = built.eventLog
        messageLog = built.messageLog
        clock = mode.rate.map {
            ScaledClock(rate: $0, start: .start, wallNow: wallClock.nanoseconds(), end: scenario.end)
        }
    }

    private struct Built {
        var engine: SimulationEngine
        var files: RunOutputFiles?
        var eventLog: EventLog
        var messageLog: MessageLog
    }

    private static func build(scenario: Scenario, output: OutputDirectory?, hooks: [any EngineHostHook])
        throws -> Built
    {
        let files = output.map { RunOutputFiles(directory: $0) }
        let engine = try SimulationEngine(
            scenario: scenario,
            makeSink: { recordOutput in
                var sink: any RecordSink = try files?.makeSink(for: recordOutput) ?? DiscardingRecordSink()
                for hook in hooks { sink = hook.sink(for: recordOutput, standard: sink) }
                return sink
            }, recordsMessages: true)
        if let files {
            if scenario.output.events {
                engine.subscribe(
                    EventsFileWriter(
                        serializer: EventRecordSerializer(calendar: scenario.calendar),
                        sink: try files.makeSink(named: "events.jsonl")))
            }
            engine.subscribe(files)
        }
        let eventLog = EventLog(calendar: scenario.calendar)
        let messageLog = MessageLog()
        engine.subscribe(eventLog)
        engine.subscribe(messageLog)
        for hook in hooks { hook.engineDidStart(engine, scenario: scenario) }
        return Built(engine: engine, files: files, eventLog: eventLog, messageLog: messageLog)
    }

    // MARK: - Calls

    /// Performs `request` at the current instant (in real and scaled modes,
    /// the clock first catches up with the wall clock) and returns exactly
    /// what the account returned.
    public func perform(_ request: SESRequest) async -> Result<SESResponse, SESError> {
        if result != nil {
            return .failure(SESError(.invalidParameterValue, "sesim serve is shutting down."))
        }
        await catchUp()
        let outcome: Result<SESResponse, SESError>
        do throws(SESError) {
            outcome = .success(try engine.call(request))
        } catch {
            outcome = .failure(error)
        }
        for hook in hooks { hook.didPerform(request, result: outcome, host: self) }
        return outcome
    }

    // MARK: - The clock

    /// The current virtual instant.
    public var now: SimTime { engine.now }

    /// The current instant as an ISO 8601 timestamp.
    public var nowText: String { scenario.calendar.timestamp(engine.now) }

    /// The current instant as an ISO 8601 timestamp, the clock first caught
    /// up with the wall clock in real and scaled modes.
    public func readClock() async -> String {
        await catchUp()
        return nowText
    }

    /// Moves the clock forward by `seconds`, running every event due.
    ///
    /// - Returns: the new instant.
    public func advance(seconds: Double) async throws(ClockError) -> SimTime {
        guard seconds.isFinite, seconds >= 0 else {
            throw ClockError(.backwards, "seconds must be a number of seconds, zero or more; got \(seconds).")
        }
        let micros = (seconds * 1_000_000).rounded()
        let remaining = Double(scenario.end.microsecondsSinceStart - engine.now.microsecondsSinceStart)
        guard micros <= remaining else { throw pastEnd(requested: nil) }
        return try await move(to: engine.now + SimDuration(microseconds: Int64(micros)))
    }

    /// Moves the clock forward to `time`, running every event due.
    public func set(to time: SimTime) async throws(ClockError) -> SimTime {
        guard time >= engine.now else {
            throw ClockError(
                .backwards,
                "The clock cannot move backwards: it reads \(nowText), and \(scenario.calendar.timestamp(time)) "
                    + "is earlier.")
        }
        guard time <= scenario.end else { throw pastEnd(requested: time) }
        return try await move(to: time)
    }

    private func pastEnd(requested: SimTime?) -> ClockError {
        let end = scenario.calendar.timestamp(scenario.end)
        let asked = requested.map { " (asked for \(scenario.calendar.timestamp($0)))" } ?? ""
        return ClockError(
            .pastEnd, "The clock cannot pass the scenario's end, \(end)\(asked); it reads \(nowText).")
    }

    private func move(to time: SimTime) async throws(ClockError) -> SimTime {
        guard result == nil else { throw ClockError(.finished, "The run has ended.") }
        if var clock {
            // Real and scaled modes: jump ahead, then go on with the wall clock.
            clock.reanchor(at: time, wall: wallClock.nanoseconds())
            self.clock = clock
        }
        engine.advance(to: time)
        for hook in hooks { await hook.clockDidMove(to: time, host: self) }
        return engine.now
    }

    /// In real and scaled modes, runs what became due as wall time passed.
    ///
    /// - Returns: the wall time, in nanoseconds, until the next event is due
    ///   (nil when nothing is pending or the mode is manual).
    @discardableResult
    public func tick() async -> UInt64? {
        guard result == nil, let clock else { return nil }
        await catchUp()
        let wall = wallClock.nanoseconds()
        return engine.nextEventTime().map { clock.wallDelay(until: $0, fromWall: wall) }
    }

    private func catchUp() async {
        guard let clock else { return }
        let target = clock.virtualTime(atWall: wallClock.nanoseconds())
        guard target > engine.now else { return }
        engine.advance(to: target)
        for hook in hooks { await hook.clockDidMove(to: target, host: self) }
    }

    // MARK: - What the admin API reads

    /// What `summary.json` would hold now (without the expectations' verdicts).
    public func summary() async -> JSONValue {
        await catchUp()
        return result?.summary ?? engine.summary()
    }

    /// The published records of `type` and message `messageId` (each when
    /// given), oldest first, as JSON text.
    public func eventRecords(type: String?, messageId: String?) async -> [String] {
        await catchUp()
        return eventLog.records(type: type, messageId: messageId)
    }

    /// Events dropped from the admin API's log because it was full.
    public var droppedEvents: Int { eventLog.dropped }

    /// Up to `limit` messages, oldest first, after message `after`.
    public func messages(limit: Int, after: String?) async -> [JSONValue] {
        await catchUp()
        return messageLog.messages(limit: limit, after: after)
    }

    /// The message `messageId`, if known.
    public func message(_ messageId: String) async -> JSONValue? {
        await catchUp()
        return messageLog.message(messageId)
    }

    /// The output files written so far, in the order they were completed.
    public var completedOutputFiles: [String] { output?.completedFiles ?? [] }

    // MARK: - Reset and the end

    /// Rebuilds the engine from the scenario at its start: the account, the
    /// clock (and in real and scaled modes, its anchor to the wall clock),
    /// the logs and the outputs begun so far (discarded) start over.
    public func reset() async throws {
        guard result == nil else { throw ClockError(.finished, "The run has ended.") }
        output?.discardPartialFiles()
        let built = try Self.build(scenario: scenario, output: output, hooks: hooks)
        engine = built.engine
        files = built.files
        eventLog = built.eventLog
        messageLog = built.messageLog
        if let rate = mode.rate {
            clock = ScaledClock(
                rate: rate, start: .start, wallNow: wallClock.nanoseconds(), end: scenario.end)
        }
        for hook in hooks { await hook.clockDidMove(to: engine.now, host: self) }
    }

    /// Ends the run at the current instant: runs what is due, closes the
    /// outputs, judges the expectations and writes `summary.json`,
    /// `timeline.csv` and `report.html` beside the streamed files (each
    /// renamed into place when complete). Later calls return the same result.
    public func finish() async throws -> RunResult {
        if let result { return result }
        await catchUp()
        let finished: RunResult
        do {
            finished = try engine.finish(at: engine.now)
            if let output { try ScenarioRunner.write(finished, to: output) }
        } catch {
            output?.discardPartialFiles()
            throw error
        }
        result = finished
        return finished
    }
}
