import SESSimulation
import ScenarioFormat
import SimJSON

/// Number text for the report, the same on every machine: no locale, no
/// Foundation formatter, a fixed number of decimals, `.` as the decimal point
/// and `,` between thousands.
package enum ChartNumber {
    /// `value` with exactly `decimals` fraction digits (0 to 6), rounded half
    /// away from zero: `fixed(2.345, 1)` is `2.3` or `2.4` as the binary
    /// value falls, but always the same. Never prints `-0`; a non-finite
    /// value prints as `–`.
    static func fixed(_ value: Double, decimals: Int, grouped: Bool = false) -> String {
        guard value.isFinite else { return "–" }
        let decimals = min(max(decimals, 0), 6)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        // Past Int64's range no fraction is left to print.
        guard scaled < 9e18 else { return JSONNumber.format(value) }
        let units = Int64(scaled)
        let whole = Int(units / Int64(scale))
        var text = grouped ? group(whole) : String(whole)
        if decimals > 0 {
            let fraction = String(units % Int64(scale))
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return value < 0 && units != 0 ? "-" + text : text
    }

    /// `1234567` as `1,234,567`.
    package static func group(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var output = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { output += "," }
            output.append(character)
        }
        return value < 0 ? "-" + output : output
    }

    /// `value` with thousands separators and as few decimals (up to
    /// `maximumDecimals`) as it needs: `1,234`, `0.25`, `12,345.5`.
    static func grouped(_ value: Double, maximumDecimals: Int = 2) -> String {
        trimmed(fixed(value, decimals: maximumDecimals, grouped: true))
    }

    /// An SVG coordinate or length: a tenth of a viewBox unit is finer than
    /// any screen needs, and one decimal keeps the file small.
    static func coordinate(_ value: Double) -> String {
        trimmed(fixed(value.isFinite ? value : 0, decimals: 1))
    }

    /// `text` without trailing fraction zeros (and without a bare point).
    private static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var text = text
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
