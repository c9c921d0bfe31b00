import ArgumentParser
import Foundation
import Runner
import ScenarioFormat
import SimJSON
import Testing

@testable import sesim

@Suite("sesim run")
struct RunCommandTests {
    static let scenario = """
        name: tiny
        start: 2026-03-01T09:00:00Z
        duration: 10m
        account: { maxSendRate: 14, identities: [example.com] }
        traffic:
          - name: promo
            api: SendEmail
            from: news@example.com
            content: { subject: Hi, text: Hello }
            recipients: { list: [success@simulator.amazonses.com, bounce@simulator.amazonses.com] }
            schedule: { executor: once, start: +1m }
        expect:
          - { metric: events.send, equals: 2 }

        """

    private func temporaryFolder() -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent(
            "sesim-run-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func scenarioFile(_ text: String = scenario) -> String {
        let path = (temporaryFolder() as NSString).appendingPathComponent("tiny.yaml")
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Parses and runs `arguments`, returning the process exit code.
    private func exitCode(_ arguments: [String]) -> Int32 {
        do {
            var command = try SesimCommand.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            return SesimCommand.processExitCode(for: error)
        }
    }

    private func files(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test func aRunWhoseExpectationsHoldExitsZero() {
        let out = temporaryFolder() + "/passing"
        #expect(exitCode(["run", scenarioFile(), "--out", out, "--quiet"]) == 0)
        #expect(files(out).contains("summary.json"))
    }

    @Test func aFailedExpectationExitsOneAfterWritingTheOutputs() throws {
        let out = temporaryFolder() + "/failing"
        let file = scenarioFile(Self.scenario.replacingOccurrences(of: "equals: 2", with: "equals: 3"))
        #expect(exitCode(["run", file, "--out", out, "--quiet"]) == 1)
        let summary = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        #expect(summary.contains("\"passed\": false"))
        #expect(files(out).contains("report.html"))
    }

    @Test func anInvalidScenarioExitsTwoAndWritesNothing() {
        let out = temporaryFolder() + "/invalid"
        let file = scenarioFile(
            Self.scenario.replacingOccurrences(of: "duration: 10m", with: "duration: 10x"))
        #expect(exitCode(["run", file, "--out", out, "--quiet"]) == 2)
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
