import ArgumentParser
import Sweeps

/// `sesim merge`: the shards of a sweep into the folder one machine would write.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the output folders of a sweep's shards.",
        discussion: """
            Reads each folder's sweep.json and runs.jsonl, checks that they are shards of one sweep \
            and hold every replication exactly once, and writes sweep.json, runs.jsonl and \
            aggregate.json to --out: the same bytes as the sweep run on one machine, and prints the \
            summary sesim sweep prints (--all: every figure). Exits 0 when \
            every expectation holds over the replications, 1 when one fails, 2 when the folders \
            do not make a whole sweep.
            """)

    @Argument(help: "The shards' output folders.")
    var directories: [String]

    @Option(help: "The folder to write the merged sweep to.")
    var out: String

    @Flag(help: "Print every figure's statistics, not only the expectations and the headline figures.")
    var all = false

    func run() throws {
        let outcome: SweepOutcome
        do {
            outcome = try SweepMerge.merge(directories, into: out)
        } catch {
            Terminal.error("sesim: \(error.message)")
            throw ExitCode(2)
        }
        print(
            all ? SweepTable.render(outcome.aggregate) : SweepSummary.render(outcome.aggregate),
            terminator: "")
        print(
            "merged \(directories.count) folders; outputs: \(out)/ (sweep.json, runs.jsonl, aggregate.json)")
        if !outcome.aggregate.passed { throw ExitCode(1) }
    }
}
