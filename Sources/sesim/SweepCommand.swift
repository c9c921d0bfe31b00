import ArgumentParser
import Foundation
import ScenarioFormat
import Sweeps

/// `sesim sweep`: many replications of a scenario over a parameter grid.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a scenario over seeds and a parameter grid; aggregate with confidence intervals.",
        discussion: """
            Runs every (point × seed): each --set PATH=V1,V2,… is an axis of the grid. Writes \
            sweep.json, runs.jsonl (one line per replication) and aggregate.json (per point: count, \
            mean, sd, Student-t 95% interval, min, p5, p50, p95, max of each figure; each \
            expectation's pass rate and verdict) to the output folder, and prints per point the \
            expectations and a few headline figures with their mean and 95% interval (--all: every \
            figure). While it runs, a progress line on standard error (when it is a terminal) shows \
            the replications done, the rate and the time left. Rerun into the same folder \
            to resume: finished replications are not repeated. With --shard I/N (or the index of a \
            Kubernetes, Slurm or AWS Batch array job) runs one slice of the replications; combine \
            the shards' folders with sesim merge. Exits 0 when every expectation holds over the \
            replications (expectations without over: must hold in each), 1 when one fails (a shard \
            exits 0: sesim merge gives the verdict), 2 on invalid input. See docs/distributed-sweeps.md.
            """)

    @Argument(help: "The scenario file (YAML or JSON).")
    var file: String

    @Option(help: ArgumentHelp("The seeds, a range such as 1-200.", valueName: "A-B"))
    var seeds: String

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Values of a scenario path, one point each: account.maxSendRate=14,50,200. Repeat for a grid.",
            valueName: "path=values"))
    var settings: [String] = []

    @Option(help: "Worker threads (default: the number of cores).")
    var jobs: Int?

    @Option(help: ArgumentHelp("Run only shard I (0-based) of N.", valueName: "I/N"))
    var shard: String?

    @Option(
        help: ArgumentHelp(
            "The shard count, when the index comes from the environment (or set SESIM_SHARDS).",
            valueName: "N"))
    var shards: Int?

    @Option(help: "The output folder.")
    var out: String

    @Flag(help: "Print no progress line.")
    var quiet = false

    @Flag(help: "Print every figure's statistics, not only the expectations and the headline figures.")
    var all = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if shard != nil && shards != nil {
            throw ValidationError("Give --shard I/N or --shards N, not both.")
        }
    }

    func run() throws {
        let runner: SweepRunner
        let source: String?
        do {
            let seedRange = try SeedRange(parsing: seeds)
            let grid = try SweepGrid(settings: settings)
            var selected: Shard?
            if let shard {
                selected = try Shard(parsing: shard)
                source = nil
            } else if let detected = try Shard.detect(
                environment: ProcessInfo.processInfo.environment, count: shards)
            {
                selected = detected.shard
                source = detected.source
            } else {
                source = nil
            }
            let plan = try SweepPlan(file: file, seeds: seedRange, grid: grid)
            runner = SweepRunner(
                plan: plan, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, shard: selected)
        } catch {
            Terminal.error("sesim: \(error.message)")
            throw ExitCode(2)
        }
        if let shard = runner.shard, let source {
            Terminal.error("sesim: running shard \(shard) (index from \(source))")
        }
        let line = quiet ? nil : SweepProgressLine(jobs: runner.jobs)
        let outcome: SweepOutcome
        do {
            outcome = try runner.run(directory: out, progress: line.map { line in { line.update($0) } })
        } catch {
            line?.finish()
            Terminal.error("sesim: \(error.message)")
            throw ExitCode(2)
        }
        line?.finish()
        if outcome.tornBytes > 0 {
            Terminal.error(
                "sesim: cut off a partial last line of \(out)/runs.jsonl (\(outcome.tornBytes) bytes) and reran it"
            )
        }
        print(
            all ? SweepTable.render(outcome.aggregate) : SweepSummary.render(outcome.aggregate),
            terminator: "")
        print(
            "ran \(outcome.ran) replication\(outcome.ran == 1 ? "" : "s"), \(outcome.resumed) found from an earlier run; "
                + "outputs: \(out)/ (sweep.json, runs.jsonl, aggregate.json)")
        if runner.shard == nil && !outcome.aggregate.passed { throw ExitCode(1) }
    }
}
