import Runner
import SESSimulation
import ScenarioFormat
import SimJSON

/// The statistics of one figure over a point's replications, as
/// `aggregate.json` gives them.
///
/// - `mean`: the arithmetic mean, summed in replication order.
/// - `standardDeviation`: the sample standard deviation (divisor n − 1),
///   computed in two passes; nil for a single value.
/// - `confidenceInterval`: the Student-t 95% interval of the mean,
///   mean ± t(0.975, n − 1) · sd / √n; nil for a single value.
/// - `minimum`, `p5`, `p50`, `p95`, `maximum`: order statistics; the
///   percentiles interpolate linearly between the closest ranks (see
///   ``percentile(_:ofSorted:)``).
///
/// When every value is the same the mean is that value exactly and the
/// deviation is 0, so constant figures print without rounding noise.
public struct FigureStatistics: Hashable, Sendable {
    public var count: Int
    public var mean: Double
    public var standardDeviation: Double?
    public var confidenceInterval: ClosedRange<Double>?
    public var minimum: Double
    public var p5: Double
    public var p50: Double
    public var p95: Double
    public var maximum: Double

    /// The statistics of `values` (finite numbers, at least one), taken in
    /// the order given — the order fixes the rounding of the sums.
    public init(values: [Double]) {
        precondition(!values.isEmpty, "statistics of no values")
        let sorted = values.sorted()
        count = values.count
        minimum = sorted[0]
        maximum = sorted[sorted.count - 1]
        p5 = Self.percentile(5, ofSorted: sorted)
        p50 = Self.percentile(50, ofSorted: sorted)
        p95 = Self.percentile(95, ofSorted: sorted)
        if minimum == maximum {
            mean = minimum
            standardDeviation = count > 1 ? 0 : nil
            confidenceInterval = count > 1 ? mean...mean : nil
            return
        }
        mean = Self.mean(values)
        let sd = Self.standardDeviation(values, mean: mean)
        standardDeviation = sd
        let halfWidth = Self.confidenceHalfWidth(standardDeviation: sd, count: count)
        confidenceInterval = (mean - halfWidth)...(mean + halfWidth)
    }

    /// The arithmetic mean, summed in the order given.
    static func mean(_ values: [Double]) -> Double {
        var sum = 0.0
        for value in values { sum += value }
        return sum / Double(values.count)
    }

    /// The sample standard deviation (divisor n − 1) about `mean`; 0 for
    /// fewer than two values.
    static func standardDeviation(_ values: [Double], mean: Double) -> Double {
        guard values.count > 1 else { return 0 }
        var squares = 0.0
        for value in values {
            let deviation = value - mean
            squares += deviation * deviation
        }
        return (squares / Double(values.count - 1)).squareRoot()
    }

    /// The half-width of the Student-t 95% interval of a mean of `count`
    /// values with standard deviation `standardDeviation`.
    static func confidenceHalfWidth(standardDeviation: Double, count: Int) -> Double {
        guard count > 1 else { return .nan }
        return StudentT.quantile(0.975, degreesOfFreedom: Double(count - 1)) * standardDeviation
            / Double(count).squareRoot()
    }

    /// The `percent` percentile (0 to 100) of `sorted` (ascending, not
    /// empty), by linear interpolation between the closest ranks — Hyndman
    /// and Fan's type 7, the default of R, NumPy and spreadsheets'
    /// PERCENTILE.INC: with h = (n − 1) · percent / 100, the value is
    /// x[⌊h⌋] + (h − ⌊h⌋) · (x[⌊h⌋ + 1] − x[⌊h⌋]) (0-based ranks).
    /// Infinite values (campaigns that never finished) sort last and
    /// are returned as such when the rank lands on them.
    public static func percentile(_ percent: Double, ofSorted sorted: [Double]) -> Double {
        precondition(!sorted.isEmpty && (0...100).contains(percent))
        let h = Double(sorted.count - 1) * percent / 100
        let lower = Int(h.rounded(.down))
        let fraction = h - Double(lower)
        guard fraction > 0, lower + 1 < sorted.count else { return sorted[lower] }
        let (below, above) = (sorted[lower], sorted[lower + 1])
        if below == above || above.isInfinite { return below == above ? below : .infinity }
        return below + fraction * (above - below)
    }

    /// The statistics as an `aggregate.json` object.
    var json: JSONValue {
        var members: [String: JSONValue] = [
            "count": .int(count), "mean": .number(mean), "min": .number(minimum), "p5": .number(p5),
            "p50": .number(p50), "p95": .number(p95), "max": .number(maximum),
            "sd": standardDeviation.map { .number($0) } ?? .null,
        ]
        members["ci95"] =
            confidenceInterval.map {
                .object(["lower": .number($0.lowerBound), "upper": .number($0.upperBound)])
            }
            ?? .null
        return .object(members)
    }
}
