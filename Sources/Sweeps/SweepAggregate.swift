import Runner
import SESSimulation
import ScenarioFormat
import SimJSON

/// The aggregate of a sweep's replications, point by point: each figure's
/// statistics (``FigureStatistics``) and each expectation's pass rate and
/// verdict over the replications — `aggregate.json`.
///
/// It is computed from the manifest and the results alone, in replication
/// order, so a sweep on one machine and the merge of its shards write the
/// same bytes. A shard's aggregate gives pass rates but no verdicts: a
/// shard holds only some of each point's replications.
public struct SweepAggregate: Sendable {
    /// One grid point's aggregate.
    public struct Point: Sendable {
        public var point: SweepPoint
        public var replications: Int
        /// Replications in which every expectation held.
        public var passedReplications: Int
        /// Each figure's statistics, by path, in sorted order.
        public var figures: [(path: String, statistics: FigureStatistics)]
        public var expectations: [Expectation]
    }

    /// One expectation judged over a point's replications.
    public struct Expectation: Sendable {
        public var definition: SweepManifest.Expectation
        /// Replications in which it held.
        public var passedReplications: Int
        /// The verdict over the replications; nil when there are none.
        public var passed: Bool?
        /// The statistic compared (for every criterion but `each`).
        public var value: Double?
        /// What the replications showed, for people.
        public var observed: String
        /// The statistics of the finite numbers the replications checked
        /// (nil when none has one: a text value, or no campaign completed);
        /// for the printed summary, not `aggregate.json`.
        public var values: FigureStatistics? = nil
        /// Replications whose number was infinite: a campaign that did not complete.
        public var unfinished = 0
    }

    public let manifest: SweepManifest
    public let points: [Point]

    /// Whether every expectation holds at every point.
    public var passed: Bool { points.allSatisfy { $0.expectations.allSatisfy { $0.passed != false } } }

    /// How many replications are aggregated.
    public var replicationCount: Int { points.reduce(0) { $0 + $1.replications } }

    /// The aggregate of `results` (sorted by replication number, each
    /// belonging to the sweep `manifest` describes).
    public init(manifest: SweepManifest, results: [ReplicationResult]) {
        self.manifest = manifest
        var byPoint = [[ReplicationResult]](repeating: [], count: manifest.grid.pointCount)
        for result in results { byPoint[result.point].append(result) }
        points = byPoint.enumerated().map { index, results in
            var point = Self.aggregate(
                point: manifest.grid.point(at: index), results: results,
                expectations: manifest.expectations[index])
            if manifest.shard != nil {
                // A shard holds some of each point's replications: sesim merge judges.
                for index in point.expectations.indices {
                    point.expectations[index].passed = nil
                    point.expectations[index].value = nil
                    point.expectations[index].observed = "judged when the shards are merged"
                }
            }
            return point
        }
    }

    private static func aggregate(
        point: SweepPoint, results: [ReplicationResult], expectations: [SweepManifest.Expectation]
    ) -> Point {
        var values: [String: [Double]] = [:]
        for result in results {
            for (path, value) in result.figures { values[path, default: []].append(value) }
        }
        let figures = values.keys.sorted().map { path in (path, FigureStatistics(values: values[path]!)) }
        let judged = expectations.enumerated().map { index, definition in
            judge(
                definition,
                verdicts: results.compactMap { index < $0.expectations.count ? $0.expectations[index] : nil })
        }
        return Point(
            point: point, replications: results.count, passedReplications: results.filter(\.passed).count,
            figures: figures, expectations: judged)
    }

    /// Judges `definition` over one point's `verdicts`.
    static func judge(_ definition: SweepManifest.Expectation, verdicts: [ReplicationResult.Verdict])
        -> Expectation
    {
        let passedCount = verdicts.filter(\.passed).count
        var judged = Expectation(
            definition: definition, passedReplications: passedCount, passed: nil, value: nil,
            observed: "no replications")
        guard !verdicts.isEmpty else { return judged }
        let finite = verdicts.compactMap(\.value).filter(\.isFinite)
        judged.values = finite.isEmpty ? nil : FigureStatistics(values: finite)
        judged.unfinished = verdicts.filter { $0.value == .infinity }.count
        guard definition.over.isStatistic else {
            judged.passed = passedCount == verdicts.count
            judged.observed = "\(passedCount) of \(verdicts.count) replications passed"
            return judged
        }
        let numbers = verdicts.compactMap(\.value)
        guard numbers.count == verdicts.count else {
            judged.passed = false
            judged.observed =
                "no number in \(verdicts.count - numbers.count) of \(verdicts.count) replications"
            return judged
        }
        guard let statistic = statistic(definition.over, of: numbers) else {
            judged.passed = false
            judged.observed = "\(definition.over) needs at least 2 replications"
            return judged
        }
        judged.value = statistic
        judged.passed = ExpectationEvaluator.compare(.number(statistic), definition.comparison).0
        judged.observed =
            statistic.isInfinite ? "∞ (not every campaign completed)" : JSONNumber.format(statistic)
        return judged
    }

    /// The statistic `criterion` of `numbers` (in replication order); nil
    /// for a confidence bound of a single number. An infinite number (a
    /// campaign that never completed) makes the mean and its bounds
    /// infinite.
    static func statistic(_ criterion: ReplicationCriterion, of numbers: [Double]) -> Double? {
        let infinite = numbers.contains { $0.isInfinite }
        switch criterion {
        case .each:
            return nil
        case .percentile(let percent):
            return FigureStatistics.percentile(percent, ofSorted: numbers.sorted())
        case .mean:
            return infinite ? .infinity : FigureStatistics(values: numbers).mean
        case .upperConfidenceBound, .lowerConfidenceBound:
            guard numbers.count > 1 else { return nil }
            if infinite { return .infinity }
            guard let interval = FigureStatistics(values: numbers).confidenceInterval else { return nil }
            return criterion == .upperConfidenceBound ? interval.upperBound : interval.lowerBound
        }
    }

    /// The `aggregate.json` text.
    public var text: String { json.serialized(pretty: true) + "\n" }

    var json: JSONValue {
        var members: [String: JSONValue] = [
            "scenario": .string(manifest.scenario), "scenarioHash": .string(manifest.scenarioHash),
            "version": .string(manifest.version), "seeds": SweepManifest.json(manifest.seeds),
            "replications": .int(replicationCount), "passed": .bool(passed),
            "points": .array(points.map(Self.json)),
        ]
        if let shard = manifest.shard { members["shard"] = SweepManifest.json(shard) }
        return .object(members)
    }

    private static func json(_ point: Point) -> JSONValue {
        .object([
            "index": .int(point.point.index), "parameters": point.point.json,
            "replications": .int(point.replications), "passedReplications": .int(point.passedReplications),
            "figures": .object(
                Dictionary(uniqueKeysWithValues: point.figures.map { ($0.path, $0.statistics.json) })),
            "expectations": .array(
                point.expectations.map { expectation in
                    var members: [String: JSONValue] = [
                        "description": .string(expectation.definition.description),
                        "over": .string(expectation.definition.over.description),
                        "passedReplications": .int(expectation.passedReplications),
                        "passRate": point.replications > 0
                            ? .number(Double(expectation.passedReplications) / Double(point.replications))
                            : .null,
                        "passed": expectation.passed.map { .bool($0) } ?? .null,
                        "observed": .string(expectation.observed),
                    ]
                    if let value = expectation.value, value.isFinite { members["value"] = .number(value) }
                    return .object(members)
                }),
        ])
    }
}
