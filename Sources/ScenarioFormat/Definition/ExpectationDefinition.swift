import SimCore
import SimJSON

/// One check on a run's result.
public struct ExpectationDefinition: Hashable, Sendable {
    /// What is checked.
    public var check: Check
    /// A label for reports; defaults to a description of the check.
    public var label: String
    /// Its place in the file.
    public var path: String
    /// How a sweep judges it over its replications (`over:`); `sesim run`
    /// ignores it, and a sweep reads nil as ``ReplicationCriterion/each``.
    public var over: ReplicationCriterion? = nil

    public enum Check: Hashable, Sendable {
        /// A summary value, at the end or at an instant, compared with a value.
        case metric(path: MetricPath, comparison: Comparison, at: SimTime?)
        /// A campaign finished (every recipient's message reached a final
        /// outcome, or was dropped) within the given time of its start.
        case completesWithin(campaign: String, limit: SimDuration)
    }
}

/// How a value is compared.
public enum Comparison: Hashable, Sendable {
    case below(Double)
    case atMost(Double)
    case equals(ExpectedValue)
    case atLeast(Double)
    case above(Double)

    /// The comparison's keyword in scenario files.
    public var keyword: String {
        switch self {
        case .below: "below"
        case .atMost: "atMost"
        case .equals: "equals"
        case .atLeast: "atLeast"
        case .above: "above"
        }
    }

    /// The keywords, in the order they are documented.
    public static let keywords = ["below", "atMost", "equals", "atLeast", "above"]
}

/// A value an expectation compares with: a number or a text.
public enum ExpectedValue: Hashable, Sendable, CustomStringConvertible {
    case number(Double)
    case text(String)

    public var description: String {
        switch self {
        case .number(let value): JSONNumber.format(value)
        case .text(let text): text
        }
    }
}
