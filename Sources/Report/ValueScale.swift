import SESSimulation
import ScenarioFormat

/// A value axis with "nice" round ticks: a step of 1, 2 or 5 times a power
/// of ten, and bounds that are whole multiples of the step, so that every
/// tick label is short and exact.
///
/// The axis always includes zero (the report plots counts and rates, whose
/// size is read against zero), and a range with nothing in it (no data, or
/// all zeros) becomes 0 to 1 rather than collapsing. The arithmetic uses
/// only IEEE basic operations (no `log10` or `pow` from the C library), so
/// the ticks are the same on every platform.
struct ValueScale: Equatable {
    /// The lowest tick.
    let lower: Double
    /// The highest tick.
    let upper: Double
    /// The step's leading digit: 1, 2 or 5.
    let stepMantissa: Int
    /// The step's power of ten: the step is `stepMantissa × 10^stepExponent`.
    let stepExponent: Int
    /// The index of the lowest tick: `lower = lowerIndex × step`.
    private let lowerIndex: Int
    private let tickCount: Int

    /// A scale covering `values` (and zero) with about `targetTicks` ticks
    /// (at least 2); `wholeNumbers` keeps the step at 1 or more, for counts.
    /// Non-finite values are ignored.
    init(covering values: [Double], targetTicks: Int = 5, wholeNumbers: Bool = false) {
        let finite = values.filter(\.isFinite)
        var low = min(finite.min() ?? 0, 0)
        var high = max(finite.max() ?? 0, 0)
        if high - low <= 0 || !(high - low).isFinite {
            low = 0
            high = 1
        }
        let intervals = Double(max(targetTicks, 2) - 1)
        var (mantissa, exponent) = Self.niceStep(above: (high - low) / intervals)
        if wholeNumbers && exponent < 0 {
            mantissa = 1
            exponent = 0
        }
        let step = Self.value(mantissa: mantissa, exponent: exponent)
        let lowIndex = Int((low / step).rounded(.down))
        let highIndex = max(Int((high / step).rounded(.up)), lowIndex + 1)
        stepMantissa = mantissa
        stepExponent = exponent
        lowerIndex = lowIndex
        tickCount = highIndex - lowIndex + 1
        lower = Self.value(multiple: lowIndex, mantissa: mantissa, exponent: exponent)
        upper = Self.value(multiple: highIndex, mantissa: mantissa, exponent: exponent)
    }

    /// The distance between ticks.
    var step: Double { Self.value(mantissa: stepMantissa, exponent: stepExponent) }

    /// The tick values, lowest first, each computed from its integer index
    /// (so `0.3` is `0.3`, not `0.1 + 0.1 + 0.1`).
    var ticks: [Double] {
        (0..<tickCount).map {
            Self.value(multiple: lowerIndex + $0, mantissa: stepMantissa, exponent: stepExponent)
        }
    }

    /// Where `value` falls between `lower` (0) and `upper` (1).
    func fraction(of value: Double) -> Double {
        (value - lower) / (upper - lower)
    }

    /// The smallest step of 1, 2 or 5 × 10^n that is at least `rough`.
    static func niceStep(above rough: Double) -> (mantissa: Int, exponent: Int) {
        guard rough.isFinite, rough > 0 else { return (1, 0) }
        var exponent = 0
        var power = 1.0
        while power * 10 <= rough {
            power *= 10
            exponent += 1
        }
        while power > rough {
            power /= 10
            exponent -= 1
        }
        // Now power ≤ rough < 10 × power.
        for mantissa in [1, 2, 5] where Double(mantissa) * power >= rough {
            return (mantissa, exponent)
        }
        return (1, exponent + 1)
    }

    /// `mantissa × 10^exponent`.
    static func value(mantissa: Int, exponent: Int) -> Double {
        value(multiple: 1, mantissa: mantissa, exponent: exponent)
    }

    /// `multiple × mantissa × 10^exponent`, dividing by an exact power of ten
    /// for negative exponents so that decimal ticks come out as the nearest
    /// double to the decimal number.
    static func value(multiple: Int, mantissa: Int, exponent: Int) -> Double {
        var power = 1.0
        for _ in 0..<abs(exponent) { power *= 10 }
        let units = Double(multiple * mantissa)
        return exponent >= 0 ? units * power : units / power
    }
}
