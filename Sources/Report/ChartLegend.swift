import SESSimulation
import ScenarioFormat

/// A chart's key: one swatch and name per series, laid out in rows that
/// wrap at the chart's width.
struct ChartLegend {
    /// One entry.
    struct Item: Equatable {
        /// How the swatch looks: a line (lines and steps) or a filled box
        /// (areas and bars).
        enum Swatch: Equatable {
            case line
            case box
        }

        var label: String
        var style: SeriesStyle
        var swatch: Swatch
    }

    var items: [Item]

    static let rowHeight = 18.0
    static let fontSize = 12.0
    private static let swatchWidth = 18.0
    private static let itemGap = 16.0

    /// Each item's row and offset from the left edge, for a legend no wider
    /// than `width`: items go left to right and wrap; an item wider than a
    /// row has a row of its own.
    func layout(width: Double) -> [(row: Int, x: Double)] {
        var result: [(row: Int, x: Double)] = []
        var row = 0
        var x = 0.0
        for item in items {
            let itemWidth = Self.width(of: item)
            if x > 0 && x + itemWidth > width {
                row += 1
                x = 0
            }
            result.append((row, x))
            x += itemWidth + Self.itemGap
        }
        return result
    }

    /// The height the legend takes at `width`: nothing when it is empty.
    func height(width: Double) -> Double {
        guard let last = layout(width: width).last else { return 0 }
        return Double(last.row + 1) * Self.rowHeight
    }

    /// Draws the legend with its first row's top at `top`.
    func draw(into writer: inout MarkupWriter, left: Double, top: Double, width: Double) {
        guard !items.isEmpty else { return }
        writer.start("g", [("class", "legend"), ("font-size", ChartNumber.coordinate(Self.fontSize))])
        for (item, place) in zip(items, layout(width: width)) {
            let x = left + place.x
            let middle = top + Double(place.row) * Self.rowHeight + Self.rowHeight / 2
            let c = ChartNumber.coordinate
            switch item.swatch {
            case .line:
                writer.element(
                    "line",
                    [
                        ("x1", c(x)), ("y1", c(middle)), ("x2", c(x + Self.swatchWidth)), ("y2", c(middle)),
                        ("stroke", item.style.color), ("stroke-width", "2.5"),
                        ("stroke-dasharray", item.style.dash),
                    ])
            case .box:
                writer.element(
                    "rect",
                    [
                        ("x", c(x)), ("y", c(middle - 5)), ("width", c(Self.swatchWidth)), ("height", "10"),
                        ("fill", item.style.color),
                        ("fill-opacity", ChartNumber.grouped(item.style.fillOpacity)),
                        ("stroke", item.style.color),
                    ])
            }
            writer.element(
                "text", [("x", c(x + Self.swatchWidth + 5)), ("y", c(middle + 4))], content: item.label)
        }
        writer.end()
    }

    private static func width(of item: Item) -> Double {
        swatchWidth + 5 + ChartFrame.textWidth(item.label, fontSize: fontSize)
    }
}
