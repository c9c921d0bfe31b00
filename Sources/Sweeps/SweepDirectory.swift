import Runner
import SESSimulation
import ScenarioFormat

/// The files of a sweep's output folder, and the checks that results read
/// back from one belong to the sweep at hand.
///
/// - `sweep.json`: the ``SweepManifest``;
/// - `runs.jsonl`: one ``ReplicationResult`` a line, in replication order
///   once the sweep has finished (in completion order while it runs);
/// - `aggregate.json`: the ``SweepAggregate``.
enum SweepDirectory {
    static let manifestName = "sweep.json"
    static let resultsName = "runs.jsonl"
    static let aggregateName = "aggregate.json"

    /// Writes the finished sweep's three files into `output`, each renamed
    /// into place when complete, and returns the aggregate. `results` must
    /// be the replications `manifest` describes, in replication order.
    static func finish(manifest: SweepManifest, results: [ReplicationResult], in output: OutputDirectory)
        throws(SweepError) -> SweepAggregate
    {
        let aggregate = SweepAggregate(manifest: manifest, results: results)
        var lines = ""
        for result in results {
            lines += result.line
            lines += "\n"
        }
        do {
            try output.write(manifest.text, to: manifestName)
            try output.write(lines, to: resultsName)
            try output.write(aggregate.text, to: aggregateName)
        } catch {
            output.discardPartialFiles()
            throw SweepError(error.message)
        }
        return aggregate
    }

    /// Opens (creating) the folder `path`.
    static func open(_ path: String) throws(SweepError) -> OutputDirectory {
        do {
            return try OutputDirectory(path: path)
        } catch {
            throw SweepError(error.message)
        }
    }
}

/// Finds where a result read back from a file belongs in a sweep: its
/// replication number, from its parameters and seed.
struct ReplicationLocator {
    let manifest: SweepManifest
    private let points: [[String: String]: Int]

    init(manifest: SweepManifest) {
        self.manifest = manifest
        var points: [[String: String]: Int] = [:]
        for point in manifest.grid.points {
            points[
                Dictionary(uniqueKeysWithValues: point.parameters.map { ($0.path.description, $0.value) })] =
                point.index
        }
        self.points = points
    }

    /// The replication number of `result`, or nil (with the reason) when it
    /// is not part of the sweep: another scenario or version, a point not
    /// on the grid, a seed out of range.
    func replication(of result: ReplicationResult) -> Result<Int, SweepError> {
        guard result.scenarioHash == manifest.scenarioHash else {
            return .failure(SweepError("it is a result of another scenario file or sesim version"))
        }
        guard let point = points[result.parameters] else {
            let text = result.parameters.keys.sorted().map { "\($0)=\(result.parameters[$0]!)" }.joined(
                separator: " ")
            return .failure(
                SweepError("its point (\(text.isEmpty ? "no --set" : text)) is not on this sweep's grid"))
        }
        guard result.seed >= manifest.seeds.first, result.seed <= manifest.seeds.last else {
            return .failure(SweepError("its seed \(result.seed) is outside --seeds \(manifest.seeds)"))
        }
        return .success(point * manifest.seeds.count + Int(result.seed - manifest.seeds.first))
    }
}
