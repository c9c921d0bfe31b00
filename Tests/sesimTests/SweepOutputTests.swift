import Foundation
import ScenarioFormat
import Testing

@testable import sesim

/// What `sesim sweep` and `sesim merge` print, run as the built binary: the
/// summary by default, every figure with --all, and the progress line on a
/// terminal only.
@Suite("sesim sweep's output")
struct SweepOutputTests {
    /// The sesim binary beside the test bundle (`swift build` puts both in
    /// the same folder).
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("sesim")

    static let binaryIsBuilt = FileManager.default.isExecutableFile(atPath: binary.path)

    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sesim-output-\(UUID())")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func scenario() throws -> String {
        let path = try folder() + "/tiny.yaml"
        try SweepCommandTests.scenario.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (
        status: Int32, output: String, error: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errorData, as: UTF8.self)
        )
    }

    static func sesim(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        try run(binary.path, arguments)
    }

    @Test(.enabled(if: binaryIsBuilt, "needs the sesim binary: swift build"))
    func theSummaryByDefaultAndEveryFigureWithAll() throws {
        let file = try Self.scenario()
        let out = try Self.folder() + "/sweep"
        let summary = try Self.sesim(["sweep", file, "--seeds", "1-3", "--out", out])
        #expect(summary.status == 0)
        // Standard error is not a terminal: no progress line.
        #expect(summary.error == "")
        let lines = summary.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "sesim \(SesimVersion.current) — tiny: 3 replications (1 point × seeds 1-3)")
        #expect(lines.contains { $0.hasPrefix("        expectation ") && $0.hasSuffix("95% CI of the mean") })
        #expect(lines.contains { $0.hasPrefix("  PASS  events.bounce atMost 20  ci95.upper = ") })
        #expect(lines.contains { $0.hasPrefix("figures ") })
        #expect(lines.contains { $0.hasPrefix("  clients.promo.campaigns[0].completionSeconds ") })
        #expect(!summary.output.contains("events.send"))
        #expect(
            lines.contains { $0.hasSuffix(" figures in all: --all prints them; aggregate.json has them") })
        #expect(lines.count < 25)

        let everything = try Self.sesim(["sweep", file, "--seeds", "1-3", "--out", out, "--all"])
        #expect(everything.status == 0)
        let full = everything.output.split(separator: "\n").map(String.init)
        #expect(full.contains { $0.hasPrefix("figure ") && $0.contains(" p5 ") && $0.contains(" p95 ") })
        #expect(full.contains { $0.hasPrefix("events.send ") })
        #expect(
            full.contains { $0.hasPrefix("(") && $0.hasSuffix(" more figures are 0 in every replication)") })
        #expect(
            full.last
                == "ran 0 replications, 3 found from an earlier run; outputs: \(out)/ (sweep.json, runs.jsonl, aggregate.json)"
        )

        let merged = try Self.folder() + "/merged"
        let merge = try Self.sesim(["merge", out, "--out", merged])
        #expect(merge.status == 0)
        #expect(merge.output.hasPrefix(lines.dropLast(2).joined(separator: "\n")))
        let mergeAll = try Self.sesim(["merge", out, "--out", merged, "--all"])
        #expect(mergeAll.output.split(separator: "\n").contains { $0.hasPrefix("events.send ") })
    }

    @Test(
        .enabled(
            if: binaryIsBuilt && FileManager.default.isExecutableFile(atPath: "/usr/bin/script"),
            "needs sesim and script(1)"))
    func theProgressLineShowsOnATerminalUnlessQuiet() throws {
        let file = try Self.scenario()
        func underTerminal(_ arguments: [String]) throws -> String {
            let command = ([Self.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
            let result = try Self.run("/usr/bin/script", ["-qec", command, "/dev/null"])
            #expect(result.status == 0)
            return result.output
        }
        let shown = try underTerminal([
            "sweep", file, "--seeds", "1-4", "--jobs", "1", "--out", try Self.folder(),
        ])
        #expect(shown.contains("\r  4/4 replications, 1 job, "))
        #expect(shown.contains(" replications/s"))
        let quiet = try underTerminal([
            "sweep", file, "--seeds", "1-4", "--out", try Self.folder(), "--quiet",
        ])
        #expect(!quiet.contains("replications/s"))
        #expect(quiet.contains("4 replications (1 point × seeds 1-4)"))
    }

    @Test func theProgressLineCountsReplicationsTheRateAndTheTimeLeft() {
        #expect(
            SweepProgressLine.text(
                done: 40, total: 100, resumed: 10, failing: 3, jobs: 2, unit: "replications", rate: 12.34)
                == "  40/100 replications (10 resumed), 2 jobs, 12.3 replications/s, 3 failing an expectation, "
                + "about 5s left")
        #expect(
            SweepProgressLine.text(
                done: 10, total: 5_000, resumed: 0, failing: 0, jobs: 1, unit: "runs", rate: 2)
                == "  10/5000 runs, 1 job, 2.0 runs/s, about 41m35s left")
        #expect(
            SweepProgressLine.text(
                done: 0, total: 8, resumed: 0, failing: nil, jobs: 4, unit: "runs", rate: 0)
                == "  0/8 runs, 4 jobs, 0.0 runs/s")
        #expect(
            SweepProgressLine.text(done: 8, total: 8, resumed: 0, failing: 1, jobs: 4, unit: "runs", rate: 3)
                == "  8/8 runs, 4 jobs, 3.0 runs/s, 1 failing an expectation")
    }
}
