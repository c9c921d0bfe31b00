import Runner
import SESSimulation
import ScenarioFormat
import SimJSON

/// Two variants of a scenario compared on the same seeds: common random
/// numbers. Per-recipient outcomes are keyed draws (DESIGN §2.4), so with
/// the same seed the same recipients behave the same way in both variants
/// and a difference between them comes from what differs between the
/// scenarios, not from chance — the paired interval is narrower than an
/// unpaired one.
///
/// For each figure present in both runs of at least one seed:
/// - `meanDifference`: the mean over seeds of (second − first);
/// - `pairedInterval`: its Student-t 95% interval, mean ± t(0.975, n − 1) ·
///   sd(differences) / √n;
/// - `unpairedInterval`: the Welch 95% interval of the difference of means
///   treating the two sets as independent samples (what independent seeds
///   would give): ± t(0.975, ν) · √(s₁²/n + s₂²/n), with Welch–Satterthwaite's ν;
/// - `halfWidthRatio`: the paired half-width over the unpaired one (0.2 =
///   five times narrower); nil when the unpaired half-width is 0.
public struct PairedComparison: Sendable {
    /// One figure's comparison.
    public struct Figure: Sendable {
        public var path: String
        /// Seeds on which both variants have the figure.
        public var pairs: Int
        public var firstMean: Double
        public var secondMean: Double
        public var meanDifference: Double
        public var pairedInterval: ClosedRange<Double>?
        public var unpairedInterval: ClosedRange<Double>?
        public var halfWidthRatio: Double?
    }

    public let first: SweepPlan
    public let second: SweepPlan
    public let seeds: SeedRange
    /// By path, in sorted order.
    public let figures: [Figure]

    /// Runs both scenarios on every seed of `seeds` on `jobs` threads,
    /// calling `progress` with the number of runs done and to do.
    public static func run(
        first firstFile: String, second secondFile: String, seeds: SeedRange, jobs: Int,
        progress: ((Int, Int) -> Void)? = nil
    ) throws(SweepError) -> PairedComparison {
        let noGrid = try SweepGrid(axes: [])
        let first = try SweepPlan(file: firstFile, seeds: seeds, grid: noGrid)
        let second = try SweepPlan(file: secondFile, seeds: seeds, grid: noGrid)
        let plans = [first, second]
        // Runs interleaved, so that the two runs of a seed finish close together.
        let runs = Array(0..<(2 * seeds.count))
        var figures: [[[String: Double]?]] = [
            Array(repeating: nil, count: seeds.count), Array(repeating: nil, count: seeds.count),
        ]
        var done = 0
        progress?(0, runs.count)
        try WorkerPool(threads: jobs).run(
            runs, context: { [SweepPlan.ScenarioCopy?](repeating: nil, count: 2) },
            work: { (copies: inout [SweepPlan.ScenarioCopy?], run) throws(SweepError) -> [String: Double] in
                try SweepRunner.runReplication(run / 2, of: plans[run % 2], reusing: &copies[run % 2]).figures
            },
            deliver: { (run, result) throws(SweepError) in
                figures[run % 2][run / 2] = result
                done += 1
                progress?(done, runs.count)
            })
        return PairedComparison(
            first: first, second: second, seeds: seeds,
            figures: compare(first: figures[0].map { $0! }, second: figures[1].map { $0! }))
    }

    /// The comparison of figures taken seed by seed (the same seeds, in
    /// order, in both lists).
    static func compare(first: [[String: Double]], second: [[String: Double]]) -> [Figure] {
        var paths = Set<String>()
        for (one, other) in zip(first, second) {
            paths.formUnion(one.keys.filter { other[$0] != nil })
        }
        return paths.sorted().map { path in
            var firstValues: [Double] = []
            var secondValues: [Double] = []
            for (one, other) in zip(first, second) {
                if let a = one[path], let b = other[path] {
                    firstValues.append(a)
                    secondValues.append(b)
                }
            }
            return figure(path: path, first: firstValues, second: secondValues)
        }
    }

    static func figure(path: String, first: [Double], second: [Double]) -> Figure {
        let n = first.count
        let differences = zip(first, second).map { $1 - $0 }
        let firstStatistics = FigureStatistics(values: first)
        let secondStatistics = FigureStatistics(values: second)
        let differenceStatistics = FigureStatistics(values: differences)
        var figure = Figure(
            path: path, pairs: n, firstMean: firstStatistics.mean, secondMean: secondStatistics.mean,
            meanDifference: differenceStatistics.mean,
            pairedInterval: differenceStatistics.confidenceInterval,
            unpairedInterval: nil, halfWidthRatio: nil)
        guard n > 1, let firstSD = firstStatistics.standardDeviation,
            let secondSD = secondStatistics.standardDeviation
        else { return figure }
        let firstShare = firstSD * firstSD / Double(n)
        let secondShare = secondSD * secondSD / Double(n)
        let standardError = (firstShare + secondShare).squareRoot()
        let unpairedMean = secondStatistics.mean - firstStatistics.mean
        guard standardError > 0 else {
            figure.unpairedInterval = unpairedMean...unpairedMean
            return figure
        }
        let degrees =
            (firstShare + secondShare) * (firstShare + secondShare)
            / ((firstShare * firstShare + secondShare * secondShare) / Double(n - 1))
        let unpairedHalf = StudentT.quantile(0.975, degreesOfFreedom: degrees) * standardError
        figure.unpairedInterval = (unpairedMean - unpairedHalf)...(unpairedMean + unpairedHalf)
        if let paired = figure.pairedInterval {
            figure.halfWidthRatio = (paired.upperBound - paired.lowerBound) / 2 / unpairedHalf
        }
        return figure
    }

    /// The `comparison.json` text.
    public var text: String { json.serialized(pretty: true) + "\n" }

    var json: JSONValue {
        func interval(_ range: ClosedRange<Double>?) -> JSONValue {
            range.map { .object(["lower": .number($0.lowerBound), "upper": .number($0.upperBound)]) } ?? .null
        }
        return .object([
            "first": .object([
                "scenario": .string(first.scenarios[0].name), "scenarioHash": .string(first.scenarioHash),
            ]),
            "second": .object([
                "scenario": .string(second.scenarios[0].name), "scenarioHash": .string(second.scenarioHash),
            ]),
            "seeds": SweepManifest.json(seeds), "version": .string(SesimVersion.current),
            "figures": .object(
                Dictionary(
                    uniqueKeysWithValues: figures.map { figure in
                        (
                            figure.path,
                            JSONValue.object([
                                "pairs": .int(figure.pairs), "firstMean": .number(figure.firstMean),
                                "secondMean": .number(figure.secondMean),
                                "meanDifference": .number(figure.meanDifference),
                                "pairedCI95": interval(figure.pairedInterval),
                                "unpairedCI95": interval(figure.unpairedInterval),
                                "halfWidthRatio": figure.halfWidthRatio.map { .number($0) } ?? .null,
                            ])
                        )
                    })),
        ])
    }

    /// The table `sesim compare` prints. Figures that are 0 in every run of
    /// both variants are counted, not listed.
    public var table: String {
        var lines = [
            "sesim \(SesimVersion.current) — \(first.scenarios[0].name) (\(first.file)) against "
                + "\(second.scenarios[0].name) (\(second.file)), seeds \(seeds), paired on the seed",
            "difference = second − first; ratio = paired / unpaired 95% half-width (smaller is narrower)",
            "",
        ]
        var rows: [[String]] = []
        var zero = 0
        for figure in figures {
            if figure.firstMean == 0 && figure.secondMean == 0
                && figure.pairedInterval.map({ $0 == 0...0 }) ?? true
                && figure.unpairedInterval.map({ $0 == 0...0 }) ?? true
            {
                zero += 1
                continue
            }
            let number = SweepTable.number
            let paired =
                figure.pairedInterval.map { "\(number($0.lowerBound)) – \(number($0.upperBound))" } ?? "—"
            let unpaired =
                figure.unpairedInterval.map { "±\(number(($0.upperBound - $0.lowerBound) / 2))" } ?? "—"
            rows.append([
                figure.path, String(figure.pairs), number(figure.firstMean), number(figure.secondMean),
                number(figure.meanDifference), unpaired, figure.halfWidthRatio.map(number) ?? "—", paired,
            ])
        }
        lines.append(
            contentsOf: SummaryTable.table(
                header: [
                    "figure", "n", "first", "second", "difference", "unpaired", "ratio", "paired 95% CI",
                ],
                rows: rows))
        if zero > 0 { lines.append("(\(zero) more figures are 0 in every run of both)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
