import SESEvents
import SESSimulation
import ScenarioFormat
import SimCore
import SimJSON

/// The run report, `report.html`: what a run did, as charts and tables on
/// one self-contained page, from its summary and its timeline.
///
/// Each section is a method returning a ``ReportPage/Section``, or nil when
/// the run has nothing for it (no clients, no campaigns, no deliveries);
/// ``sections()`` lists them in page order. A later feature adds its
/// section as one more method in a file of its own and one entry in that
/// list, building its charts with ``timeChart(title:caption:valueTitle:format:)``
/// and ``perInterval(_:)``, ``perRowGroup(_:)`` or ``cumulative(_:)`` over
/// the timeline's rows (taken a few at a time on long runs, so that a chart
/// has at most ``maximumPoints`` points per series).
public struct RunReport {
    let scenario: Scenario
    let summary: JSONValue
    let expectations: [ExpectationResult]
    let timeline: [TimelineRow]
    let eventsProcessed: Int
    /// The dedicated IPs, in the timeline's order (by address).
    let dedicatedIPAddresses: [String]

    init(result: RunResult) {
        scenario = result.scenario
        summary = result.summary
        expectations = result.expectations
        timeline = result.timeline
        eventsProcessed = result.eventsProcessed
        dedicatedIPAddresses = result.dedicatedIPAddresses
    }

    /// The report of `result` as one HTML document.
    public static func render(result: RunResult) -> String {
        RunReport(result: result).page().html()
    }

    /// The sections, in page order, leaving out those with nothing to show.
    func sections() -> [ReportPage.Section] {
        [
            trafficSection(), campaignSection(), dedicatedIPSection(), eventSection(), deliverySection(),
            reputationSection(),
        ].compactMap { $0 }
    }

    /// The whole page.
    func page() -> ReportPage {
        let calendar = scenario.calendar
        return ReportPage(
            title: scenario.name,
            description: scenario.description,
            facts: [
                .init(name: "seed", value: String(scenario.seed)),
                .init(name: "version", value: "sesim \(SesimVersion.current)"),
                .init(name: "start", value: calendar.timestamp(.start)),
                .init(name: "duration", value: scenario.duration.description),
                .init(name: "end", value: calendar.timestamp(scenario.end)),
                .init(name: "timeline interval", value: intervalText),
                .init(name: "events handled", value: ChartNumber.grouped(Double(eventsProcessed))),
                .init(name: "scenario file", value: scenario.file),
            ],
            verdicts: expectations.map { .init(passed: $0.passed, label: $0.label, observed: $0.observed) },
            sections: sections(),
            generator: "sesim \(SesimVersion.current)")
    }

    // MARK: - Helpers for sections

    /// At most this many points per series: more than a plot has pixels
    /// across adds bytes, not detail.
    static let maximumPoints = 600

    /// How many timeline rows make one point: 1, or more for a long run
    /// with a short interval.
    var rowsPerPoint: Int { max(1, (timeline.count + Self.maximumPoints - 1) / Self.maximumPoints) }

    /// The interval one point stands for (`1h`, `5m`; `2h` when 1-hour
    /// rows are taken two at a time).
    var intervalText: String { (scenario.output.interval * Int64(rowsPerPoint)).description }

    /// The timeline in groups of ``rowsPerPoint`` consecutive rows (the last
    /// group possibly shorter).
    var rowGroups: [ArraySlice<TimelineRow>] {
        stride(from: 0, to: timeline.count, by: rowsPerPoint).map {
            timeline[$0..<min($0 + rowsPerPoint, timeline.count)]
        }
    }

    /// A chart over the run's span.
    func timeChart(
        title: String, caption: String?, valueTitle: String?, format: ValueFormat = .count
    ) -> TimeSeriesChart {
        TimeSeriesChart(
            title: title, caption: caption, calendar: scenario.calendar, start: .start, end: scenario.end,
            format: format, valueTitle: valueTitle)
    }

    /// A count per interval: `value` summed over each row group, as a point
    /// at the group's start (drawn as stacked bars or steps, each holding
    /// until the next).
    func perInterval(_ value: (TimelineRow) -> Double) -> [TimeSeriesChart.Point] {
        perRowGroup { rows in rows.reduce(0) { $0 + value($1) } }
    }

    /// Any value per interval — a cap, a rate, a status — from each row
    /// group (`{ $0.last!.bounceRate }`, `{ $0.map(\.cap).max()! }`), as a
    /// point at the group's start.
    func perRowGroup(_ value: (ArraySlice<TimelineRow>) -> Double) -> [TimeSeriesChart.Point] {
        rowGroups.map { TimeSeriesChart.Point(time: $0.first!.start, value: value($0)) }
    }

    /// The running total of `value`: zero at the start, then the total at
    /// the end of each row group (drawn as a line).
    func cumulative(_ value: (TimelineRow) -> Double) -> [TimeSeriesChart.Point] {
        var total = 0.0
        return [TimeSeriesChart.Point(time: .start, value: 0)]
            + rowGroups.map { rows in
                total += rows.reduce(0) { $0 + value($1) }
                return TimeSeriesChart.Point(time: rows.last!.end, value: total)
            }
    }

    /// The number at `path` in the summary (`["clients", name, "calls"]`).
    func number(_ path: [String]) -> Double? {
        value(path)?.numberValue
    }

    /// The value at `path` in the summary.
    func value(_ path: [String]) -> JSONValue? {
        path.reduce(summary as JSONValue?) { $0?[$1] }
    }

    /// A summary timestamp as an instant of the run.
    func instant(_ value: JSONValue?) -> SimTime? {
        guard case .string(let text)? = value else { return nil }
        return try? scenario.calendar.instant(parsing: text)
    }

    /// A summary value's text, when it is a string.
    static func string(_ value: JSONValue?) -> String? {
        guard case .string(let text)? = value else { return nil }
        return text
    }

    /// A count for a table cell: `1,234`, or `—` when absent.
    static func cell(_ value: Double?) -> String {
        value.map { ChartNumber.grouped($0) } ?? "—"
    }
}
