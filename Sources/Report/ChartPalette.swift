import SESSimulation
import ScenarioFormat

/// The report's series colours: the Okabe–Ito palette, which stays
/// distinguishable with the common colour-vision deficiencies (its yellow,
/// too pale on white, replaced by a dark grey). Past seven series the
/// colours repeat with a dash pattern (lines) or a lighter fill (areas and
/// bars), so a series is never told apart by colour alone beyond the first
/// seven.
enum ChartPalette {
    /// Slot numbers by colour, for charts that give a meaning a fixed
    /// colour (accepted is blue, throttled orange, bounces vermilion…).
    static let blue = 0
    static let orange = 1
    static let green = 2
    static let vermilion = 3
    static let purple = 4
    static let sky = 5
    static let grey = 6

    static let colors = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#555555"]
    /// SVG `stroke-dasharray` values for each repetition of the colours.
    static let dashes: [String?] = [nil, "7 3", "2 2", "9 3 2 3"]
    /// Fill opacities for each repetition of the colours.
    static let fillOpacities = [0.85, 0.5, 0.3, 0.15]

    /// The drawing style of slot `slot` (any non-negative number).
    static func style(slot: Int) -> SeriesStyle {
        let slot = max(slot, 0)
        let round = slot / colors.count % dashes.count
        return SeriesStyle(
            color: colors[slot % colors.count], dash: dashes[round], fillOpacity: fillOpacities[round])
    }

    /// The colour of lines and labels that are not data: axes, grid,
    /// thresholds and markers.
    static let ink = "#222222"
    static let muted = "#666666"
    static let grid = "#E3E3E3"
}

/// How one series is drawn: its colour, and for repeated colours a dash
/// pattern and a fill opacity.
struct SeriesStyle: Equatable {
    var color: String
    /// An SVG `stroke-dasharray`, or nil for a solid line.
    var dash: String?
    var fillOpacity: Double
}
