import SESSimulation
import ScenarioFormat

/// Horizontal bars, one per labelled row, each split into stacked segments
/// (one segment: a plain bar chart): "top 10 dimension values", outcomes per
/// mailbox provider.
///
/// Rows are drawn in the order given, each with its total at the bar's end
/// and a tooltip per segment. With ``maximumRows`` the rows past the limit
/// are summed into one last row (`12 others`), so that a long tail neither
/// disappears nor swamps the chart. Negative and non-finite values count as
/// zero: bars show amounts.
struct BarChart {
    /// One part of every bar.
    struct Segment {
        var name: String
        /// The palette slot (see ``ChartPalette``); nil: the segment's position.
        var slot: Int?
    }

    /// One bar: its label and a value per segment.
    struct Row {
        var label: String
        var values: [Double]
    }

    var title: String
    var caption: String?
    var segments: [Segment]
    var rows: [Row]
    var format: ValueFormat = .count
    /// At most this many rows, the last of them the sum of the rest.
    var maximumRows: Int?

    static let barHeight = 18.0
    static let rowPitch = 26.0
    private static let maximumLabelWidth = 240.0

    /// The rows drawn: ``rows`` with the tail past ``maximumRows`` summed.
    var shownRows: [Row] {
        guard let limit = maximumRows, limit >= 1, rows.count > limit else { return rows }
        let tail = rows[(limit - 1)...]
        let sums = segments.indices.map { segment in
            tail.reduce(0) { $0 + Self.amount($1.values, segment) }
        }
        return Array(rows.prefix(limit - 1)) + [Row(label: "\(tail.count) others", values: sums)]
    }

    /// The chart as an `<svg>` element.
    func svg() -> String {
        let rows = shownRows
        let totals = rows.map { row in segments.indices.reduce(0) { $0 + Self.amount(row.values, $1) } }
        let scale = ValueScale(
            covering: totals, wholeNumbers: format == .count && totals.allSatisfy { $0 == $0.rounded() })
        let tickLabels = format.tickLabels(for: scale)
        let totalLabels = totals.map(format.label)
        let small = ChartFrame.smallTextSize
        let labelWidth = min(
            rows.map { ChartFrame.textWidth($0.label, fontSize: ChartFrame.textSize) }.max() ?? 0,
            Self.maximumLabelWidth)
        let left = ChartFrame.margin + labelWidth + 8
        let right =
            ChartFrame.width - ChartFrame.margin
            - max(totalLabels.map { ChartFrame.textWidth($0, fontSize: small) }.max() ?? 0, 12) - 8
        let frame = ChartFrame(
            title: title, caption: caption,
            legend: ChartLegend(
                items: segments.count < 2
                    ? []
                    : segments.enumerated().map { index, segment in
                        ChartLegend.Item(label: segment.name, style: style(of: index), swatch: .box)
                    }))
        let plotHeight = Double(max(rows.count, 1)) * Self.rowPitch
        let c = ChartNumber.coordinate
        func x(_ value: Double) -> Double {
            left + min(max(scale.fraction(of: value), 0), 1) * (right - left)
        }

        return frame.svg(bodyHeight: plotHeight + 28) { writer in
            let top = frame.bodyTop + 4
            let bottom = top + plotHeight
            writer.start("g", [("class", "grid"), ("stroke", ChartPalette.grid)])
            for tick in scale.ticks {
                writer.element(
                    "line", [("x1", c(x(tick))), ("y1", c(top)), ("x2", c(x(tick))), ("y2", c(bottom))])
            }
            writer.end()
            if rows.isEmpty {
                writer.element(
                    "text",
                    [
                        ("x", c((left + right) / 2)), ("y", c(top + Self.rowPitch / 2 + 4)),
                        ("text-anchor", "middle"),
                        ("fill", ChartPalette.muted),
                    ], content: "no data in this run")
            }
            for (index, row) in rows.enumerated() {
                let barTop = top + Double(index) * Self.rowPitch + (Self.rowPitch - Self.barHeight) / 2
                let middle = barTop + Self.barHeight / 2 + 4
                writer.start("g", [("class", "bar")])
                writer.element(
                    "text", [("x", c(left - 8)), ("y", c(middle)), ("text-anchor", "end")],
                    content: ChartFrame.truncate(
                        row.label, toWidth: Self.maximumLabelWidth, fontSize: ChartFrame.textSize))
                var base = 0.0
                for segment in segments.indices {
                    let value = Self.amount(row.values, segment)
                    guard value > 0 else { continue }
                    let style = style(of: segment)
                    writer.start(
                        "rect",
                        [
                            ("x", c(x(base))), ("y", c(barTop)), ("width", c(x(base + value) - x(base))),
                            ("height", c(Self.barHeight)), ("fill", style.color),
                            ("fill-opacity", ChartNumber.grouped(style.fillOpacity)),
                        ])
                    writer.element(
                        "title", content: "\(row.label) — \(segments[segment].name): \(format.label(value))")
                    writer.end()
                    base += value
                }
                writer.element(
                    "text",
                    [
                        ("x", c(x(base) + 4)), ("y", c(middle)), ("font-size", c(small)),
                        ("fill", ChartPalette.muted),
                    ],
                    content: totalLabels[index])
                writer.end()
            }
            writer.start("g", [("class", "axes"), ("font-size", c(small)), ("fill", ChartPalette.muted)])
            writer.element(
                "line",
                [
                    ("x1", c(left)), ("y1", c(top)), ("x2", c(left)), ("y2", c(bottom)),
                    ("stroke", ChartPalette.muted),
                ])
            for (tick, label) in zip(scale.ticks, tickLabels) {
                writer.element(
                    "text", [("x", c(x(tick))), ("y", c(bottom + 16)), ("text-anchor", "middle")],
                    content: label)
            }
            writer.end()
        }
    }

    func style(of index: Int) -> SeriesStyle {
        ChartPalette.style(slot: segments[index].slot ?? index)
    }

    /// The value of `segment` in `values`: zero when missing, negative or
    /// not finite.
    private static func amount(_ values: [Double], _ segment: Int) -> Double {
        guard segment < values.count, values[segment].isFinite else { return 0 }
        return max(values[segment], 0)
    }
}
