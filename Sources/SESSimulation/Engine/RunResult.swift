import ScenarioFormat
import SimCore
import SimJSON

/// What a finished simulation reports: the final summary with the
/// expectations' verdicts, and what the drivers print and draw from.
public struct RunResult: Sendable {
    public let scenario: Scenario
    /// The final summary, with the expectations' verdicts.
    public let summary: JSONValue
    public let expectations: [ExpectationResult]
    /// Events the run loop handled.
    public let eventsProcessed: Int
    /// The dedicated IPs, in the order the timeline lists them (by address).
    public let dedicatedIPAddresses: [String]
    /// The timeline's rows.
    public let timeline: [TimelineRow]

    package init(
        scenario: Scenario, summary: JSONValue, expectations: [ExpectationResult], eventsProcessed: Int,
        dedicatedIPAddresses: [String], timeline: [TimelineRow]
    ) {
        self.scenario = scenario
        self.summary = summary
        self.expectations = expectations
        self.eventsProcessed = eventsProcessed
        self.dedicatedIPAddresses = dedicatedIPAddresses
        self.timeline = timeline
    }

    /// Whether every expectation held.
    public var passed: Bool { expectations.allSatisfy(\.passed) }
}
