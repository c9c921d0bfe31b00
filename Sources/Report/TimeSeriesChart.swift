import SESSimulation
import ScenarioFormat
import SimCore

/// A chart of values over a run's time: named series drawn as lines, steps,
/// stacked areas or stacked bars; horizontal threshold lines; vertical
/// markers for moments (a status change, an alarm, a campaign's end); a
/// value axis with round ticks, a UTC time axis, a legend, a title and a
/// caption.
///
/// It is a value: build it, then ``svg()`` gives the same bytes for the
/// same chart. Points need not be sorted (they are, stably); a non-finite
/// value breaks a line or a step (a gap until the next finite point: no
/// rate before anything was sent, no cap once an IP is warm) and is left
/// out of stacks; a chart with no finite point says so inside an empty
/// plot, so a report can always show it.
struct TimeSeriesChart {
    /// A value at an instant. For stacked bars and steps it holds until the
    /// next point (the last one until the axis' end): a timeline row's count
    /// is a point at the row's start.
    struct Point: Equatable {
        var time: SimTime
        var value: Double
    }

    /// How a series is drawn.
    enum Mark: Equatable {
        /// Straight segments between points (a single point is a dot).
        case line
        /// Each value held until the next point: caps and limits, which
        /// change at instants.
        case step
        /// Filled, on top of the stacked areas before it (straight segments).
        case stackedArea
        /// A bar over each point's interval, on top of the stacked bars
        /// before it: counts per interval.
        case stackedBars
    }

    /// A named series.
    struct Series {
        var name: String
        var points: [Point]
        var mark: Mark = .line
        /// The palette slot (see ``ChartPalette``); nil: the series' position.
        var slot: Int?
    }

    /// A horizontal line at a value, labelled at its right end.
    struct Threshold {
        var value: Double
        var label: String
        /// The palette slot; nil: the ink colour.
        var slot: Int?
    }

    /// A vertical line at an instant, labelled above the plot.
    struct Marker {
        var time: SimTime
        var label: String
        /// The palette slot; nil: the ink colour.
        var slot: Int?
    }

    var title: String
    /// One line below the chart: what it shows and how to read it.
    var caption: String?
    var calendar: SimCalendar
    /// The time axis' span, normally the run's.
    var start: SimTime
    var end: SimTime
    var format: ValueFormat = .count
    /// The value axis' title, e.g. `recipients per 5m`.
    var valueTitle: String?
    var series: [Series] = []
    var thresholds: [Threshold] = []
    var markers: [Marker] = []

    /// The height of the plot area.
    static let plotHeight = 220.0
    /// The height of one row of marker labels above the plot.
    static let laneHeight = 14.0

    /// The chart as an `<svg>` element.
    func svg() -> String {
        let frame = ChartFrame(
            title: title, caption: caption,
            legend: ChartLegend(
                items: series.enumerated().map { index, series in
                    ChartLegend.Item(
                        label: series.name, style: style(of: index),
                        swatch: series.mark == .stackedArea || series.mark == .stackedBars ? .box : .line)
                }))
        let plot = Layout(chart: self, bodyTop: frame.bodyTop)
        return frame.svg(bodyHeight: plot.bodyHeight) { writer in
            drawGrid(plot, into: &writer)
            drawSeries(plot, into: &writer)
            drawThresholds(plot, into: &writer)
            drawMarkers(plot, into: &writer)
            drawAxes(plot, into: &writer)
        }
    }

    /// The drawing style of series `index`: its slot's, or its position's.
    func style(of index: Int) -> SeriesStyle {
        ChartPalette.style(slot: series[index].slot ?? index)
    }

    /// The colour of a threshold or marker.
    static func color(slot: Int?) -> String {
        slot.map { ChartPalette.style(slot: $0).color } ?? ChartPalette.ink
    }

    // MARK: - Layout

    /// Where everything goes, from the top of the body down: the marker
    /// labels' lanes, the plot (its scales and rectangle), the time axis'
    /// labels and title.
    struct Layout {
        let values: ValueScale
        let valueLabels: [String]
        let time: TimeScale
        /// Every series' points, sorted by time: finite ones only for
        /// stacked series, non-finite ones kept as gaps in lines and steps.
        let points: [[Point]]
        let stacks: StackedValues
        let left: Double
        let right: Double
        /// The top of the marker labels' band (the body's top).
        let bandTop: Double
        /// The plot's top, below the band.
        let top: Double
        /// Each marker within the axis, in time order, with its label's lane.
        let markerLanes: [(marker: Marker, lane: Int)]

        var bottom: Double { top + TimeSeriesChart.plotHeight }

        /// The height from the band's top to below the time axis' title.
        var bodyHeight: Double { bottom + 40 - bandTop }

        /// The layout of `chart` with its body starting at `bodyTop`.
        init(chart: TimeSeriesChart, bodyTop: Double) {
            points = chart.series.map { series in
                let keepsGaps = series.mark == .line || series.mark == .step
                return series.points.enumerated()
                    .filter { keepsGaps || $0.element.value.isFinite }
                    .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
                    .map(\.element)
            }
            stacks = StackedValues(series: chart.series, points: points)
            var all: [Double] = stacks.extremes
            for (index, series) in chart.series.enumerated()
            where series.mark == .line || series.mark == .step {
                all += points[index].map(\.value).filter(\.isFinite)
            }
            all += chart.thresholds.map(\.value).filter(\.isFinite)
            values = ValueScale(
                covering: all, wholeNumbers: chart.format == .count && all.allSatisfy { $0 == $0.rounded() })
            valueLabels = chart.format.tickLabels(for: values)
            let labelWidth =
                valueLabels.map { ChartFrame.textWidth($0, fontSize: ChartFrame.smallTextSize) }
                .max() ?? 0
            left = ChartFrame.margin + (chart.valueTitle == nil ? 0 : 18) + labelWidth + 8
            right = ChartFrame.width - ChartFrame.margin - 8
            time = TimeScale(
                calendar: chart.calendar, start: chart.start, end: chart.end,
                maximumTicks: Int((right - left) / 80))
            markerLanes = Self.lanes(for: chart.markers, time: time, left: left, right: right)
            let lanes = markerLanes.map { $0.lane + 1 }.max() ?? 0
            bandTop = bodyTop
            top = bodyTop + Double(lanes) * TimeSeriesChart.laneHeight + 8
        }

        func x(_ time: SimTime) -> Double {
            left + min(max(self.time.fraction(of: time), 0), 1) * (right - left)
        }

        func y(_ value: Double) -> Double {
            bottom - min(max(values.fraction(of: value), 0), 1) * TimeSeriesChart.plotHeight
        }

        /// Markers within the axis get the first lane where their label does
        /// not overlap the one before (at most 4 lanes; past that, the lane
        /// that frees up first).
        private static func lanes(for markers: [Marker], time: TimeScale, left: Double, right: Double)
            -> [(marker: Marker, lane: Int)]
        {
            let sorted = markers.enumerated()
                .filter { $0.element.time >= time.start && $0.element.time <= time.end }
                .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
                .map(\.element)
            var laneEnds: [Double] = []
            var result: [(marker: Marker, lane: Int)] = []
            for marker in sorted {
                let x = left + time.fraction(of: marker.time) * (right - left)
                let span = labelSpan(marker.label, x: x, right: right)
                var lane = laneEnds.firstIndex { $0 + 6 <= span.lowerBound }
                if lane == nil && laneEnds.count < 4 {
                    laneEnds.append(-Double.infinity)
                    lane = laneEnds.count - 1
                }
                let chosen = lane ?? laneEnds.indices.min { laneEnds[$0] < laneEnds[$1] }!
                laneEnds[chosen] = span.upperBound
                result.append((marker, chosen))
            }
            return result
        }

        /// The horizontal extent of a marker label at `x`: to the right of
        /// the line, or to its left when it would run past the plot.
        static func labelSpan(_ label: String, x: Double, right: Double) -> ClosedRange<Double> {
            let width = ChartFrame.textWidth(label, fontSize: ChartFrame.smallTextSize)
            return x + 3 + width <= right ? (x + 3)...(x + 3 + width) : (x - 3 - width)...(x - 3)
        }
    }
}
