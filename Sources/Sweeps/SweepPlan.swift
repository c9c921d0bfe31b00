import Crypto
import Foundation
import Runner
import SESSimulation
import ScenarioFormat

/// A sweep ready to run: the scenario read and checked at every grid point,
/// the seeds, and the replications they make.
///
/// Replication `r` runs point `r / seeds.count` with seed
/// `seeds.first + r % seeds.count`: every point sees the same seeds (common
/// random numbers between points), and the seed depends on the
/// replication's number only.
public struct SweepPlan: Sendable {
    /// The scenario file, as named by the user.
    public let file: String
    /// SHA-256 (hexadecimal) of `sesim-sweep`, the sesim version and the
    /// scenario file's bytes, each followed by a newline: with the point's
    /// parameters and the seed it identifies a result when a sweep resumes.
    /// Files the scenario refers to (templates) are not part of it.
    public let scenarioHash: String
    public let seeds: SeedRange
    public let grid: SweepGrid
    /// The scenario at each grid point.
    public let scenarios: [Scenario]
    /// The file's text, read once: what each worker reads its own copies from.
    private let text: String

    /// Reads `file` and checks it at every point of `grid`; throws the
    /// first point's problems (with its `--set` values) when one is invalid.
    public init(file: String, seeds: SeedRange, grid: SweepGrid) throws(SweepError) {
        guard let data = FileManager.default.contents(atPath: file) else {
            let reason =
                FileManager.default.fileExists(atPath: file) ? "cannot read the file" : "no such file"
            throw SweepError("\(file): \(reason)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SweepError("\(file): not UTF-8 text")
        }
        var scenarios: [Scenario] = []
        scenarios.reserveCapacity(grid.pointCount)
        for point in grid.points {
            do {
                scenarios.append(try ScenarioLoader(overrides: point.overrides).load(text: text, file: file))
            } catch {
                let prefix = point.parameters.isEmpty ? "" : "with --set \(point.label):\n"
                throw SweepError(prefix + error.description)
            }
        }
        self.file = file
        self.scenarioHash = Self.scenarioHash(of: [UInt8](data))
        self.seeds = seeds
        self.grid = grid
        self.scenarios = scenarios
        self.text = text
    }

    /// See ``scenarioHash``.
    static func scenarioHash(of bytes: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(data: Array("sesim-sweep\n\(SesimVersion.current)\n".utf8))
        hasher.update(data: bytes)
        hasher.update(data: [0x0A])
        return Self.hexadecimal(hasher.finalize())
    }

    static func hexadecimal(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Every replication (all shards).
    public var replicationCount: Int { grid.pointCount * seeds.count }

    /// The manifest of this sweep, or of one `shard` of it.
    public func manifest(shard: Shard?) -> SweepManifest {
        SweepManifest(
            scenario: scenarios[0].name, scenarioHash: scenarioHash, version: SesimVersion.current,
            seeds: seeds,
            grid: grid, expectations: scenarios.map { $0.expectations.map(SweepManifest.Expectation.init) },
            shard: shard)
    }

    /// The scenario of replication number `replication`, its seed set: a
    /// copy that shares no storage with any other, read again from the
    /// file's text unless `copy` already holds its point (a worker keeps
    /// one point's copy from one replication to the next).
    func scenario(forReplication replication: Int, reusing copy: inout ScenarioCopy?) throws(SweepError)
        -> Scenario
    {
        let point = replication / seeds.count
        if copy?.point != point {
            do {
                let loader = ScenarioLoader(overrides: grid.point(at: point).overrides)
                copy = ScenarioCopy(point: point, scenario: try loader.load(text: text, file: file))
            } catch {
                throw SweepError(error.description)
            }
        }
        var scenario = copy!.scenario
        scenario.seed = seeds.seed(at: replication % seeds.count)
        return scenario
    }

    /// A worker's own copy of one grid point's scenario.
    struct ScenarioCopy {
        let point: Int
        let scenario: Scenario
    }
}
