import Runner
import SESSimulation
import ScenarioFormat
import SimJSON

/// What one replication of a sweep reports: one line of `runs.jsonl`.
///
/// A line is a JSON object with sorted keys:
/// - `replication`: its number in the sweep (point × seed count + seed offset);
/// - `point`: the grid point's number, and `parameters`, its `--set` values;
/// - `seed`; `scenarioHash` (see ``SweepPlan/scenarioHash``);
/// - `eventDigest`: the summary's digest, when the summary has one;
/// - `passed` and `expectations`: each expectation's verdict in this run
///   (`passed`, and `value`, the number checked — `"Infinity"` for a
///   campaign that did not complete — when there is one);
/// - `figures`: the summary's numeric figures flattened to paths such as
///   `events.delivery` or `clients.promo.campaigns[0].completionSeconds`
///   (the syntax of `expect` metrics). Every number of the summary is
///   one, and every true/false as 1/0 (so a figure's mean is the share of
///   replications where it held) — except the top-level `seed`, `passed`
///   and `expectations`, given above. At most ``figureLimit`` figures are
///   kept (the first in sorted order), `omittedFigures` counting the rest,
///   so that a line stays bounded however large the summary grows.
public struct ReplicationResult: Hashable, Sendable {
    /// One expectation's verdict in one run.
    public struct Verdict: Hashable, Sendable {
        public var passed: Bool
        /// The number the expectation checked; +∞ for an unfinished campaign.
        public var value: Double?
    }

    public var replication: Int
    public var point: Int
    public var parameters: [String: String]
    public var seed: UInt64
    public var scenarioHash: String
    public var eventDigest: String?
    public var expectations: [Verdict]
    public var figures: [String: Double]
    public var omittedFigures: Int

    /// The most figures a line carries.
    public static let figureLimit = 1_000

    /// Whether every expectation held in this run.
    public var passed: Bool { expectations.allSatisfy(\.passed) }

    /// What identifies the result when a sweep resumes.
    public var key: ReplicationKey {
        ReplicationKey(scenarioHash: scenarioHash, parameters: parameters, seed: seed)
    }

    /// The result of `run`, replication `replication` of a sweep.
    public init(run: RunResult, replication: Int, point: SweepPoint, seed: UInt64, scenarioHash: String) {
        self.replication = replication
        self.point = point.index
        self.parameters = Dictionary(
            uniqueKeysWithValues: point.parameters.map { ($0.path.description, $0.value) })
        self.seed = seed
        self.scenarioHash = scenarioHash
        if case .string(let digest)? = run.summary["eventDigest"] { eventDigest = digest }
        expectations = run.expectations.map { Verdict(passed: $0.passed, value: $0.value) }
        var figures: [String: Double] = [:]
        if case .object(let members) = run.summary {
            for (key, value) in members where !["seed", "passed", "expectations"].contains(key) {
                Self.flatten(value, path: MetricPath.join("", key), into: &figures)
            }
        }
        omittedFigures = max(0, figures.count - Self.figureLimit)
        if omittedFigures > 0 {
            let kept = figures.keys.sorted().prefix(Self.figureLimit)
            figures = Dictionary(uniqueKeysWithValues: kept.map { ($0, figures[$0]!) })
        }
        self.figures = figures
    }

    private static func flatten(_ value: JSONValue, path: String, into figures: inout [String: Double]) {
        switch value {
        case .integer(let number): figures[path] = Double(number)
        case .number(let number) where number.isFinite: figures[path] = number
        case .bool(let flag): figures[path] = flag ? 1 : 0
        case .object(let members):
            for (key, member) in members { flatten(member, path: MetricPath.join(path, key), into: &figures) }
        case .array(let items):
            for (index, item) in items.enumerated() {
                flatten(item, path: "\(path)[\(index)]", into: &figures)
            }
        default: break
        }
    }

    /// The `runs.jsonl` line, without its newline.
    public var line: String {
        var members: [String: JSONValue] = [
            "replication": .int(replication), "point": .int(point),
            "parameters": .object(parameters.mapValues { .string($0) }),
            "seed": .integer(Int64(seed)), "scenarioHash": .string(scenarioHash), "passed": .bool(passed),
            "expectations": .array(
                expectations.map { verdict in
                    var entry: [String: JSONValue] = ["passed": .bool(verdict.passed)]
                    if let value = verdict.value {
                        entry["value"] = value == .infinity ? .string("Infinity") : .number(value)
                    }
                    return .object(entry)
                }),
            "figures": .object(figures.mapValues { .number($0) }),
        ]
        if let eventDigest { members["eventDigest"] = .string(eventDigest) }
        if omittedFigures > 0 { members["omittedFigures"] = .int(omittedFigures) }
        return JSONValue.object(members).serialized()
    }

    /// Reads a `runs.jsonl` line.
    public init(line: some StringProtocol) throws(SweepError) {
        do {
            try self.init(reading: line)
        } catch let error as SweepError {
            throw error
        } catch {
            throw SweepError("\(error)")
        }
    }

    private init(reading line: some StringProtocol) throws {
        var reader = try JSONObjectReader(parsing: line, what: "a replication")
        replication = try reader.integer("replication", in: 0...Int.max)
        point = try reader.integer("point", in: 0...Int.max)
        parameters = try reader.stringMap("parameters")
        seed = UInt64(try reader.integer("seed", in: 0...Int.max))
        scenarioHash = try reader.string("scenarioHash")
        eventDigest = try reader.optionalString("eventDigest")
        expectations = []
        for entry in try reader.array("expectations") {
            var fields = JSONObjectReader(entry, what: "an expectation verdict")
            let passed = try fields.bool("passed")
            var value: Double?
            switch fields.optional("value") {
            case nil: value = nil
            case .string("Infinity")?: value = .infinity
            case let member?:
                guard let number = member.numberValue else {
                    throw SweepError("an expectation verdict's value is not a number")
                }
                value = number
            }
            try fields.finish()
            expectations.append(Verdict(passed: passed, value: value))
        }
        figures = try reader.numberMap("figures")
        omittedFigures = try reader.optionalInteger("omittedFigures", in: 0...Int.max) ?? 0
        let passed = try reader.bool("passed")
        try reader.finish()
        guard passed == self.passed else { throw SweepError("'passed' disagrees with the expectations") }
    }
}

/// What a sweep matches results by when it resumes: the scenario's hash,
/// the point's parameters and the seed.
public struct ReplicationKey: Hashable, Sendable {
    public var scenarioHash: String
    public var parameters: [String: String]
    public var seed: UInt64
}
