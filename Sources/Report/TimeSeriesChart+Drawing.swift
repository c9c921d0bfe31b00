import SESSimulation
import ScenarioFormat
import SimCore

/// Drawing a ``TimeSeriesChart`` once its ``TimeSeriesChart/Layout`` is
/// known, back to front: grid, series, thresholds, markers, axes.
extension TimeSeriesChart {
    /// Light lines at every value and time tick.
    func drawGrid(_ plot: Layout, into writer: inout MarkupWriter) {
        let c = ChartNumber.coordinate
        writer.start("g", [("class", "grid"), ("stroke", ChartPalette.grid), ("stroke-width", "1")])
        for tick in plot.values.ticks {
            writer.element(
                "line",
                [
                    ("x1", c(plot.left)), ("y1", c(plot.y(tick))), ("x2", c(plot.right)),
                    ("y2", c(plot.y(tick))),
                ])
        }
        for tick in plot.time.ticks {
            writer.element(
                "line",
                [
                    ("x1", c(plot.x(tick.time))), ("y1", c(plot.top)), ("x2", c(plot.x(tick.time))),
                    ("y2", c(plot.bottom)),
                ])
        }
        writer.end()
    }

    /// The stacked layers, then the lines and steps over them (in series
    /// order); or, with no finite point at all, a note saying so.
    func drawSeries(_ plot: Layout, into writer: inout MarkupWriter) {
        let c = ChartNumber.coordinate
        if plot.points.allSatisfy({ $0.allSatisfy { !$0.value.isFinite } }) {
            writer.element(
                "text",
                [
                    ("x", c((plot.left + plot.right) / 2)), ("y", c(plot.top + Self.plotHeight / 2)),
                    ("text-anchor", "middle"), ("fill", ChartPalette.muted),
                ], content: "no data in this run")
            return
        }
        writer.start("g", [("class", "series")])
        for layer in plot.stacks.layers {
            let style = style(of: layer.series)
            let path =
                series[layer.series].mark == .stackedBars ? barsPath(layer, plot) : areaPath(layer, plot)
            guard !path.isEmpty else { continue }
            writer.element(
                "path",
                [
                    ("d", path), ("fill", style.color),
                    ("fill-opacity", ChartNumber.grouped(style.fillOpacity)),
                    ("stroke", style.dash == nil ? nil : style.color),
                    ("stroke-width", style.dash == nil ? nil : "1"),
                    ("stroke-dasharray", style.dash),
                ])
        }
        for (index, series) in series.enumerated() where series.mark == .line || series.mark == .step {
            let (path, dots) = linePath(plot.points[index], step: series.mark == .step, plot)
            let style = style(of: index)
            if !path.isEmpty {
                writer.element(
                    "path",
                    [
                        ("d", path), ("fill", "none"), ("stroke", style.color), ("stroke-width", "2"),
                        ("stroke-linejoin", "round"), ("stroke-dasharray", style.dash),
                    ])
            }
            for dot in dots {
                writer.element(
                    "circle",
                    [
                        ("cx", c(plot.x(dot.time))), ("cy", c(plot.y(dot.value))), ("r", "3"),
                        ("fill", style.color),
                    ])
            }
        }
        writer.end()
    }

    /// A line or step through `points` as one path, a subpath per run of
    /// finite points. A step holds each value until the next point — the
    /// last of a run until the gap's instant, the last of all until the
    /// axis' end. A line's run of a single point is a dot instead.
    private func linePath(_ points: [Point], step: Bool, _ plot: Layout) -> (path: String, dots: [Point]) {
        let c = ChartNumber.coordinate
        var path = ""
        var dots: [Point] = []
        var run: [Point] = []
        func endRun(at end: SimTime?) {
            if step, !run.isEmpty, let end { path += "H\(c(plot.x(end)))" }
            if !step && run.count == 1 { dots.append(run[0]) }
            run = []
        }
        for point in points {
            guard point.value.isFinite else {
                endRun(at: point.time)
                continue
            }
            if run.isEmpty {
                path += "M\(c(plot.x(point.time))) \(c(plot.y(point.value)))"
            } else if step {
                path += "H\(c(plot.x(point.time)))V\(c(plot.y(point.value)))"
            } else {
                path += "L\(c(plot.x(point.time))) \(c(plot.y(point.value)))"
            }
            run.append(point)
        }
        endRun(at: plot.time.end)
        return (path, dots)
    }

    /// One rectangle per instant, from the instant to the next one (or the
    /// axis' end), as subpaths of one path; a gap between bars when they are
    /// wide enough to show it.
    private func barsPath(_ layer: StackedValues.Layer, _ plot: Layout) -> String {
        let c = ChartNumber.coordinate
        var path = ""
        for index in layer.times.indices where layer.tops[index] != layer.bases[index] {
            var x0 = plot.x(layer.times[index])
            var x1 = plot.x(index + 1 < layer.times.count ? layer.times[index + 1] : plot.time.end)
            if x1 - x0 >= 6 {
                x0 += 1
                x1 -= 1
            }
            path +=
                "M\(c(x0)) \(c(plot.y(layer.tops[index])))H\(c(x1))V\(c(plot.y(layer.bases[index])))H\(c(x0))Z"
        }
        return path
    }

    /// The band between the layer's tops (left to right) and its bases
    /// (right to left).
    private func areaPath(_ layer: StackedValues.Layer, _ plot: Layout) -> String {
        let c = ChartNumber.coordinate
        guard !layer.times.isEmpty else { return "" }
        var parts: [String] = []
        for index in layer.times.indices {
            parts.append("\(c(plot.x(layer.times[index]))) \(c(plot.y(layer.tops[index])))")
        }
        for index in layer.times.indices.reversed() {
            parts.append("\(c(plot.x(layer.times[index]))) \(c(plot.y(layer.bases[index])))")
        }
        return "M" + parts.joined(separator: "L") + "Z"
    }

    /// Each threshold as a dashed line across the plot, its label at the
    /// right end above it (haloed, to stay readable over the data).
    func drawThresholds(_ plot: Layout, into writer: inout MarkupWriter) {
        let c = ChartNumber.coordinate
        for threshold in thresholds where threshold.value.isFinite {
            let color = Self.color(slot: threshold.slot)
            let y = plot.y(threshold.value)
            writer.start("g", [("class", "threshold")])
            writer.element(
                "line",
                [
                    ("x1", c(plot.left)), ("y1", c(y)), ("x2", c(plot.right)), ("y2", c(y)),
                    ("stroke", color),
                    ("stroke-width", "1.5"), ("stroke-dasharray", "6 4"),
                ])
            writer.element(
                "text",
                [
                    ("x", c(plot.right - 4)), ("y", c(y - 4)), ("text-anchor", "end"),
                    ("font-size", c(ChartFrame.smallTextSize)), ("fill", color), ("stroke", "#ffffff"),
                    ("stroke-width", "3"), ("paint-order", "stroke"),
                ], content: threshold.label)
            writer.end()
        }
    }

    /// Each marker as a dotted line from its label's lane down through the
    /// plot, the label beside the line.
    func drawMarkers(_ plot: Layout, into writer: inout MarkupWriter) {
        let c = ChartNumber.coordinate
        for (marker, lane) in plot.markerLanes {
            let color = Self.color(slot: marker.slot)
            let x = plot.x(marker.time)
            let laneTop = plot.bandTop + Double(lane) * Self.laneHeight
            let span = Layout.labelSpan(marker.label, x: x, right: plot.right)
            let leftOfLine = span.upperBound <= x
            writer.start("g", [("class", "marker")])
            writer.element(
                "line",
                [
                    ("x1", c(x)), ("y1", c(laneTop + 2)), ("x2", c(x)), ("y2", c(plot.bottom)),
                    ("stroke", color),
                    ("stroke-width", "1.25"), ("stroke-dasharray", "3 3"),
                ])
            writer.element(
                "text",
                [
                    ("x", c(leftOfLine ? x - 3 : x + 3)), ("y", c(laneTop + 11)),
                    ("text-anchor", leftOfLine ? "end" : "start"), ("font-size", c(ChartFrame.smallTextSize)),
                    ("fill", color),
                ], content: marker.label)
            writer.end()
        }
    }

    /// The zero line, the value labels (and title), the time ticks, labels
    /// and title.
    func drawAxes(_ plot: Layout, into writer: inout MarkupWriter) {
        let c = ChartNumber.coordinate
        let small = c(ChartFrame.smallTextSize)
        writer.start("g", [("class", "axes"), ("font-size", small), ("fill", ChartPalette.muted)])
        writer.element(
            "line",
            [
                ("x1", c(plot.left)), ("y1", c(plot.y(0))), ("x2", c(plot.right)), ("y2", c(plot.y(0))),
                ("stroke", ChartPalette.muted),
            ])
        for (tick, label) in zip(plot.values.ticks, plot.valueLabels) {
            writer.element(
                "text", [("x", c(plot.left - 6)), ("y", c(plot.y(tick) + 4)), ("text-anchor", "end")],
                content: label)
        }
        for tick in plot.time.ticks {
            let x = plot.x(tick.time)
            let half = ChartFrame.textWidth(tick.label, fontSize: ChartFrame.smallTextSize) / 2
            let anchor = x + half > ChartFrame.width - 2 ? "end" : "middle"
            writer.element(
                "line",
                [
                    ("x1", c(x)), ("y1", c(plot.bottom)), ("x2", c(x)), ("y2", c(plot.bottom + 4)),
                    ("stroke", ChartPalette.muted),
                ])
            writer.element(
                "text", [("x", c(x)), ("y", c(plot.bottom + 17)), ("text-anchor", anchor)],
                content: tick.label)
        }
        writer.element("text", [("x", c(plot.left)), ("y", c(plot.bottom + 34))], content: plot.time.title)
        if let valueTitle {
            let x = ChartFrame.margin + 10
            let y = (plot.top + plot.bottom) / 2
            writer.element(
                "text",
                [
                    ("x", c(x)), ("y", c(y)), ("text-anchor", "middle"),
                    ("transform", "rotate(-90 \(c(x)) \(c(y)))"),
                ], content: valueTitle)
        }
        writer.end()
    }
}
