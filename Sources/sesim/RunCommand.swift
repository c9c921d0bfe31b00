import ArgumentParser
import Foundation
import Runner
import SESSimulation
import ScenarioFormat

/// `sesim run`: runs one scenario and reports what happened.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario and print what SES would have done.",
        discussion: """
            Writes summary.json, timeline.csv and report.html (and events.jsonl with --events) to \
            the output folder, each file renamed into place only when complete. Exits 0 when every \
            expectation holds, 1 when one fails, 2 when the scenario is invalid.
            """)

    @Argument(help: "The scenario file (YAML or JSON).")
    var file: String

    @Option(help: "Override the scenario's seed.")
    var seed: UInt64?

    @Option(help: "The output folder (default: results/<scenario name>/).")
    var out: String?

    @Flag(help: "Also write every event to events.jsonl, as SES publishes it to Firehose.")
    var events = false

    @Flag(help: "Print no progress line.")
    var quiet = false

    func run() throws {
        var scenario: Scenario
        do {
            scenario = try ScenarioLoader().load(file: file)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        if let seed { scenario.seed = seed }
        if events { scenario.output.events = true }
        let folder = out ?? "results/\(scenario.name)"
        let output: OutputDirectory
        do {
            output = try OutputDirectory(path: folder)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        let progress = quiet ? nil : ProgressLine()
        let result: RunResult
        do {
            result = try ScenarioRunner(scenario: scenario).run(
                output: output,
                progress: progress.map { line in
                    { line.update($0) }
                })
        } catch {
            progress?.finish()
            Terminal.error("sesim: the run failed: \(error)")
            throw ExitCode(2)
        }
        progress?.finish()
        print(SummaryTable.render(result), terminator: "")
        print("outputs: \(folder)/ (\(output.completedFiles.sorted().joined(separator: ", ")))")
        if !result.passed { throw ExitCode(1) }
    }
}
