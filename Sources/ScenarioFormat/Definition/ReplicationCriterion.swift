import SimJSON

/// How a sweep judges an expectation over its replications: an `expect`
/// entry's `over:` key.
///
/// `sesim run` ignores it: a single run checks the value itself. In a sweep,
/// an expectation without `over:` is judged as `each`.
public enum ReplicationCriterion: Hashable, Sendable, CustomStringConvertible {
    /// Every replication must pass (`over: each`).
    case each
    /// The mean of the replications' values is compared (`over: mean`).
    case mean
    /// The upper bound of the Student-t 95% interval of the mean
    /// (`over: ci95.upper`): "with 95% confidence the mean is below …".
    case upperConfidenceBound
    /// The lower bound of that interval (`over: ci95.lower`).
    case lowerConfidenceBound
    /// A percentile of the values, 0 to 100 (`over: p(95)`), interpolated
    /// as ``FigureStatistics/percentile(_:ofSorted:)`` does.
    case percentile(Double)

    /// Reads `each`, `mean`, `ci95.upper`, `ci95.lower` or `p(N)` with N from
    /// 0 to 100; nil with `problem` set otherwise.
    public init?(parsing text: String, problem: inout String?) {
        switch text {
        case "each": self = .each
        case "mean": self = .mean
        case "ci95.upper": self = .upperConfidenceBound
        case "ci95.lower": self = .lowerConfidenceBound
        default:
            if text.hasPrefix("p(") && text.hasSuffix(")") {
                let inner = text.dropFirst(2).dropLast()
                guard let percent = Double(inner), percent.isFinite, (0...100).contains(percent) else {
                    problem = "'\(text)': the percentile must be a number from 0 to 100, as in p(95)"
                    return nil
                }
                self = .percentile(percent)
                return
            }
            var message = "unknown over '\(text)'"
            if let suggestion = Spelling.closest(
                to: text, among: ["each", "mean", "ci95.upper", "ci95.lower", "p(95)"])
            {
                message += " (did you mean '\(suggestion)'?)"
            }
            problem = message + "; expected one of each, mean, ci95.upper, ci95.lower or p(N), as in p(95)"
            return nil
        }
    }

    /// Whether the criterion compares a statistic of the values (all but `each`).
    public var isStatistic: Bool { self != .each }

    public var description: String {
        switch self {
        case .each: "each"
        case .mean: "mean"
        case .upperConfidenceBound: "ci95.upper"
        case .lowerConfidenceBound: "ci95.lower"
        case .percentile(let percent): "p(\(JSONNumber.format(percent)))"
        }
    }
}
