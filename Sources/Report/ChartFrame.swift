import SESSimulation
import ScenarioFormat

/// What every chart has around its plot: the `<svg>` root, sized by its
/// `viewBox` so that it scales to the page's width; a title; a legend; and a
/// one-line caption below.
///
/// A chart lays its body out first (it knows its height), then hands the
/// frame a closure that draws it between the legend and the caption.
struct ChartFrame {
    /// The viewBox width every chart is laid out in.
    static let width = 800.0
    /// The space between the frame's edge and its contents.
    static let margin = 16.0
    static let titleSize = 15.0
    static let textSize = 12.0
    static let smallTextSize = 11.0

    var title: String
    var caption: String?
    var legend: ChartLegend

    /// The width of the contents, inside the margins.
    static var contentWidth: Double { width - 2 * margin }

    /// The top of the body: below the title and the legend.
    var bodyTop: Double {
        let legendHeight = legend.height(width: Self.contentWidth)
        return 30 + legendHeight + (legendHeight > 0 ? 6 : 0)
    }

    /// The complete `<svg>` element, with a body `bodyHeight` tall drawn by
    /// `drawBody` from ``bodyTop`` down.
    func svg(bodyHeight: Double, drawBody: (inout MarkupWriter) -> Void) -> String {
        let captionTop = bodyTop + bodyHeight
        let height = captionTop + (caption == nil ? 8 : 26)
        let c = ChartNumber.coordinate
        var writer = MarkupWriter()
        writer.start(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(c(Self.width)) \(c(height))"),
                ("role", "img"), ("aria-label", title),
                ("font-family", "system-ui, -apple-system, sans-serif"),
                ("font-size", c(Self.textSize)), ("fill", ChartPalette.ink),
            ])
        writer.element("title", content: title)
        writer.element(
            "text",
            [("x", c(Self.margin)), ("y", "20"), ("font-size", c(Self.titleSize)), ("font-weight", "600")],
            content: title)
        legend.draw(into: &writer, left: Self.margin, top: 30, width: Self.contentWidth)
        drawBody(&writer)
        if let caption {
            writer.element(
                "text",
                [("x", c(Self.margin)), ("y", c(captionTop + 18)), ("fill", ChartPalette.muted)],
                content: caption)
        }
        writer.end()
        return writer.finished
    }

    /// An estimate of how wide `text` is at `fontSize` in a sans-serif face:
    /// enough to lay labels out without measuring them (no fonts are loaded).
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * 0.6
    }

    /// `text` cut with an ellipsis to fit `width` at `fontSize`.
    static func truncate(_ text: String, toWidth width: Double, fontSize: Double) -> String {
        let fitting = Int(width / (fontSize * 0.6))
        guard text.count > fitting else { return text }
        return String(text.prefix(max(fitting - 1, 1))) + "…"
    }
}
