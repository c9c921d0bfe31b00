import SimCore
import SimJSON

/// The verdict on one expectation.
public struct ExpectationResult: Hashable, Sendable {
    /// The expectation's label.
    public var label: String
    /// Where it is in the scenario file.
    public var path: String
    public var passed: Bool
    /// What the run showed, e.g. `0.062` or `campaign not completed`.
    public var observed: String
    /// The value checked, when it is a number — for a campaign, its
    /// completion time in seconds, infinite when it did not complete — so
    /// that a sweep can take statistics of it over replications.
    public var value: Double? = nil

    /// The result as a summary value.
    package var summary: JSONValue {
        .object(["description": .string(label), "passed": .bool(passed), "observed": .string(observed)])
    }
}

/// Checks expectations against a run's summaries.
package enum ExpectationEvaluator {
    /// Checks `expectation` against the final summary, or the snapshot taken
    /// at its instant.
    package static func evaluate(
        _ expectation: ExpectationDefinition, final: JSONValue, snapshot: JSONValue?,
        campaigns: [String: [SimDuration?]]
    ) -> ExpectationResult {
        var result = ExpectationResult(
            label: expectation.label, path: expectation.path, passed: false, observed: "")
        switch expectation.check {
        case .metric(let path, let comparison, let at):
            let source = at == nil ? final : snapshot
            guard let source else {
                result.observed = "no reading was taken (the run ended first)"
                return result
            }
            guard let value = path.resolve(in: source) else {
                result.observed = "no value at \(path) in the summary"
                return result
            }
            (result.passed, result.observed) = compare(value, comparison)
            result.value = value.numberValue
        case .completesWithin(let campaign, let limit):
            guard let occurrences = campaigns[campaign], !occurrences.isEmpty else {
                result.observed = "the campaign never started"
                return result
            }
            if occurrences.contains(where: { $0 == nil }) {
                result.observed = "not completed by the end of the run"
                result.value = .infinity
                return result
            }
            let longest = occurrences.compactMap { $0 }.max() ?? .zero
            result.passed = longest <= limit
            result.observed = "completed in \(longest.approximateDescription)"
            result.value = longest.seconds
        }
        return result
    }

    package static func compare(_ value: JSONValue, _ comparison: Comparison) -> (Bool, String) {
        let observed: String
        switch value {
        case .string(let text): observed = text
        case .bool(let flag): observed = flag ? "true" : "false"
        case .integer(let number): observed = String(number)
        case .number(let number): observed = JSONNumber.format(number)
        case .null: observed = "null"
        case .array, .object: return (false, "a \(value.isArray ? "list" : "mapping"), not a value")
        }
        switch comparison {
        case .equals(.text(let text)): return (observed == text, observed)
        case .equals(.number(let expected)):
            guard let number = value.numberValue else { return (false, "\(observed) (not a number)") }
            return (number == expected, observed)
        case .below(let bound), .atMost(let bound), .atLeast(let bound), .above(let bound):
            guard let number = value.numberValue else { return (false, "\(observed) (not a number)") }
            switch comparison {
            case .below: return (number < bound, observed)
            case .atMost: return (number <= bound, observed)
            case .atLeast: return (number >= bound, observed)
            default: return (number > bound, observed)
            }
        }
    }
}

extension JSONValue {
    var isArray: Bool {
        if case .array = self { return true }
        return false
    }
}
