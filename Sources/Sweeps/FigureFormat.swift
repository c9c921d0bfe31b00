import SimCore

/// How the sweep summary writes a figure's numbers for people: completion
/// times as durations (`18m37s`), rates as percentages (`1.028%`), other
/// numbers as ``SweepTable`` writes them. `aggregate.json` keeps the raw
/// numbers.
enum FigureFormat: Hashable, Sendable {
    case number
    /// Seconds, written as a duration.
    case duration
    /// A fraction, written as a percentage.
    case percent

    /// The format of the figure at `path`: a last component ending in
    /// `Seconds` is a duration, one ending in `Rate` a rate.
    init(path: String) {
        let last = path.split(separator: ".").last.map(String.init) ?? path
        if last.hasSuffix("Seconds") {
            self = .duration
        } else if last.hasSuffix("Rate") {
            self = .percent
        } else {
            self = .number
        }
    }

    /// The format of what `subject` checks (a plain number when unknown).
    init(_ subject: SweepManifest.Expectation.Subject?) {
        switch subject {
        case .campaign?: self = .duration
        case .metric(let path)?: self.init(path: path)
        case nil: self = .number
        }
    }

    /// `value` in this format.
    func text(_ value: Double) -> String {
        if value.isInfinite { return value > 0 ? "∞" : "-∞" }
        switch self {
        case .number:
            return SweepTable.number(value)
        case .duration:
            let text = SimDuration(seconds: value.magnitude).approximateDescription
            return value < 0 ? "-" + text : text
        case .percent:
            return SweepTable.number(value * 100) + "%"
        }
    }

    /// The 95% interval of the mean, `lower – upper`, or "—" without one.
    func interval(_ statistics: FigureStatistics) -> String {
        guard let interval = statistics.confidenceInterval else { return "—" }
        return "\(text(interval.lowerBound)) – \(text(interval.upperBound))"
    }
}
