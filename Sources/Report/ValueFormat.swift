import SESSimulation
import ScenarioFormat

/// How a chart prints the values on its value axis and beside its marks.
enum ValueFormat: Equatable {
    /// Counts: `950`, `1,200`; on an axis reaching 10,000 or more, with a
    /// suffix — `15k`, `1.5M`, `2B`, `3T` (and zero as `0`).
    case count
    /// Fractions printed as percentages: `0.05` is `5%`, `0.0025` is `0.25%`
    /// (and zero as `0%`).
    case percent

    /// The label of every tick of `scale`, all with the same suffix and as
    /// many decimals as the step needs (`0.5`, `2.5k`, `0.2%`).
    func tickLabels(for scale: ValueScale) -> [String] {
        switch self {
        case .count:
            let largest = max(abs(scale.lower), abs(scale.upper))
            guard largest >= 10_000 else {
                let decimals = max(0, -scale.stepExponent)
                return scale.ticks.map { ChartNumber.fixed($0, decimals: decimals, grouped: true) }
            }
            let suffix = Self.suffix(for: largest)
            let decimals = max(0, suffix.exponent - scale.stepExponent)
            let divisor = ValueScale.value(mantissa: 1, exponent: suffix.exponent)
            return scale.ticks.map {
                $0 == 0
                    ? "0" : ChartNumber.fixed($0 / divisor, decimals: decimals, grouped: true) + suffix.symbol
            }
        case .percent:
            let decimals = max(0, -(scale.stepExponent + 2))
            return scale.ticks.map { $0 == 0 ? "0%" : ChartNumber.fixed($0 * 100, decimals: decimals) + "%" }
        }
    }

    /// One value on its own (a bar's total, a threshold): counts in full
    /// with separators (`1,234,567`, up to 2 decimals), percentages with up
    /// to 2 decimals (`5%`, `0.62%`).
    func label(_ value: Double) -> String {
        switch self {
        case .count: ChartNumber.grouped(value)
        case .percent: ChartNumber.grouped(value * 100) + "%"
        }
    }

    /// The suffix for an axis whose largest magnitude is `value` (≥ 10,000).
    private static func suffix(for value: Double) -> (symbol: String, exponent: Int) {
        if value >= 1e12 { return ("T", 12) }
        if value >= 1e9 { return ("B", 9) }
        if value >= 1e6 { return ("M", 6) }
        return ("k", 3)
    }
}
