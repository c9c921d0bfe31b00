import Report
import SESEvents
import SESSimulation
import ScenarioFormat
import SimCore

/// How far a run has got, for a progress line.
public struct RunProgress: Sendable {
    /// The simulated instant reached.
    public var now: SimTime
    /// The run's end.
    public var end: SimTime
    /// Events handled so far.
    public var eventsProcessed: Int

    /// The share of simulated time done, 0 to 1.
    public var fractionDone: Double {
        end.microsecondsSinceStart > 0
            ? Double(now.microsecondsSinceStart) / Double(end.microsecondsSinceStart) : 1
    }
}

/// `sesim run`: drives a ``SimulationEngine`` from the scenario's start to its
/// end and writes the outputs — the streamed record files, then
/// `timeline.csv`, `summary.json` and `report.html`.
public struct ScenarioRunner: Sendable {
    public let scenario: Scenario

    public init(scenario: Scenario) {
        self.scenario = scenario
    }

    /// Runs the scenario to its end, calling `progress` now and then, and
    /// writes the outputs to `output` when given.
    public func run(
        output: OutputDirectory? = nil, progress: ((RunProgress) -> Void)? = nil
    ) throws -> RunResult {
        do {
            return try runAndWrite(output: output, progress: progress)
        } catch {
            output?.discardPartialFiles()
            throw error
        }
    }

    private func runAndWrite(output: OutputDirectory?, progress: ((RunProgress) -> Void)?) throws -> RunResult
    {
        let files = output.map { RunOutputFiles(directory: $0) }
        let engine = try SimulationEngine(
            scenario: scenario,
            makeSink: { recordOutput in
                guard let files else { return DiscardingRecordSink() }
                return try files.makeSink(for: recordOutput)
            })
        if let files {
            if scenario.output.events {
                engine.subscribe(
                    EventsFileWriter(
                        serializer: EventRecordSerializer(calendar: scenario.calendar),
                        sink: try files.makeSink(named: "events.jsonl")))
            }
            engine.subscribe(files)
        }
        let end = scenario.end
        while !engine.advance(to: end, eventLimit: 200_000) {
            progress?(RunProgress(now: engine.now, end: end, eventsProcessed: engine.eventsProcessed))
        }
        progress?(RunProgress(now: end, end: end, eventsProcessed: engine.eventsProcessed))
        let result = try engine.finish()
        if let output { try Self.write(result, to: output) }
        return result
    }

    /// Writes the files made from a finished run: `timeline.csv`,
    /// `summary.json` and `report.html`.
    public static func write(_ result: RunResult, to output: OutputDirectory) throws {
        let scenario = result.scenario
        try output.write(
            TimelineCSV.render(
                rows: result.timeline, clients: scenario.traffic.map(\.name),
                ips: result.dedicatedIPAddresses,
                configurationSets: scenario.configurationSets.map(\.name),
                alarms: scenario.alarms.map(\.name),
                calendar: scenario.calendar),
            to: "timeline.csv")
        try output.write(result.summary.serialized(pretty: true) + "\n", to: "summary.json")
        try output.write(RunReport.render(result: result), to: "report.html")
    }
}
