import ArgumentParser
import Foundation
import ScenarioFormat

/// `sesim`: the command line of the simulator.
@main
struct SesimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sesim",
        abstract: "A deterministic simulator and load-test harness of an Amazon SES sending account.",
        discussion: """
            sesim runs a scenario — an SES account, its templates, configuration sets, \
            dedicated IPs, audiences and the traffic its clients send — on a seeded virtual \
            clock, and reports what SES would have done: throttled calls, deliveries, \
            retries, bounces, complaints, opens and clicks, IP warm-up and reputation. \
            The same scenario and seed always give the same bytes out.
            """,
        version: SesimVersion.current,
        subcommands: [
            RunCommand.self, ValidateCommand.self, RenderCommand.self, SweepCommand.self, MergeCommand.self,
            CompareCommand.self, ServeCommand.self,
        ]
    )

    /// Parses the arguments, runs the command and exits with sesim's codes:
    /// 0 success, 1 a failed expectation or a rendering error (set by the
    /// command), 2 invalid input — including bad arguments, which
    /// swift-argument-parser alone would report as 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = processExitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == 0 {
                    print(message)
                } else {
                    FileHandle.standardError.write(Data((message + "\n").utf8))
                }
            }
            Foundation.exit(code)
        }
    }

    /// The process exit code for an error thrown while parsing or running.
    static func processExitCode(for error: any Error) -> Int32 {
        let code = exitCode(for: error)
        return code == .validationFailure ? 2 : code.rawValue
    }
}
