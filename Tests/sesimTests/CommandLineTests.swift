import Runner
import ScenarioFormat
import SimJSON
import Testing

@testable import sesim

@Suite("Command line")
struct CommandLineTests {
    @Test func versionFlagPrintsTheVersion() {
        do {
            _ = try SesimCommand.parseAsRoot(["--version"])
            Issue.record("--version did not exit")
        } catch {
            #expect(SesimCommand.message(for: error) == SesimVersion.current)
            #expect(SesimCommand.exitCode(for: error) == .success)
        }
    }

    @Test func helpDescribesTheTool() {
        let help = SesimCommand.helpMessage()
        let flattened = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            flattened.contains(
                "A deterministic simulator and load-test harness of an Amazon SES sending account."))
        #expect(help.contains("USAGE: sesim"))
    }

    @Test func anUnknownOptionIsAUsageError() {
        do {
            _ = try SesimCommand.parseAsRoot(["--frobnicate"])
            Issue.record("an unknown option was accepted")
        } catch {
            #expect(SesimCommand.processExitCode(for: error) == 2)
        }
    }
}
