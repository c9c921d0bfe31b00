import ArgumentParser
import Foundation
import Runner
import ScenarioFormat
import SimJSON
import Testing

@testable import sesim

@Suite("sesim sweep, merge and compare")
struct SweepCommandTests {
    static let scenario = """
        name: tiny
        start: 2026-03-01T09:00:00Z
        duration: 20m
        account: { maxSendRate: 14, identities: [example.com] }
        audiences:
          - { name: list, size: 20, hardBounce: 0.05, providers: [{ domain: gmail.com, share: 1 }] }
        traffic:
          - { name: promo, api: SendEmail, from: news@example.com, content: { subject: Hi, text: Hello },
              recipients: { audience: list }, schedule: { executor: once, start: +1m } }
        expect:
          - { metric: events.bounce, atMost: 20, over: ci95.upper }

        """

    private func temporaryFolder() -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent(
            "sesim-cli-\(UUID().uuidString)")
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

    @Test func aSweepWritesItsFilesAndMergesFromShards() throws {
        let file = scenarioFile()
        let whole = temporaryFolder() + "/whole"
        #expect(
            exitCode([
                "sweep", file, "--seeds", "1-4", "--set", "account.maxSendRate=5,14", "--jobs", "2", "--out",
                whole, "--quiet",
            ]) == 0)
        var shards: [String] = []
        for index in 0..<3 {
            let folder = temporaryFolder() + "/shard-\(index)"
            shards.append(folder)
            #expect(
                exitCode([
                    "sweep", file, "--seeds", "1-4", "--set", "account.maxSendRate=5,14", "--shard",
                    "\(index)/3", "--out", folder, "--quiet",
                ]) == 0)
        }
        let merged = temporaryFolder() + "/merged"
        #expect(exitCode(["merge"] + shards + ["--out", merged]) == 0)
        for name in ["sweep.json", "runs.jsonl", "aggregate.json"] {
            let one = FileManager.default.contents(atPath: "\(whole)/\(name)")
            #expect(one != nil)
            #expect(one == FileManager.default.contents(atPath: "\(merged)/\(name)"), "\(name)")
        }
        #expect(exitCode(["merge", shards[0], "--out", temporaryFolder()]) == 2)
        #expect(exitCode(["merge", temporaryFolder(), "--out", temporaryFolder()]) == 2)
    }

    @Test func aFailingExpectationOverTheReplicationsExitsOne() {
        let file = scenarioFile(Self.scenario.replacingOccurrences(of: "atMost: 20", with: "atMost: -1"))
        let out = temporaryFolder() + "/failing"
        #expect(exitCode(["sweep", file, "--seeds", "1-3", "--out", out, "--quiet"]) == 1)
        #expect(FileManager.default.fileExists(atPath: out + "/aggregate.json"))
        // A shard does not judge: sesim merge does.
        let shard = temporaryFolder() + "/shard"
        #expect(
            exitCode(["sweep", file, "--seeds", "1-3", "--shard", "0/1", "--out", shard, "--quiet"]) == 0)
        #expect(exitCode(["merge", shard, "--out", temporaryFolder()]) == 1)
    }

    @Test(arguments: [
        ["--seeds", "5-1"], ["--seeds", "1-3", "--set", "account.maxSendRate"],
        ["--seeds", "1-3", "--shard", "3/3"],
        ["--seeds", "1-3", "--jobs", "0"], ["--seeds", "1-3", "--shard", "0/2", "--shards", "2"],
        ["--seeds", "1-3", "--set", "account.maxSendRate=14,-1"],
    ])
    func badInputExitsTwoAndWritesNothing(arguments: [String]) {
        let out = temporaryFolder() + "/never"
        #expect(exitCode(["sweep", scenarioFile()] + arguments + ["--out", out, "--quiet"]) == 2)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func compareWritesTheDifferences() throws {
        let first = scenarioFile()
        let second = scenarioFile()
        let out = temporaryFolder()
        #expect(exitCode(["compare", first, second, "--seeds", "1-3", "--out", out, "--quiet"]) == 0)
        let text = String(
            decoding: try #require(FileManager.default.contents(atPath: out + "/comparison.json")),
            as: UTF8.self)
        #expect(text.contains("\"events.bounce\""))
        #expect(exitCode(["compare", first, "/nonexistent.yaml", "--seeds", "1-3", "--quiet"]) == 2)
    }

    @Test func theSubcommandsAreListed() {
        let help = SesimCommand.helpMessage()
        for name in ["sweep", "merge", "compare"] { #expect(help.contains(name)) }
    }
}
