import Runner
import SESSimulation
import ScenarioFormat
import ScenarioTesting
import SimCore
import SimJSON
import Testing

@testable import Report

@Suite("Report: charts")
struct ChartTests {
    private let calendar = try! SimCalendar(start: "2026-03-01T09:00:00Z")

    private func chart(_ series: [TimeSeriesChart.Series] = []) -> TimeSeriesChart {
        var chart = TimeSeriesChart(
            title: "Bounce rate", caption: "Rates over the representative volume.", calendar: calendar,
            start: .start, end: .start + .days(3), format: .percent, valueTitle: "rate")
        chart.series = series
        return chart
    }

    private func hourly(_ values: [Double]) -> [TimeSeriesChart.Point] {
        values.enumerated().map { .init(time: .start + .hours(Int64($0.offset)), value: $0.element) }
    }

    @Test func escapingCoversEveryMarkupCharacter() {
        #expect(MarkupWriter.escape("<script>&\"'") == "&lt;script&gt;&amp;&quot;&#39;")
        #expect(MarkupWriter.escape("a\u{1}b\tc\u{FFFF}") == "a\u{FFFD}b\tc\u{FFFD}")
        #expect(MarkupWriter.escape("café — ok") == "café — ok")
    }

    @Test func thresholdsAndMarkersAreDrawnAndLabelled() {
        var chart = chart([.init(name: "bounce rate", points: hourly([0.01, 0.03, 0.06, 0.04]))])
        chart.thresholds = [
            .init(value: 0.05, label: "review 5%", slot: ChartPalette.orange),
            .init(value: 0.10, label: "pause 10%", slot: ChartPalette.vermilion),
        ]
        chart.markers = [
            .init(time: .start + .hours(2), label: "UNDER_REVIEW", slot: nil),
            .init(time: .start + .hours(2) + .minutes(5), label: "alarm ALARM", slot: ChartPalette.vermilion),
            .init(time: .start + .days(10), label: "after the run", slot: nil),
        ]
        let svg = chart.svg()
        #expect(MarkupChecks.isWellFormed(svg))
        #expect(MarkupChecks.count(of: "class=\"threshold\"", in: svg) == 2)
        #expect(svg.contains(">review 5%</text>") && svg.contains(">pause 10%</text>"))
        #expect(
            MarkupChecks.count(of: "class=\"marker\"", in: svg) == 2, "the marker past the axis is left out")
        #expect(svg.contains(">UNDER_REVIEW</text>") && svg.contains(">alarm ALARM</text>"))
        #expect(!svg.contains("after the run"))
        // The axis reaches the 10% threshold although the data stops at 6%.
        #expect(svg.contains(">10%</text>"))
        // Two close markers get two label lanes: their labels sit at different heights.
        let laneTops = svg.components(separatedBy: "class=\"marker\"").dropFirst().map {
            $0.components(separatedBy: " y=\"")[1].prefix { $0 != "\"" }
        }
        #expect(Set(laneTops).count == 2)
    }

    @Test func emptyChartSaysSoAndIsValid() {
        let svg = chart().svg()
        #expect(MarkupChecks.isWellFormed(svg))
        #expect(svg.contains("no data in this run"))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 800 "))
        let noPoints = chart([.init(name: "nothing", points: [])]).svg()
        #expect(MarkupChecks.isWellFormed(noPoints) && noPoints.contains("no data in this run"))
    }

    @Test func singlePointIsADot() {
        let svg = chart([.init(name: "one", points: hourly([0.02]))]).svg()
        #expect(MarkupChecks.isWellFormed(svg))
        #expect(svg.contains("<circle"))
        #expect(!svg.contains("no data"))
    }

    @Test func allZeroSeriesKeepAUsableAxis() {
        var chart = chart([.init(name: "zeros", points: hourly([0, 0, 0]), mark: .stackedBars)])
        chart.format = .count
        let svg = chart.svg()
        #expect(MarkupChecks.isWellFormed(svg))
        #expect(svg.contains(">0</text>") && svg.contains(">1</text>"))
    }

    @Test func hugeValuesUseSuffixes() {
        var chart = chart([
            .init(name: "sent", points: hourly([1_000_000, 2_400_000, 150_000]), mark: .stackedBars)
        ])
        chart.format = .count
        let svg = chart.svg()
        #expect(svg.contains(">2.5M</text>") || svg.contains(">3M</text>"))
        #expect(!svg.contains("2400000<"))
    }

    @Test func stackedBarsStackInSeriesOrder() {
        var chart = chart([
            .init(name: "delivered", points: hourly([10, 20]), mark: .stackedBars),
            .init(name: "bounced", points: hourly([5, 5]), mark: .stackedBars),
        ])
        chart.format = .count
        let layout = TimeSeriesChart.Layout(chart: chart, bodyTop: 0)
        #expect(layout.stacks.layers.map(\.tops) == [[10, 20], [15, 25]])
        #expect(layout.stacks.layers[1].bases == [10, 20])
        #expect(layout.values.upper == 30)
    }

    @Test func manySeriesRepeatColoursWithDashes() {
        let series = (0..<9).map { TimeSeriesChart.Series(name: "s\($0)", points: hourly([Double($0)])) }
        let chart = chart(series)
        #expect(chart.style(of: 0).dash == nil)
        #expect(chart.style(of: 7).color == chart.style(of: 0).color)
        #expect(chart.style(of: 7).dash != nil)
        let svg = chart.svg()
        #expect(MarkupChecks.isWellFormed(svg))
        for index in 0..<9 { #expect(svg.contains(">s\(index)</text>")) }
    }

    @Test func sameChartSameBytes() {
        func make() -> String {
            var chart = chart([
                .init(name: "b", points: hourly([3, 1, 4, 1, 5]).reversed(), mark: .step),
                .init(name: "a", points: hourly([2, 7, 1, 8]), mark: .stackedArea),
            ])
            chart.markers = [.init(time: .start + .hours(1), label: "x", slot: 2)]
            return chart.svg()
        }
        #expect(make() == make())
    }

    @Test func textIsEscapedInCharts() {
        var chart = chart([.init(name: "<b>&", points: hourly([1]))])
        chart.title = "<script>&\"'"
        let svg = chart.svg()
        #expect(MarkupChecks.isWellFormed(svg))
        #expect(!svg.contains("<script>") && !svg.contains("<b>"))
        #expect(svg.contains("&lt;script&gt;&amp;&quot;&#39;"))
    }

    @Test func nonFiniteValuesBreakLinesAndSteps() {
        var chart = chart([
            .init(name: "rate", points: hourly([0.01, 0.02, .nan, 0.03, .nan, 0.04, 0.05]), mark: .line),
            .init(name: "cap", points: hourly([0.06, 0.07, .nan]), mark: .step),
        ])
        chart.end = .start + .hours(10)
        let layout = TimeSeriesChart.Layout(chart: chart, bodyTop: 0)
        #expect(layout.values.upper >= 0.07 && layout.values.upper.isFinite)
        let svg = chart.svg()
        #expect(MarkupChecks.isWellFormed(svg))
        let paths = svg.components(separatedBy: "<path d=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(paths.count == 2)
        let x = { (hour: Int64) in ChartNumber.coordinate(layout.x(.start + .hours(hour))) }
        // The line: three runs, the middle one a lone point (drawn as a dot).
        #expect(MarkupChecks.count(of: "M", in: String(paths[0])) == 3)
        #expect(MarkupChecks.count(of: "<circle", in: svg) == 1)
        #expect(svg.contains("<circle cx=\"\(x(3))\""))
        // The step holds its last value until the gap, not to the axis' end.
        #expect(paths[1].hasSuffix("H\(x(2))"))
        #expect(!paths[1].contains("H\(x(10))"))
    }

    @Test func aChartOfGapsOnlySaysSo() {
        let svg = chart([.init(name: "rate", points: hourly([.nan, .infinity]))]).svg()
        #expect(MarkupChecks.isWellFormed(svg) && svg.contains("no data in this run"))
    }

    // MARK: - Bars

    @Test func barsKeepTheTopRowsAndSumTheRest() {
        let chart = BarChart(
            title: "Top values", caption: nil, segments: [.init(name: "events", slot: nil)],
            rows: (1...14).map { .init(label: "value \($0)", values: [Double(100 - $0)]) }, maximumRows: 10)
        let shown = chart.shownRows
        #expect(shown.count == 10)
        #expect(shown.last?.label == "5 others")
        #expect(shown.last?.values == [Double((10...14).map { 100 - $0 }.reduce(0, +))])
        let svg = chart.svg()
        #expect(MarkupChecks.isWellFormed(svg))
        #expect(svg.contains(">value 9</text>") && !svg.contains(">value 10</text>"))
        #expect(!svg.contains("class=\"legend\""), "one segment needs no legend")
    }

    @Test func stackedBarsHaveALegendTotalsAndTooltips() {
        let chart = BarChart(
            title: "Outcomes by provider", caption: "per provider",
            segments: [.init(name: "delivered", slot: 2), .init(name: "bounced", slot: 3)],
            rows: [
                .init(label: "gmail.com", values: [1_200, 34]), .init(label: "<yahoo>", values: [-5, .nan]),
            ])
        let svg = chart.svg()
        #expect(MarkupChecks.isWellFormed(svg))
        #expect(svg.contains("class=\"legend\""))
        #expect(svg.contains(">1,234</text>"))
        #expect(svg.contains("<title>gmail.com — bounced: 34</title>"))
        #expect(svg.contains("&lt;yahoo&gt;"))
        #expect(MarkupChecks.count(of: "<rect", in: svg) == 2 + 2, "two legend swatches, two bar segments")
    }

    @Test func emptyBarChartIsValid() {
        let svg = BarChart(title: "Nothing", caption: nil, segments: [.init(name: "n", slot: nil)], rows: [])
            .svg()
        #expect(MarkupChecks.isWellFormed(svg))
        #expect(svg.contains("no data in this run"))
    }
}
