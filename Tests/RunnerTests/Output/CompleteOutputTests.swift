import Foundation
import SESSimulation
import ScenarioFormat
import ScenarioTesting
import SimJSON
import Testing

@testable import Runner

@Suite("Output: files appear only complete")
struct CompleteOutputTests {
    /// A short run that publishes to a Firehose stream and writes events.jsonl.
    static let scenario = """
        name: outputs
        start: 2026-03-01T09:00:00Z
        duration: 30m
        account: { maxSendRate: 50, identities: [example.com] }
        configurationSets:
          - name: marketing
            eventDestinations:
              - { name: all, types: [send, delivery, bounce], firehose: { deliveryStream: events } }
        audiences:
          - { name: list, size: 200, hardBounce: 0.05, providers: [{ domain: example.org, share: 1 }] }
        traffic:
          - name: promo
            api: SendEmail
            from: news@example.com
            content: { subject: Hi, text: Hello }
            configurationSet: marketing
            recipients: { audience: list }
            schedule: { executor: once, start: +1m, callRate: 20 }
        output: { events: true }
        """

    static let allFiles = [
        "events.jsonl", "firehose-events.jsonl", "metrics.jsonl", "report.html", "summary.json",
        "timeline.csv",
    ]

    static func partials(_ directory: String) -> [String] {
        ScenarioFixtures.entries(directory).filter { $0.hasSuffix(".partial") }
    }

    @Test func successfulRunLeavesEveryFileAndNoTemporaryOne() throws {
        let directory = ScenarioFixtures.absentPath()
        _ = try ScenarioFixtures.run(Self.scenario, output: directory)
        #expect(ScenarioFixtures.entries(directory) == Self.allFiles)
        let summary = String(
            decoding: ScenarioFixtures.contents(directory, "summary.json") ?? Data(), as: UTF8.self)
        #expect(summary.hasPrefix("{\n"))
        #expect(summary.hasSuffix("}\n"))
    }

    @Test func failureToPutAFileInPlaceLeavesNoPartialFile() throws {
        // summary.json cannot be renamed into place: a folder has its name.
        let directory = ScenarioFixtures.temporaryDirectory()
        try FileManager.default.createDirectory(
            atPath: "\(directory)/summary.json/occupied", withIntermediateDirectories: true)
        #expect(throws: OutputError.self) {
            try ScenarioFixtures.run(Self.scenario, output: directory)
        }
        #expect(Self.partials(directory) == [])
        #expect(ScenarioFixtures.entries("\(directory)/summary.json") == ["occupied"])
        // The report, written after the summary, never appeared.
        #expect(!ScenarioFixtures.entries(directory).contains("report.html"))
    }

    @Test func failureOfAStreamedFileLeavesNeitherItNorItsTemporaryFile() throws {
        // events.jsonl is complete but cannot be renamed into place; the run
        // stops before the summary is written.
        let directory = ScenarioFixtures.temporaryDirectory()
        try FileManager.default.createDirectory(
            atPath: "\(directory)/events.jsonl/occupied", withIntermediateDirectories: true)
        #expect(throws: OutputError.self) {
            try ScenarioFixtures.run(Self.scenario, output: directory)
        }
        #expect(Self.partials(directory) == [])
        let entries = ScenarioFixtures.entries(directory)
        #expect(!entries.contains("summary.json"))
        #expect(!entries.contains("timeline.csv"))
        #expect(!entries.contains("report.html"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func diskFullWhileStreamingLeavesNoHalfWrittenFile() throws {
        // events.jsonl's temporary file is the full device: writing it fails
        // part-way, as on a full disk.
        let directory = ScenarioFixtures.temporaryDirectory()
        try FileManager.default.createSymbolicLink(
            atPath: "\(directory)/.events.jsonl.partial", withDestinationPath: "/dev/full")
        #expect(throws: OutputError.self) {
            try ScenarioFixtures.run(Self.scenario, output: directory)
        }
        #expect(Self.partials(directory) == [])
        let entries = ScenarioFixtures.entries(directory)
        #expect(!entries.contains("events.jsonl"))
        #expect(!entries.contains("summary.json"))
        #expect(!entries.contains("report.html"))
    }

    @Test func fileThatCannotBeCreatedStopsTheRunBeforeAnythingIsWritten() throws {
        // metrics.jsonl's temporary name is taken by a folder: the run cannot start.
        let directory = ScenarioFixtures.temporaryDirectory()
        try FileManager.default.createDirectory(
            atPath: "\(directory)/.metrics.jsonl.partial", withIntermediateDirectories: true)
        #expect(throws: OutputError.self) {
            try ScenarioFixtures.run(Self.scenario, output: directory)
        }
        #expect(ScenarioFixtures.entries(directory) == [".metrics.jsonl.partial"])
    }
}
