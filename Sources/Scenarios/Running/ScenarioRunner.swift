import SESEvents
import SESModel
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

/// What a finished run reports.
public struct RunResult: Sendable {
    public let scenario: Scenario
    /// The final summary (with the expectations' verdicts).
    public let summary: JSONValue
    public let expectations: [ExpectationResult]
    /// Events the run loop handled.
    public let eventsProcessed: Int
    /// The dedicated IPs, in the order the timeline lists them (by address).
    public let dedicatedIPAddresses: [String]
    let timeline: [TimelineRow]

    /// Whether every expectation held.
    public var passed: Bool { expectations.allSatisfy(\.passed) }
}

/// Runs a scenario on its virtual clock.
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
        var simulation = Simulation(model: try RunModel(scenario: scenario))
        for (event, time) in simulation.model.initialEvents() {
            simulation.schedule(event, at: time)
        }
        let end = scenario.end
        while simulation.queue.nextTime().map({ $0 <= end }) ?? false {
            simulation.run(until: end, eventLimit: 200_000)
            progress?(RunProgress(now: simulation.now, end: end, eventsProcessed: simulation.processedCount))
        }
        simulation.queue.advance(to: end)
        progress?(RunProgress(now: end, end: end, eventsProcessed: simulation.processedCount))
        simulation.model.finishTimeline(at: end)

        let model = simulation.model
        var summary = SummaryBuilder(model: model, now: end).build()
        var campaigns: [String: [SimDuration?]] = [:]
        for client in model.clients where client.isCampaign {
            campaigns[client.definition.name] = client.occurrences.map { occurrence in
                occurrence.completedAt.map { $0 - occurrence.start }
            }
        }
        let results = scenario.expectations.enumerated().map { index, expectation in
            ExpectationEvaluator.evaluate(
                expectation, final: summary, snapshot: model.snapshots[index], campaigns: campaigns)
        }
        if case .object(var members) = summary {
            members["expectations"] = .array(results.map(\.summary))
            members["passed"] = .bool(results.allSatisfy(\.passed))
            members["eventsProcessed"] = .int(simulation.processedCount)
            summary = .object(members)
        }
        let result = RunResult(
            scenario: scenario, summary: summary, expectations: results,
            eventsProcessed: simulation.processedCount,
            dedicatedIPAddresses: simulation.model.service.dedicatedIPs(at: end).map(\.ip),
            timeline: model.timeline.rows)
        if let output {
            try output.write(
                TimelineCSV.render(
                    rows: result.timeline, clients: scenario.traffic.map(\.name),
                    ips: result.dedicatedIPAddresses,
                    calendar: scenario.calendar),
                to: "timeline.csv")
            try output.write(summary.serialized(pretty: true) + "\n", to: "summary.json")
            try output.write(RunReport.render(result: result), to: "report.html")
        }
        return result
    }
}
