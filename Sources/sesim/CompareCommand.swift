import ArgumentParser
import Foundation
import Runner
import ScenarioFormat
import Sweeps

/// `sesim compare`: two scenarios on the same seeds, paired.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two scenarios over the same seeds (common random numbers).",
        discussion: """
            Runs both scenarios on every seed and reports, per figure, the mean difference \
            (second − first) with its paired 95% interval, and how much narrower that is than the \
            unpaired (Welch) interval. With --out, writes comparison.json. Exits 0, or 2 on \
            invalid input.
            """)

    @Argument(help: "The first scenario file.")
    var first: String

    @Argument(help: "The second scenario file.")
    var second: String

    @Option(help: ArgumentHelp("The seeds, a range such as 1-200.", valueName: "A-B"))
    var seeds: String

    @Option(help: "Worker threads (default: the number of cores).")
    var jobs: Int?

    @Option(help: "A folder to write comparison.json to.")
    var out: String?

    @Flag(help: "Print no progress line.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() throws {
        let threads = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let line = quiet ? nil : SweepProgressLine(jobs: threads, unit: "runs")
        let comparison: PairedComparison
        do {
            let range = try SeedRange(parsing: seeds)
            comparison = try PairedComparison.run(
                first: first, second: second, seeds: range, jobs: threads,
                progress: line.map { line in { line.update(done: $0, total: $1, resumed: 0, failing: nil) } })
        } catch {
            line?.finish()
            Terminal.error("sesim: \(error.message)")
            throw ExitCode(2)
        }
        line?.finish()
        if let out {
            do {
                try OutputDirectory(path: out).write(comparison.text, to: "comparison.json")
            } catch {
                Terminal.error("sesim: \(error.message)")
                throw ExitCode(2)
            }
        }
        print(comparison.table, terminator: "")
        if let out { print("outputs: \(out)/ (comparison.json)") }
    }
}
