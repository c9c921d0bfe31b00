import Runner
import SESSimulation
import ScenarioFormat
import ScenarioTesting
import SimCore
import SimJSON
import Testing

@testable import Report

@Suite("Report: dedicated IPs")
struct DedicatedIPReportTests {
    /// One new IP under SES's standard warm-up plan (200 a day on day 1,
    /// 50,000 on day 45, warm from day 46), a first-time lessee: a launch
    /// send of 250 on day 1 (50 overflow to the shared pool), then 20 a day.
    /// Reputation is sampled daily, to keep the 47 days quick.
    static let warmupText = """
        name: warmup-report
        seed: 5
        start: 2026-03-02T00:00:00Z
        duration: 47d
        account:
          maxSendRate: 200
          identities: [example.com]
        reputation:
          metricPeriod: 1d
        dedicatedIps:
          pools: [bulk]
          ips:
            - { address: 192.0.2.10, pool: bulk }
        configurationSets:
          - name: bulk
            sendingPool: bulk
        audiences:
          - name: subscribers
            size: 250
            providers:
              - { domain: example.org, share: 1 }
        templates:
          - name: daily
            subject: "Today"
            text: "Hello."
        traffic:
          - name: launch
            api: SendBulkTemplatedEmail
            from: news@example.com
            template: daily
            configurationSet: bulk
            recipients: { audience: subscribers }
            schedule: { executor: once, start: day 1 08:00, callRate: 1 }
          - name: daily
            api: SendBulkTemplatedEmail
            from: news@example.com
            template: daily
            configurationSet: bulk
            recipients: { audience: subscribers, from: 0, count: 20 }
            schedule: { executor: repeating, start: day 1 12:00, every: 1d, times: 47 }
        output:
          interval: 1d
        """

    private static func run(_ text: String) throws -> RunResult {
        try ScenarioRunner(scenario: try ScenarioLoader().load(text: text, file: "test.yaml")).run()
    }

    @Test func eachIPsVolumeIsChartedAgainstItsCap() throws {
        let result = try Self.run(Self.warmupText)
        let report = RunReport(result: result)
        let chart = try #require(report.ipChart(address: "192.0.2.10"))
        #expect(chart.title == "192.0.2.10 (pool bulk): recipients per day")
        #expect(chart.series.map(\.name) == ["sent", "warm-up cap"])
        let day = { (day: Int64) in SimTime.start + .days(day - 1) }
        let sent = chart.series[0].points
        let caps = chart.series[1].points
        #expect(sent.count == 47 && caps.count == 47)
        #expect(sent[0] == .init(time: day(1), value: 200), "day 1: the cap, 200, of 270")
        #expect(sent[45] == .init(time: day(46), value: 20), "day 46: warm, the whole send")
        #expect(caps[0] == .init(time: day(1), value: 200))
        #expect(caps[44] == .init(time: day(45), value: 50_000))
        #expect(caps[45].time == day(46) && caps[45].value.isNaN, "no cap once warm")
        #expect(chart.markers.map(\.label) == ["warm from day 46"])
        #expect(chart.markers.first?.time == day(46))

        let svg = chart.svg()
        #expect(MarkupChecks.isWellFormed(svg))
        #expect(svg.contains(">warm-up cap</text>") && svg.contains(">warm from day 46</text>"))
        let layout = TimeSeriesChart.Layout(chart: chart, bodyTop: 0)
        #expect(layout.values.upper >= 50_000, "the axis reaches the day-45 cap")
    }

    @Test func theOverflowIsChartedPerPoolAndDay() throws {
        let report = RunReport(result: try Self.run(Self.warmupText))
        let chart = try #require(report.overflowChart())
        #expect(chart.series.map(\.name) == ["sent from dedicated IPs", "bulk → shared pool"])
        #expect(chart.series[0].points.first == .init(time: .start, value: 200))
        let overflow = chart.series[1].points
        #expect(overflow.count == 47)
        #expect(overflow.first == .init(time: .start, value: 70))
        #expect(overflow.dropFirst().allSatisfy { $0.value == 0 }, "from day 2 the cap covers the send")

        let html = report.page().html()
        #expect(MarkupChecks.isWellFormed(html))
        #expect(html.contains("<section id=\"dedicated-ips\">"))
        #expect(html.contains("<a href=\"#dedicated-ips\">Dedicated IPs</a>"))
        #expect(html.contains(">192.0.2.10</td>\n<td>bulk</td>\n<td>DONE</td>"))
        #expect(html.contains("the 45-day plan"))
    }

    @Test func theSectionIsTheSameBytesRunAfterRun() throws {
        let one = RunReport(result: try Self.run(Self.warmupText))
        let two = RunReport(result: try Self.run(Self.warmupText))
        let section = { (report: RunReport) in
            try #require(report.dedicatedIPSection()).blocks.map { "\($0)" }
        }
        #expect(try section(one) == section(two))
        #expect(one.page().html() == two.page().html())
    }

    @Test func theCapLineStepsThroughThePlan() throws {
        let chart = try #require(
            RunReport(result: try Self.run(Self.warmupText)).ipChart(address: "192.0.2.10"))
        let caps = chart.series[1].points.prefix(45).map(\.value)
        #expect(caps.first == 200 && caps.last == 50_000)
        #expect(zip(caps, caps.dropFirst()).allSatisfy { $0 <= $1 }, "the cap never falls during the plan")
        let svg = chart.svg()
        // The cap is one step path ending where the IP is warm; the sent
        // volume is bars.
        let layout = TimeSeriesChart.Layout(chart: chart, bodyTop: 0)
        let warm = ChartNumber.coordinate(layout.x(.start + .days(45)))
        #expect(svg.contains("H\(warm)\""))
        #expect(svg.contains(">recipients per day</text>"))
        #expect(svg.contains(">sent</text>"))
    }

    @Test func manyIPsChartTheFirstFewAndCountTheRest() throws {
        let addresses = (1...6).map { "198.51.100.\($0 * 10)" }
        let result = try Self.run(
            """
            name: many-ips
            start: 2026-03-02T00:00:00Z
            duration: 2d
            dedicatedIps:
              ips:
            \(addresses.reversed().map { "    - { address: \($0) }" }.joined(separator: "\n"))
            """)
        let report = RunReport(result: result)
        #expect(report.dedicatedIPAddresses == addresses)
        let html = report.page().html()
        #expect(MarkupChecks.isWellFormed(html))
        for address in addresses.prefix(4) {
            #expect(html.contains(">\(address) (pool ses-default-dedicated-pool)"))
        }
        for address in addresses.suffix(2) {
            #expect(!html.contains(">\(address) (pool"))
            #expect(html.contains(">\(address)</td>"), "listed in the table")
        }
        #expect(html.contains("The first 4 IPs by address are charted; 2 more are in the table."))
        #expect(html.contains("No recipient overflowed a pool&#39;s warm-up caps."))
        #expect(report.overflowChart() == nil)
    }

    @Test func aRunWithoutDedicatedIPsHasNoSection() throws {
        let result = try Self.run(
            """
            name: no-ips
            start: 2026-03-02T00:00:00Z
            duration: 1d
            """)
        let report = RunReport(result: result)
        #expect(report.dedicatedIPSection() == nil)
        #expect(!report.page().html().contains("dedicated-ips"))
    }

    @Test func anIPWithoutWarmUpHasNoCapLine() throws {
        let result = try Self.run(
            """
            name: no-warmup
            start: 2026-03-02T00:00:00Z
            duration: 2d
            dedicatedIps:
              autoWarmup: false
              ips:
                - { address: 192.0.2.20 }
            """)
        let chart = try #require(RunReport(result: result).ipChart(address: "192.0.2.20"))
        #expect(chart.series.map(\.name) == ["sent"])
        #expect(chart.markers.isEmpty)
        #expect(chart.caption?.contains("no warm-up cap") == true)
    }
}
