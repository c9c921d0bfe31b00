import Foundation
import Runner
import SESSimulation
import ScenarioFormat
import ScenarioTesting
import SimCore
import SimJSON
import Testing

@testable import Report

@Suite("Report: reputation")
struct ReputationReportTests {
    /// A stale list (10% hard bounces) sent through a set with reputation
    /// metrics puts the account under review at its own 4% level; a
    /// cleaned list dilutes the rate, and after the 1-day review the
    /// account is healthy again. An alarm on the set's bounce rate fires at
    /// the same 4%; another watches the account's complaints at 0.3%.
    static let probationText = """
        name: reputation-report
        seed: 3
        start: 2026-03-02T00:00:00Z
        duration: 3d
        account:
          maxSendRate: 100
          identities: [example.com]
        reputation:
          minimumVolume: 200
          reviewPeriod: 1d
          bounceReviewThreshold: 0.04
          bouncePauseThreshold: 0.2
        configurationSets:
          - name: risky
            reputationMetrics: true
          - name: quiet
        alarms:
          - name: risky-bounces
            metric: Reputation.BounceRate
            configurationSet: risky
            threshold: 0.04
          - name: complaints
            metric: Reputation.ComplaintRate
            threshold: 0.003
        audiences:
          - name: stale
            size: 500
            hardBounce: 0.1
            providers:
              - { domain: example.net, share: 1 }
          - name: cleaned
            size: 1500
            addressPattern: "c{index}"
            providers:
              - { domain: example.org, share: 1 }
        templates:
          - name: offer
            subject: "An offer"
            text: "An offer for you."
        traffic:
          - name: stale
            api: SendBulkTemplatedEmail
            from: offers@example.com
            template: offer
            configurationSet: risky
            recipients: { audience: stale }
            schedule: { executor: once, start: day 1 09:00, callRate: 2 }
          - name: cleaned
            api: SendBulkTemplatedEmail
            from: offers@example.com
            template: offer
            configurationSet: quiet
            recipients: { audience: cleaned }
            schedule: { executor: once, start: day 1 12:00, callRate: 2 }
        """

    private static func report(_ text: String) throws -> RunReport {
        RunReport(
            result: try ScenarioRunner(scenario: try ScenarioLoader().load(text: text, file: "test.yaml"))
                .run())
    }

    @Test func accountRatesAreChartedAgainstTheScenariosLevels() throws {
        let report = try Self.report(Self.probationText)
        let bounce = report.accountRateChart(.bounceRate)
        #expect(bounce.format == .percent)
        #expect(bounce.thresholds.map(\.value) == [0.04, 0.2])
        #expect(bounce.thresholds.map(\.label) == ["review 4%", "pause 20%"])
        let rates = bounce.series[0].points
        #expect(rates.count == 72)
        #expect(rates[0].value.isNaN, "nothing sent before 01:00: no rate")
        #expect(rates.contains { $0.value >= 0.04 } && rates.last!.value < 0.04)

        let complaint = report.accountRateChart(.complaintRate)
        #expect(complaint.thresholds.map(\.value) == [0.001, 0.005, 0.003])
        #expect(
            complaint.thresholds.map(\.label) == ["review 0.1%", "pause 0.5%", "alarm complaints ≥ 0.3%"])

        // The status changes are marked on both charts.
        for chart in [bounce, complaint] {
            let labels = chart.markers.map(\.label)
            #expect(labels.prefix(2) == ["PROBATION", "HEALTHY"])
        }
        let probation = try #require(report.statusChanges().first)
        #expect(bounce.markers[0].time == report.instant(.string(probation.at)))
        #expect(bounce.markers[0].slot == ChartPalette.orange)
        let svg = bounce.svg()
        #expect(MarkupChecks.isWellFormed(svg))
        #expect(svg.contains(">review 4%</text>") && svg.contains(">PROBATION</text>"))
    }

    @Test func setRatesShowTheSetAlarmAndItsTransitions() throws {
        let report = try Self.report(Self.probationText)
        let chart = try #require(report.configurationSetRateChart(.bounceRate))
        #expect(chart.series.map(\.name) == ["risky"], "only the set with reputation metrics")
        #expect(chart.thresholds.map(\.label) == ["review 4% · alarm risky-bounces ≥ 4%", "pause 20%"])
        #expect(chart.markers.map(\.label).contains("risky-bounces: ALARM"))
        #expect(chart.markers.first { $0.label == "risky-bounces: ALARM" }?.slot == ChartPalette.vermilion)
        #expect(
            report.configurationSetRateChart(.complaintRate) == nil, "no complaints, no set complaint alarm")

        let html = report.page().html()
        #expect(MarkupChecks.isWellFormed(html))
        #expect(html.contains("<section id=\"reputation\">"))
        #expect(
            html.contains(">Account bounce rate</text>") && html.contains(">Account complaint rate</text>"))
        #expect(html.contains(">Bounce rate by configuration set</text>"))
        #expect(html.contains("<td>risky-bounces</td>") && html.contains("<td>set risky</td>"))
        #expect(html.contains("<td>PROBATION</td>"))
        #expect(html.contains("Final status: HEALTHY, after 2 status changes."))
    }

    /// The example scenario with SES's own levels: a stale list puts the
    /// account on PROBATION, a cleaned list brings it back to HEALTHY.
    @Test func theExampleProbationIsChartedAgainstSESsLevels() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../scenarios/reputation-probation.yaml").standardized.path
        let report = try Self.report(try String(contentsOfFile: file, encoding: .utf8))
        let bounce = report.accountRateChart(.bounceRate)
        #expect(bounce.thresholds.map(\.value) == [0.05, 0.1])
        #expect(bounce.thresholds.map(\.label) == ["review 5%", "pause 10%"])
        #expect(bounce.thresholds.map(\.slot) == [ChartPalette.orange, ChartPalette.vermilion])
        let complaint = report.accountRateChart(.complaintRate)
        #expect(complaint.thresholds.map(\.value) == [0.001, 0.005])
        #expect(complaint.thresholds.map(\.label) == ["review 0.1%", "pause 0.5%"])
        #expect(bounce.markers.map(\.label) == ["PROBATION", "HEALTHY"])
        #expect(bounce.markers.map(\.slot) == [ChartPalette.orange, ChartPalette.green])
        let changes = report.statusChanges()
        #expect(bounce.markers.map(\.time) == changes.map { report.instant(.string($0.at)) })

        let svg = bounce.svg()
        #expect(MarkupChecks.isWellFormed(svg))
        for text in ["Account bounce rate", "review 5%", "pause 10%", "PROBATION", "HEALTHY", "rate", "10%"] {
            #expect(svg.contains(">\(text)</text>"), "\(text)")
        }
        let html = report.page().html()
        #expect(html.contains("<td>HEALTHY</td>\n<td>PROBATION</td>"))
        #expect(html.contains("<td>PROBATION</td>\n<td>HEALTHY</td>"))
        #expect(html.contains("Final status: HEALTHY, after 2 status changes."))
        #expect(report.configurationSetRateChart(.bounceRate) == nil, "no set publishes reputation metrics")
    }

    @Test func aRunWithNothingToJudgeHasNoSection() throws {
        let report = try Self.report(
            """
            name: quiet
            start: 2026-03-02T00:00:00Z
            duration: 1d
            """)
        #expect(report.reputationSection() == nil)
        #expect(!report.page().html().contains("id=\"reputation\""))
    }
}
