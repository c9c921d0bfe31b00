import Foundation
import Runner
import SESSimulation
import ScenarioFormat
import ScenarioTesting
import SimCore
import SimJSON
import Testing

@testable import Report

@Suite("Report: page and run report")
struct RunReportTests {
    /// A small scenario: a throttled bulk campaign with retries, a trickle
    /// of simulator sends, two providers. Its description needs escaping,
    /// and so does the name the test gives it (the loader accepts only
    /// names fit for a folder, but the report must not rely on that).
    static let scenarioText = """
        name: report-test
        description: "Throttling & retries <fast>."
        seed: 11
        start: 2026-03-01T09:00:00Z
        duration: 2h
        account:
          maxSendRate: 14
          identities: [example.com]
        templates:
          - name: welcome
            subject: "Hi {{name}}"
            text: "Hello {{name}}"
        audiences:
          - name: customers
            size: 400
            providers:
              - domain: gmail.com
                share: 3
              - domain: yahoo.com
                share: 1
                hardBounce: 0.1
        traffic:
          - name: newsletter
            api: SendBulkTemplatedEmail
            from: news@example.com
            template: welcome
            destinationsPerCall: 50
            templateData:
              name:
                sequence: "user {index}"
            recipients:
              audience: customers
            schedule:
              executor: once
              start: +10m
              callRate: 5
            retry:
              maxAttempts: 20
          - name: pinger
            api: SendEmail
            from: app@example.com
            content:
              subject: ping
              text: hello
            recipients:
              list: [success@simulator.amazonses.com, bounce@simulator.amazonses.com]
            schedule:
              executor: constant-arrival-rate
              rate: 1
              timeUnit: 1m
              duration: 1h
        output:
          interval: 10m
        expect:
          - metric: events.delivery
            above: 10
          - campaign: newsletter
            completesWithin: 1m
        """

    private static func runScenario(in folder: String) throws -> (RunResult, String) {
        let file = (folder as NSString).appendingPathComponent("scenario.yaml")
        try scenarioText.write(toFile: file, atomically: true, encoding: .utf8)
        var scenario = try ScenarioLoader().load(file: file)
        scenario.name = "<script>&\"'"
        let output = try OutputDirectory(path: (folder as NSString).appendingPathComponent("out"))
        let result = try ScenarioRunner(scenario: scenario).run(output: output)
        return (result, try String(contentsOfFile: output.finalPath(for: "report.html"), encoding: .utf8))
    }

    private static func temporaryFolder() throws -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent(
            "sesim-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aRunWritesAWellFormedSelfContainedReport() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (result, html) = try Self.runScenario(in: folder)

        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        #expect(MarkupChecks.isWellFormed(html))
        let svgs = MarkupChecks.svgElements(in: html)
        // Calls, two clients, campaign progress, events, outcomes, providers,
        // the account's bounce and complaint rates.
        #expect(svgs.count == 9)
        for svg in svgs { #expect(MarkupChecks.isWellFormed(svg)) }

        // Self-contained: nothing is loaded from elsewhere.
        for reference in ["<script", "src=", "<link", "@import", "url("] {
            #expect(!html.contains(reference), "\(reference)")
        }
        #expect(html.contains("Content-Security-Policy"))

        // The name is escaped wherever it appears.
        #expect(!html.contains("<script>"))
        #expect(html.contains("<h1>&lt;script&gt;&amp;&quot;&#39;</h1>"))
        #expect(html.contains("Throttling &amp; retries &lt;fast&gt;."))

        // Every client is named, with its chart; the verdicts are shown.
        for client in result.scenario.traffic.map(\.name) {
            #expect(html.contains("\(client): recipients per 10m"))
            #expect(html.contains("<td>\(client)</td>"))
        }
        #expect(html.contains("<span class=\"badge\">PASS</span>events.delivery above 10"))
        #expect(html.contains("<span class=\"badge\">FAIL</span>campaign newsletter completes within 1m"))
        #expect(html.contains("1 of 2 expectations failed."))
        #expect(html.contains("newsletter: 400 planned"))
        #expect(html.contains(">gmail.com</text>") && html.contains(">yahoo.com</text>"))
        #expect(html.contains("<dd>11</dd>") && html.contains("<dd>2h</dd>"))
    }

    @Test func theSameRunGivesTheSameBytes() throws {
        let first = try Self.temporaryFolder()
        let second = try Self.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        let (result, one) = try Self.runScenario(in: first)
        let (_, two) = try Self.runScenario(in: second)
        // The scenario file's path is shown; everything else must match.
        let path = { (folder: String) in (folder as NSString).appendingPathComponent("scenario.yaml") }
        #expect(
            one.replacingOccurrences(of: path(first), with: "FILE")
                == two.replacingOccurrences(of: path(second), with: "FILE"))
        #expect(RunReport.render(result: result) == RunReport.render(result: result))
    }

    @Test func aRunWithoutClientsOmitsTheirCharts() throws {
        let scenario = try ScenarioLoader().load(
            text: """
                name: idle
                start: 2026-03-01T00:00:00Z
                duration: 1d
                """, file: "idle.yaml")
        let html = RunReport.render(result: try ScenarioRunner(scenario: scenario).run())
        #expect(MarkupChecks.isWellFormed(html))
        #expect(!html.contains("id=\"traffic\"") && !html.contains("id=\"campaigns\""))
        #expect(!html.contains("id=\"delivery\""))
        #expect(html.contains("No events were published in this run."))
        #expect(html.contains("The scenario states no expectations."))
        #expect(MarkupChecks.svgElements(in: html).isEmpty)
    }

    @Test func pageTablesAlignNumbersRight() {
        let page = ReportPage(
            title: "t", description: nil, facts: [], verdicts: [],
            sections: [
                .init(
                    id: "s", title: "S",
                    blocks: [.table(.init(header: ["name", "count"], rows: [["a", "1,234"], ["b", "—"]]))])
            ], generator: "sesim test")
        let html = page.html()
        #expect(MarkupChecks.isWellFormed(html))
        #expect(html.contains("<th class=\"num\">count</th>") && html.contains("<th>name</th>"))
        #expect(html.contains("<td class=\"num\">1,234</td>"))
        #expect(html.contains("<a href=\"#s\">S</a>"))
        #expect(html.contains("This page is self-contained"))
    }
}

@Suite("Report: timeline points")
struct TimelinePointTests {
    /// A report over a synthetic two-day timeline of 1-minute rows in which
    /// the one client has 1 recipient accepted per row.
    private func report(rows: Int) throws -> RunReport {
        let scenario = try ScenarioLoader().load(
            text: """
                name: points
                start: 2026-03-01T00:00:00Z
                duration: 2d
                account:
                  identities: [example.com]
                traffic:
                  - name: pinger
                    api: SendEmail
                    from: app@example.com
                    content:
                      subject: ping
                      text: hello
                    recipients:
                      list: [success@simulator.amazonses.com]
                    schedule:
                      executor: once
                output:
                  interval: 1m
                """, file: "points.yaml")
        let timeline = (0..<rows).map { (index: Int) -> TimelineRow in
            let start = SimTime.start + SimDuration.minutes(Int64(index))
            return TimelineRow(
                start: start, end: start + SimDuration.minutes(1), calls: 1, clientAccepted: [1],
                clientThrottled: [0], clientDropped: [0])
        }
        return RunReport(
            result: RunResult(
                scenario: scenario, summary: .object([:]), expectations: [], eventsProcessed: 0,
                dedicatedIPAddresses: [],
                timeline: timeline))
    }

    @Test func longTimelinesAreTakenAFewRowsAtATime() throws {
        let report = try report(rows: 2_880)
        #expect(report.rowsPerPoint == 5)
        #expect(report.intervalText == "5m")
        let points = report.perInterval { Double($0.clientAccepted[0]) }
        #expect(points.count == 576)
        #expect(points.allSatisfy { $0.value == 5 })
        #expect(points[1].time == .start + .minutes(5))
        let total = report.cumulative { Double($0.clientAccepted[0]) }
        #expect(total.first?.value == 0 && total.last?.value == 2_880)
        #expect(total.last?.time == .start + .days(2))
        let html = report.page().html()
        #expect(MarkupChecks.isWellFormed(html))
        #expect(html.contains("pinger: recipients per 5m"))
    }

    @Test func shortTimelinesKeepEveryRow() throws {
        let report = try report(rows: 600)
        #expect(report.rowsPerPoint == 1)
        #expect(report.intervalText == "1m")
        #expect(report.perRowGroup { Double($0.count) }.allSatisfy { $0.value == 1 })
    }
}
