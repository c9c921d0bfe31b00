import Runner
import SESSimulation
import ScenarioFormat
import SimJSON

/// What a sweep is, written to `sweep.json` beside its results: the
/// scenario (name and hash), the seeds, the grid, and each point's
/// expectations — everything `sesim merge` needs to rebuild the aggregate
/// without the scenario file — and, for a shard, which one it is.
public struct SweepManifest: Hashable, Sendable {
    /// An expectation as a sweep judges it.
    public struct Expectation: Hashable, Sendable {
        /// What an expectation checks: a summary value or a campaign's
        /// completion time (in seconds).
        public enum Subject: Hashable, Sendable {
            /// A summary value by its metric path (`reputation.account.bounceRate`).
            case metric(String)
            /// A campaign: its longest completion time in seconds.
            case campaign(String)
        }

        public var description: String
        public var over: ReplicationCriterion
        /// The comparison; a campaign's `completesWithin` is `atMost` its
        /// limit in seconds.
        public var comparison: Comparison
        /// What is checked; nil in a `sweep.json` written before it was recorded.
        public var subject: Subject?

        public init(
            description: String, over: ReplicationCriterion, comparison: Comparison, subject: Subject? = nil
        ) {
            self.description = description
            self.over = over
            self.comparison = comparison
            self.subject = subject
        }
    }

    /// The scenario's name.
    public var scenario: String
    /// See ``SweepPlan/scenarioHash``.
    public var scenarioHash: String
    public var version: String
    public var seeds: SeedRange
    public var grid: SweepGrid
    /// Each point's expectations, by point number (a `--set` may change them).
    public var expectations: [[Expectation]]
    /// The shard these results are, if they are one.
    public var shard: Shard?

    public init(
        scenario: String, scenarioHash: String, version: String, seeds: SeedRange, grid: SweepGrid,
        expectations: [[Expectation]], shard: Shard?
    ) {
        self.scenario = scenario
        self.scenarioHash = scenarioHash
        self.version = version
        self.seeds = seeds
        self.grid = grid
        self.expectations = expectations
        self.shard = shard
    }

    /// Every replication of the sweep (all shards).
    public var replicationCount: Int { grid.pointCount * seeds.count }

    /// The point and seed of replication number `replication`: points in
    /// grid order, each with every seed in order.
    public func replication(_ replication: Int) -> (point: SweepPoint, seed: UInt64) {
        (grid.point(at: replication / seeds.count), seeds.seed(at: replication % seeds.count))
    }

    /// The manifest of the whole sweep this shard is part of.
    public var unsharded: SweepManifest {
        var copy = self
        copy.shard = nil
        return copy
    }

    /// The `sweep.json` text.
    public var text: String { json.serialized(pretty: true) + "\n" }

    var json: JSONValue {
        var members: [String: JSONValue] = [
            "scenario": .string(scenario), "scenarioHash": .string(scenarioHash), "version": .string(version),
            "seeds": Self.json(seeds), "replications": .int(replicationCount),
            "axes": .array(
                grid.axes.map { axis in
                    .object([
                        "path": .string(axis.path.description),
                        "values": .array(axis.values.map { .string($0) }),
                    ])
                }),
            "expectations": .array(expectations.map { .array($0.map(Self.json)) }),
        ]
        if let shard { members["shard"] = Self.json(shard) }
        return .object(members)
    }

    static func json(_ seeds: SeedRange) -> JSONValue {
        .object(["first": .integer(Int64(seeds.first)), "last": .integer(Int64(seeds.last))])
    }

    static func json(_ shard: Shard) -> JSONValue {
        .object(["index": .int(shard.index), "count": .int(shard.count)])
    }

    static func json(_ expectation: Expectation) -> JSONValue {
        let operand: JSONValue
        switch expectation.comparison {
        case .below(let value), .atMost(let value), .atLeast(let value), .above(let value):
            operand = .number(value)
        case .equals(.number(let value)): operand = .number(value)
        case .equals(.text(let text)): operand = .string(text)
        }
        var members: [String: JSONValue] = [
            "description": .string(expectation.description), "over": .string(expectation.over.description),
            expectation.comparison.keyword: operand,
        ]
        switch expectation.subject {
        case .metric(let path)?: members["metric"] = .string(path)
        case .campaign(let name)?: members["campaign"] = .string(name)
        case nil: break
        }
        return .object(members)
    }

    /// Reads `sweep.json` text.
    public init(text: String) throws(SweepError) {
        do {
            try self.init(reading: text)
        } catch let error as SweepError {
            throw error
        } catch {
            throw SweepError("\(error)")
        }
    }

    private init(reading text: String) throws {
        var reader = try JSONObjectReader(parsing: text, what: "sweep.json")
        scenario = try reader.string("scenario")
        scenarioHash = try reader.string("scenarioHash")
        version = try reader.string("version")
        var seedFields = JSONObjectReader(try reader.required("seeds"), what: "sweep.json seeds")
        seeds = try SeedRange(
            first: UInt64(try seedFields.integer("first", in: 0...Int.max)),
            last: UInt64(try seedFields.integer("last", in: 0...Int.max)))
        try seedFields.finish()
        var axes: [SweepGrid.Axis] = []
        for item in try reader.array("axes") {
            var fields = JSONObjectReader(item, what: "a sweep.json axis")
            let pathText = try fields.string("path")
            var problem: String?
            guard let path = MetricPath(parsing: pathText, problem: &problem) else {
                throw SweepError("sweep.json: bad axis path '\(pathText)'")
            }
            var values: [String] = []
            for member in try fields.array("values") {
                guard case .string(let text) = member else {
                    throw SweepError("sweep.json: an axis value is not a string")
                }
                values.append(text)
            }
            try fields.finish()
            axes.append(SweepGrid.Axis(path: path, values: values))
        }
        grid = try SweepGrid(axes: axes)
        expectations = []
        for point in try reader.array("expectations") {
            guard case .array(let items) = point else {
                throw SweepError("sweep.json: expectations must be lists")
            }
            var list: [Expectation] = []
            for item in items { list.append(try Self.expectation(item)) }
            expectations.append(list)
        }
        guard expectations.count == grid.pointCount else {
            throw SweepError(
                "sweep.json lists expectations for \(expectations.count) points, not \(grid.pointCount)")
        }
        if let shardValue = reader.optional("shard") {
            var fields = JSONObjectReader(shardValue, what: "sweep.json shard")
            shard = try Shard(
                index: try fields.integer("index", in: 0...Int.max),
                count: try fields.integer("count", in: 1...Int.max))
            try fields.finish()
        } else {
            shard = nil
        }
        _ = reader.optional("replications")
        try reader.finish()
    }

    private static func expectation(_ value: JSONValue) throws -> Expectation {
        var reader = JSONObjectReader(value, what: "a sweep.json expectation")
        let description = try reader.string("description")
        let overText = try reader.string("over")
        var problem: String?
        guard let over = ReplicationCriterion(parsing: overText, problem: &problem) else {
            throw SweepError("sweep.json: \(problem ?? "bad over")")
        }
        var comparison: Comparison?
        for keyword in Comparison.keywords {
            guard let operand = reader.optional(keyword) else { continue }
            guard comparison == nil else {
                throw SweepError("sweep.json: an expectation with two comparisons")
            }
            switch (keyword, operand) {
            case ("equals", .string(let text)): comparison = .equals(.text(text))
            case ("equals", _): comparison = operand.numberValue.map { .equals(.number($0)) }
            case ("below", _): comparison = operand.numberValue.map { .below($0) }
            case ("atMost", _): comparison = operand.numberValue.map { .atMost($0) }
            case ("atLeast", _): comparison = operand.numberValue.map { .atLeast($0) }
            default: comparison = operand.numberValue.map { .above($0) }
            }
            if comparison == nil { throw SweepError("sweep.json: '\(keyword)' needs a number") }
        }
        guard let comparison else { throw SweepError("sweep.json: an expectation without a comparison") }
        var subject: Expectation.Subject?
        switch (try reader.optionalString("metric"), try reader.optionalString("campaign")) {
        case (let path?, nil): subject = .metric(path)
        case (nil, let name?): subject = .campaign(name)
        case (nil, nil): subject = nil
        case (_?, _?): throw SweepError("sweep.json: an expectation with both a metric and a campaign")
        }
        try reader.finish()
        return Expectation(description: description, over: over, comparison: comparison, subject: subject)
    }
}

extension SweepManifest.Expectation {
    /// The expectation `definition` of a scenario.
    public init(_ definition: ExpectationDefinition) {
        description = definition.label
        over = definition.over ?? .each
        switch definition.check {
        case .metric(let path, let comparison, _):
            self.comparison = comparison
            subject = .metric(path.description)
        case .completesWithin(let campaign, let limit):
            comparison = .atMost(limit.seconds)
            subject = .campaign(campaign)
        }
    }
}
