import Foundation
import Runner
import SESSimulation
import ScenarioFormat
import SimJSON

/// The parameter grid of a sweep: one axis per `--set PATH=V1,V2,…`, and
/// the points of their cartesian product.
///
/// Points are numbered like nested loops in the order the `--set` options
/// were given: the first axis varies slowest, the last fastest. Without any
/// `--set` the grid has one point, the scenario as written.
public struct SweepGrid: Hashable, Sendable {
    /// One `--set`: a scenario path and the values it takes.
    public struct Axis: Hashable, Sendable {
        public let path: MetricPath
        /// The values as YAML text, in the order given.
        public let values: [String]
    }

    public let axes: [Axis]

    /// The most points a grid may have.
    public static let maximumPoints = 1_000_000

    /// Reads `--set` arguments, each `PATH=V1,V2,…`. Values are split at
    /// commas outside quotes, brackets and braces, so `x=[1, 2],[3]` gives
    /// two values and `x='a,b'` one.
    public init(settings: [String]) throws(SweepError) {
        var axes: [Axis] = []
        for setting in settings {
            let override: ScenarioOverride
            do {
                override = try ScenarioOverride(parsing: setting)
            } catch {
                throw SweepError("--set \(setting): \(error.message)")
            }
            guard !axes.contains(where: { $0.path == override.path }) else {
                throw SweepError(
                    "--set \(override.path) is given twice; list its values in one --set, separated by commas"
                )
            }
            let values = try Self.splitValues(override.value, setting: setting)
            axes.append(Axis(path: override.path, values: values))
        }
        try self.init(axes: axes)
    }

    public init(axes: [Axis]) throws(SweepError) {
        var count = 1
        for axis in axes {
            let (product, overflow) = count.multipliedReportingOverflow(by: axis.values.count)
            guard !overflow, product <= Self.maximumPoints else {
                throw SweepError("the --set values make more than \(Self.maximumPoints) points")
            }
            count = product
        }
        self.axes = axes
    }

    /// How many points.
    public var pointCount: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// The point numbered `index`.
    public func point(at index: Int) -> SweepPoint {
        var remainder = index
        var parameters: [SweepPoint.Parameter] = []
        for axis in axes.reversed() {
            parameters.append(.init(path: axis.path, value: axis.values[remainder % axis.values.count]))
            remainder /= axis.values.count
        }
        return SweepPoint(index: index, parameters: parameters.reversed())
    }

    /// Every point, in order.
    public var points: [SweepPoint] { (0..<pointCount).map(point(at:)) }

    /// `text` split at top-level commas, each value trimmed.
    static func splitValues(_ text: String, setting: String) throws(SweepError) -> [String] {
        var values: [String] = []
        var current = ""
        var nesting = 0
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "[" || character == "{" {
                nesting += 1
            } else if character == "]" || character == "}" {
                nesting -= 1
            } else if character == "," && nesting == 0 {
                values.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        values.append(current)
        values = values.map { $0.trimmingCharacters(in: .whitespaces) }
        if values.contains(where: \.isEmpty) {
            throw SweepError("--set \(setting): an empty value; separate the values with single commas")
        }
        var seen: Set<String> = []
        for value in values where !seen.insert(value).inserted {
            throw SweepError("--set \(setting): the value '\(value)' is listed twice")
        }
        return values
    }
}

/// One point of a sweep's grid: the scenario with some values replaced.
public struct SweepPoint: Hashable, Sendable {
    /// One replaced value.
    public struct Parameter: Hashable, Sendable {
        public let path: MetricPath
        /// The value as YAML text.
        public let value: String
    }

    /// The point's number in the grid.
    public let index: Int
    /// The replaced values, in the order of the grid's axes.
    public let parameters: [Parameter]

    /// The overrides the scenario loader applies.
    public var overrides: [ScenarioOverride] {
        parameters.map { ScenarioOverride(path: $0.path, value: $0.value) }
    }

    /// The parameters as a JSON object of paths to value texts.
    public var json: JSONValue {
        .object(Dictionary(uniqueKeysWithValues: parameters.map { ($0.path.description, .string($0.value)) }))
    }

    /// `path=value` pairs, in axis order, for tables (`scenario as written`
    /// for the grid's only point when nothing is set).
    public var label: String {
        parameters.isEmpty
            ? "scenario as written" : parameters.map { "\($0.path)=\($0.value)" }.joined(separator: " ")
    }
}
