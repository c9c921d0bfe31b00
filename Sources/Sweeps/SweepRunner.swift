import Runner
import SESSimulation
import ScenarioFormat

/// How far a sweep has got, for a progress line.
public struct SweepProgress: Sendable {
    /// Replications with a result, including those found from an earlier run.
    public var done: Int
    /// Replications this sweep (or shard) has.
    public var total: Int
    /// Replications found in the folder from an earlier run.
    public var resumed: Int
    /// Finished replications in which an expectation failed.
    public var failing: Int
}

/// What a finished sweep (or merge) reports.
public struct SweepOutcome: Sendable {
    public let aggregate: SweepAggregate
    /// Replications run now.
    public let ran: Int
    /// Replications whose results were already in the folder.
    public let resumed: Int
    /// Bytes of a torn last line (a sweep killed mid-write) cut off.
    public let tornBytes: Int
}

/// Runs a sweep: every replication of a plan (or of one shard of it), in
/// parallel, resuming from the results already in the output folder.
///
/// Each replication is an ordinary single-threaded run of its own copy of
/// the scenario with its seed; nothing mutable is shared between them. Each
/// finished replication is appended to `runs.jsonl` as one whole line, so a
/// killed sweep, run again, repeats none of the replications it finished.
/// When all are done the folder is rewritten in replication order (see
/// ``SweepDirectory``): the files are the same bytes whatever the number of
/// jobs, the order in which replications finished, or how many times the
/// sweep was resumed.
public struct SweepRunner: Sendable {
    public let plan: SweepPlan
    /// Worker threads.
    public let jobs: Int
    public let shard: Shard?

    public init(plan: SweepPlan, jobs: Int, shard: Shard? = nil) {
        self.plan = plan
        self.jobs = jobs
        self.shard = shard
    }

    /// Runs the sweep into the folder `directory`, calling `progress` on the
    /// calling thread after each replication.
    public func run(directory: String, progress: ((SweepProgress) -> Void)? = nil) throws(SweepError)
        -> SweepOutcome
    {
        let manifest = plan.manifest(shard: shard)
        let output = try SweepDirectory.open(directory)
        let resultsPath = output.finalPath(for: SweepDirectory.resultsName)
        let existing = try ResultsFile.read(path: resultsPath, repairing: true)
        let slice = Array(
            shard?.replications(of: plan.replicationCount)
                ?? stride(from: 0, to: plan.replicationCount, by: 1))

        var results = [ReplicationResult?](repeating: nil, count: plan.replicationCount)
        let locator = ReplicationLocator(manifest: manifest)
        for (line, var result) in existing.results.enumerated() {
            let replication: Int
            switch locator.replication(of: result) {
            case .success(let number): replication = number
            case .failure(let error):
                throw SweepError(
                    "\(resultsPath):\(line + 1) does not belong to this sweep: \(error.message); "
                        + "write to another --out folder")
            }
            if let shard, !shard.contains(replication: replication) {
                throw SweepError(
                    "\(resultsPath):\(line + 1) belongs to another shard than \(shard); write to another --out folder"
                )
            }
            result.replication = replication
            result.point = replication / plan.seeds.count
            if let earlier = results[replication], earlier != result {
                throw SweepError("\(resultsPath) holds two different results of replication \(replication)")
            }
            results[replication] = result
        }
        let resumed = slice.filter { results[$0] != nil }.count
        do {
            try output.write(manifest.text, to: SweepDirectory.manifestName)
        } catch {
            throw SweepError(error.message)
        }

        let pending = slice.filter { results[$0] == nil }
        var status = SweepProgress(done: resumed, total: slice.count, resumed: resumed, failing: 0)
        status.failing = slice.compactMap { results[$0] }.filter { !$0.passed }.count
        progress?(status)
        if !pending.isEmpty {
            let appender = try ResultsFile.Appender(path: resultsPath)
            let plan = self.plan
            try WorkerPool(threads: jobs).run(
                pending, context: { SweepPlan.ScenarioCopy?.none },
                work: {
                    (copy: inout SweepPlan.ScenarioCopy?, replication) throws(SweepError) -> ReplicationResult
                    in
                    try Self.runReplication(replication, of: plan, reusing: &copy)
                },
                deliver: { (replication, result) throws(SweepError) in
                    try appender.append(result.line)
                    results[replication] = result
                    status.done += 1
                    if !result.passed { status.failing += 1 }
                    progress?(status)
                })
        }
        let aggregate = try SweepDirectory.finish(
            manifest: manifest, results: slice.map { results[$0]! }, in: output)
        return SweepOutcome(
            aggregate: aggregate, ran: pending.count, resumed: resumed, tornBytes: existing.tornBytes)
    }

    /// Runs replication number `replication` of `plan`, with the worker's
    /// own copy of the scenario (see ``SweepPlan/scenario(forReplication:reusing:)``).
    static func runReplication(
        _ replication: Int, of plan: SweepPlan, reusing copy: inout SweepPlan.ScenarioCopy?
    ) throws(SweepError) -> ReplicationResult {
        let scenario = try plan.scenario(forReplication: replication, reusing: &copy)
        let point = plan.grid.point(at: replication / plan.seeds.count)
        do {
            let run = try ScenarioRunner(scenario: scenario).run()
            return ReplicationResult(
                run: run, replication: replication, point: point, seed: scenario.seed,
                scenarioHash: plan.scenarioHash)
        } catch {
            let at = point.parameters.isEmpty ? "" : ", \(point.label)"
            throw SweepError("replication \(replication) (seed \(scenario.seed)\(at)) failed: \(error)")
        }
    }
}
