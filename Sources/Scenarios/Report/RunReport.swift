import SESEvents
import SimCore

/// The run report, `report.html`: what a run did, as charts and tables on
/// one self-contained page, from its summary and its timeline.
///
/// Each section is a method returning a ``ReportPage/Section``, or nil when
/// the run has nothing for it (no clients, no campaigns, no deliveries);
/// ``sections()`` lists them in page order. A later feature adds its
/// section as one more method in a file of its own and one entry in that
/// list, building its charts with ``timeChart(title:caption:valueTitle:format:)``
/// and ``perInterval(_:)`` or ``cumulative(_:)`` over the timeline's rows.
public struct RunReport {
    let scenario: Scenario
    let summary: JSONValue
    let expectations: [ExpectationResult]
    let timeline: [TimelineRow]
    let eventsProcessed: Int

    init(result: RunResult) {
        scenario = result.scenario
        summary = result.summary
        expectations = result.expectations
        timeline = result.timeline
        eventsProcessed = result.eventsProcessed
    }

    /// The report of `result` as one HTML document.
    public static func render(result: RunResult) -> String {
        RunReport(result: result).page().html()
    }

    /// The sections, in page order, leaving out those with nothing to show.
    func sections() -> [ReportPage.Section] {
        [trafficSection(), campaignSection(), eventSection(), deliverySection()].compactMap { $0 }
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

    /// The timeline's interval as the scenario wrote it (`1h`, `5m`).
    var intervalText: String { scenario.output.interval.description }

    /// A chart over the run's span.
    func timeChart(
        title: String, caption: String?, valueTitle: String?, format: ValueFormat = .count
    ) -> TimeSeriesChart {
        TimeSeriesChart(
            title: title, caption: caption, calendar: scenario.calendar, start: .start, end: scenario.end,
            format: format, valueTitle: valueTitle)
    }

    /// One point per timeline row, at the row's start: counts per interval
    /// (drawn as stacked bars or steps, each holding until the next row).
    func perInterval(_ value: (TimelineRow) -> Double) -> [TimeSeriesChart.Point] {
        timeline.map { TimeSeriesChart.Point(time: $0.start, value: value($0)) }
    }

    /// The running total of `value`: zero at the start, then the total at
    /// each row's end (drawn as a line).
    func cumulative(_ value: (TimelineRow) -> Double) -> [TimeSeriesChart.Point] {
        var total = 0.0
        return [TimeSeriesChart.Point(time: .start, value: 0)]
            + timeline.map { row in
                total += value(row)
                return TimeSeriesChart.Point(time: row.end, value: total)
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

    /// A count for a table cell: `1,234`, or `—` when absent.
    static func cell(_ value: Double?) -> String {
        value.map { ChartNumber.grouped($0) } ?? "—"
    }
}
