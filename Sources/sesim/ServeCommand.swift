import ArgumentParser
import Foundation
import Logging
import Runner
import SESServer
import SESSimulation
import ScenarioFormat

/// `sesim serve`: the scenario's account behind SES's own API, for real clients.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the scenario's account over SES's API (v2) for your own application.",
        discussion: """
            Point an AWS SDK or the AWS CLI at http://HOST:PORT (e.g. --endpoint-url, or \
            AWS_ENDPOINT_URL_SESV2). The first line on stdout is 'sesim serve: listening on \
            http://HOST:PORT'. The admin API under /_sesim/ moves the clock and reads events and \
            messages. SIGINT or SIGTERM ends the run: outputs are written as by 'sesim run' and the \
            exit code is 0 when every expectation holds, 1 otherwise. Without FILE, an embedded \
            default account is served (see --print-default).
            """)

    @Argument(help: "The scenario file (YAML or JSON); `duration` may be left out.")
    var file: String?

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The HTTP port (0 picks a free one).")
    var port = 4579

    @Option(
        help:
            "How virtual time moves: manual (only through the admin API), real, or xN (N virtual seconds a second)."
    )
    var clock = "manual"

    @Option(help: "The output folder (default: results/serve-<scenario name>/).")
    var out: String?

    @Flag(help: "Print only the listening line, warnings and the summary.")
    var quiet = false

    @Flag(help: "Print the embedded default account as a scenario file and exit.")
    var printDefault = false

    func run() async throws {
        if printDefault {
            print(DefaultScenario.text, terminator: "")
            return
        }
        guard let mode = ClockMode(argument: clock) else {
            Terminal.error("sesim: --clock must be manual, real or xN (N > 0, e.g. x60); got '\(clock)'")
            throw ExitCode(2)
        }
        guard (0...65_535).contains(port) else {
            Terminal.error("sesim: --port must be from 0 to 65535; got \(port)")
            throw ExitCode(2)
        }
        let scenario: Scenario
        do {
            if let file {
                scenario = try ScenarioLoader(durationOptional: true).load(file: file)
            } else {
                scenario = try DefaultScenario.load()
            }
        } catch let error as ScenarioValidationError {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        let folder = out ?? "results/serve-\(scenario.name)"
        let output: OutputDirectory
        do {
            output = try OutputDirectory(path: folder)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        let host = try EngineHost(scenario: scenario, mode: mode, output: output)
        let session = ServeSession(
            host: host,
            configuration: ServeConfiguration(
                host: self.host, port: port, logLevel: quiet ? .warning : .info))
        let result: RunResult
        do {
            result = try await session.run { boundHost, boundPort in
                Terminal.printFlushed("sesim serve: listening on http://\(boundHost):\(boundPort)")
            }
        } catch {
            Terminal.error("sesim serve: \(error)")
            throw ExitCode(2)
        }
        print(SummaryTable.render(result), terminator: "")
        let files = await host.completedOutputFiles
        print("outputs: \(folder)/ (\(files.sorted().joined(separator: ", ")))")
        fflush(nil)
        if !result.passed { throw ExitCode(1) }
    }
}
