import Foundation
import Runner
import ScenarioFormat
import ScenarioTesting
import SimJSON
import Testing

@testable import Sweeps

@Suite("Sweeps")
struct SweepRunnerTests {
    static let files = ["aggregate.json", "runs.jsonl", "sweep.json"]

    private func plan(
        _ file: String, seeds: String = "1-6", settings: [String] = ["account.maxSendRate=5,14"]
    )
        throws -> SweepPlan
    {
        try SweepPlan(
            file: file, seeds: try SeedRange(parsing: seeds), grid: try SweepGrid(settings: settings))
    }

    private func expectSameFiles(
        _ one: String, _ other: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for name in Self.files {
            let first = SweepFixtures.contents(one, name)
            #expect(first != nil, "\(one)/\(name) is missing", sourceLocation: sourceLocation)
            #expect(
                first == SweepFixtures.contents(other, name), "\(name) differs",
                sourceLocation: sourceLocation)
        }
    }

    @Test func theBytesDoNotDependOnTheJobCount() throws {
        let file = SweepFixtures.write(SweepFixtures.scenario())
        let plan = try plan(file)
        let one = SweepFixtures.temporaryDirectory()
        let three = SweepFixtures.temporaryDirectory()
        let outcome = try SweepRunner(plan: plan, jobs: 1).run(directory: one)
        _ = try SweepRunner(plan: plan, jobs: 3).run(directory: three)
        expectSameFiles(one, three)
        #expect(SweepFixtures.files(one) == Self.files)
        #expect(outcome.ran == 12)
        #expect(outcome.aggregate.points.map(\.replications) == [6, 6])

        // Lines are in replication order, each with its point, seed and parameters.
        let lines = String(decoding: SweepFixtures.contents(one, "runs.jsonl")!, as: UTF8.self).split(
            separator: "\n")
        let results = try lines.map { try ReplicationResult(line: $0) }
        #expect(results.map(\.replication) == Array(0..<12))
        #expect(results.map(\.seed) == [1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6])
        #expect(results[7].parameters == ["account.maxSendRate": "14"])
        #expect(results[0].expectations.count == 3)
        #expect(results[0].figures["events.send"] == 40)
        #expect(results[0].figures["seed"] == nil)
        #expect(results.allSatisfy { $0.line.utf8.count < 20_000 })
        // Seeds are common to the points: recipient outcomes match.
        #expect(results[0].figures["events.bounce"] == results[6].figures["events.bounce"])
    }

    @Test func aggregateHoldsTheStatisticsOfTheLines() throws {
        let file = SweepFixtures.write(SweepFixtures.scenario())
        let directory = SweepFixtures.temporaryDirectory()
        let outcome = try SweepRunner(plan: try plan(file, settings: []), jobs: 2).run(directory: directory)
        let lines = String(decoding: SweepFixtures.contents(directory, "runs.jsonl")!, as: UTF8.self)
            .split(separator: "\n")
        let bounces = try lines.map { try #require(try ReplicationResult(line: $0).figures["events.bounce"]) }
        let point = try #require(outcome.aggregate.points.first)
        let figure = try #require(point.figures.first { $0.path == "events.bounce" }?.statistics)
        #expect(figure == FigureStatistics(values: bounces))
        let aggregate = try JSONParser.parse(
            String(decoding: SweepFixtures.contents(directory, "aggregate.json")!, as: UTF8.self))
        let stored = aggregate["points"].flatMap { points -> JSONValue? in
            if case .array(let items) = points { return items.first }
            return nil
        }?["figures"]?["events.bounce"]
        #expect(stored?["mean"]?.numberValue == figure.mean)
        #expect(stored?["count"] == .integer(6))
        #expect(aggregate["replications"] == .integer(6))
    }

    @Test func fourShardsMergeToTheOneMachineSweep() throws {
        let file = SweepFixtures.write(SweepFixtures.scenario())
        let plan = try plan(file, seeds: "1-5")
        let whole = SweepFixtures.temporaryDirectory()
        _ = try SweepRunner(plan: plan, jobs: 2).run(directory: whole)
        var shards: [String] = []
        for index in 0..<4 {
            let directory = SweepFixtures.temporaryDirectory()
            let outcome = try SweepRunner(plan: plan, jobs: 1, shard: try Shard(index: index, count: 4))
                .run(directory: directory)
            #expect(outcome.ran == (index < 2 ? 3 : 2))
            shards.append(directory)
        }
        let merged = SweepFixtures.temporaryDirectory()
        let outcome = try SweepMerge.merge(shards.reversed(), into: merged)
        #expect(outcome.aggregate.replicationCount == 10)
        expectSameFiles(whole, merged)

        // Three shards are not the whole sweep.
        #expect {
            try SweepMerge.merge(Array(shards.prefix(3)), into: SweepFixtures.temporaryDirectory())
        } throws: { error in
            (error as? SweepError)?.message.contains("2 are missing") == true
        }
        // A shard of another sweep does not belong.
        let other = SweepFixtures.temporaryDirectory()
        _ = try SweepRunner(
            plan: try self.plan(file, seeds: "1-4"), jobs: 1, shard: try Shard(index: 0, count: 4)
        )
        .run(directory: other)
        #expect {
            try SweepMerge.merge(shards + [other], into: SweepFixtures.temporaryDirectory())
        } throws: { error in
            (error as? SweepError)?.message.contains("--seeds 1-4, not 1-5") == true
        }
    }

    @Test func aKilledSweepResumesWithoutRepeatingWork() throws {
        let file = SweepFixtures.write(SweepFixtures.scenario())
        let plan = try plan(file)
        let reference = SweepFixtures.temporaryDirectory()
        _ = try SweepRunner(plan: plan, jobs: 2).run(directory: reference)

        // A sweep killed in the middle of writing its eighth line: seven whole
        // lines (in completion order) and a torn one, no aggregate.
        let killed = SweepFixtures.temporaryDirectory()
        let lines = String(decoding: SweepFixtures.contents(reference, "runs.jsonl")!, as: UTF8.self)
            .split(separator: "\n")
        let order = [5, 0, 9, 2, 11, 3, 7]
        var text = order.map { lines[$0] + "\n" }.joined()
        text += lines[4].prefix(120)
        try text.write(
            toFile: (killed as NSString).appendingPathComponent("runs.jsonl"), atomically: true,
            encoding: .utf8)

        let outcome = try SweepRunner(plan: plan, jobs: 2).run(directory: killed)
        #expect(outcome.resumed == 7)
        #expect(outcome.ran == 5)
        #expect(outcome.tornBytes == 120)
        expectSameFiles(reference, killed)

        // Run again: nothing left to do, same bytes.
        let again = try SweepRunner(plan: plan, jobs: 2).run(directory: killed)
        #expect(again.ran == 0 && again.resumed == 12)
        expectSameFiles(reference, killed)
    }

    @Test func moreSeedsExtendAnEarlierSweep() throws {
        let file = SweepFixtures.write(SweepFixtures.scenario())
        let directory = SweepFixtures.temporaryDirectory()
        _ = try SweepRunner(plan: try plan(file, seeds: "1-3"), jobs: 2).run(directory: directory)
        let extended = try SweepRunner(plan: try plan(file, seeds: "1-6"), jobs: 2).run(directory: directory)
        #expect(extended.resumed == 6 && extended.ran == 6)
        let fresh = SweepFixtures.temporaryDirectory()
        _ = try SweepRunner(plan: try plan(file, seeds: "1-6"), jobs: 2).run(directory: fresh)
        expectSameFiles(fresh, directory)
    }

    @Test func resultsOfAnotherScenarioAreNotMixedIn() throws {
        let directory = SweepFixtures.temporaryDirectory()
        let first = SweepFixtures.write(SweepFixtures.scenario())
        _ = try SweepRunner(plan: try plan(first, seeds: "1-2"), jobs: 1).run(directory: directory)
        let before = SweepFixtures.contents(directory, "runs.jsonl")
        let second = SweepFixtures.write(SweepFixtures.scenario(sendRate: 20))
        #expect {
            try SweepRunner(plan: try plan(second, seeds: "1-2"), jobs: 1).run(directory: directory)
        } throws: { error in
            (error as? SweepError)?.message.contains("another scenario file") == true
        }
        #expect(SweepFixtures.contents(directory, "runs.jsonl") == before)
    }

    @Test func anInvalidPointStopsTheSweepBeforeItStarts() throws {
        let file = SweepFixtures.write(SweepFixtures.scenario())
        #expect {
            try plan(file, settings: ["account.maxSendRate=14,-3"])
        } throws: { error in
            let message = (error as? SweepError)?.message ?? ""
            return message.hasPrefix("with --set account.maxSendRate=-3:") && message.contains("maxSendRate")
        }
        #expect(throws: SweepError.self) { try plan("/nonexistent/scenario.yaml") }
    }

    @Test func failingExpectationsShowInTheAggregate() throws {
        let file = SweepFixtures.write(
            SweepFixtures.scenario(
                extraExpectations: "  - { metric: events.delivery, atLeast: 40, over: ci95.lower }"))
        let outcome = try SweepRunner(plan: try plan(file, settings: []), jobs: 2).run(
            directory: SweepFixtures.temporaryDirectory())
        #expect(outcome.aggregate.passed == false)
        let judged = try #require(outcome.aggregate.points.first?.expectations.last)
        #expect(judged.passed == false)
        #expect(judged.definition.over == .lowerConfidenceBound)
        #expect(SweepTable.render(outcome.aggregate).contains("FAIL  over ci95.lower"))
    }

    @Test func theWorkerPoolDeliversEveryItemOnce() throws {
        var delivered: [Int] = []
        try WorkerPool(threads: 4).run(
            Array(0..<100), work: { (item) throws(SweepError) -> Int in item * 2 },
            deliver: { (item, output) throws(SweepError) in
                #expect(output == item * 2)
                delivered.append(item)
            })
        #expect(delivered.sorted() == Array(0..<100))
        #expect(throws: SweepError.self) {
            try WorkerPool(threads: 2).run(
                Array(0..<10),
                work: { (item) throws(SweepError) -> Int in
                    if item == 3 { throw SweepError("item 3") }
                    return item
                }, deliver: { (_, _) throws(SweepError) in })
        }
    }
}
