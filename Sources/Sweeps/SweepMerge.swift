import Foundation
import Runner
import SESSimulation
import ScenarioFormat

/// Combines the folders of a sweep's shards into the folder one machine
/// would have written: the same `sweep.json`, the same `runs.jsonl` in
/// replication order, a byte-identical `aggregate.json`.
///
/// Every folder must be a shard (or a whole run) of the same sweep — the
/// same scenario hash, version, seeds and grid — and together they must
/// hold every replication exactly once (a replication found twice must be
/// the same result both times).
public enum SweepMerge {
    /// Merges `directories` into `output` (which may be a new folder or one
    /// of them), reading everything before writing anything.
    public static func merge(_ directories: [String], into output: String) throws(SweepError) -> SweepOutcome
    {
        guard !directories.isEmpty else { throw SweepError("give the folders to merge") }
        var manifest: SweepManifest?
        var firstDirectory = ""
        var results: [ReplicationResult?] = []
        var sources: [String?] = []
        for directory in directories {
            let shardManifest = try readManifest(in: directory)
            if let manifest {
                guard shardManifest.unsharded == manifest else {
                    throw SweepError(
                        "\(directory) is not part of the same sweep as \(firstDirectory): "
                            + difference(shardManifest.unsharded, manifest))
                }
            } else {
                manifest = shardManifest.unsharded
                firstDirectory = directory
                results = Array(repeating: nil, count: shardManifest.replicationCount)
                sources = Array(repeating: nil, count: shardManifest.replicationCount)
            }
            let path = (directory as NSString).appendingPathComponent(SweepDirectory.resultsName)
            guard FileManager.default.fileExists(atPath: path) else {
                throw SweepError("\(directory) has no \(SweepDirectory.resultsName); did its shard run?")
            }
            let contents = try ResultsFile.read(path: path, repairing: false)
            if contents.tornBytes > 0 {
                throw SweepError(
                    "\(path) ends with a partial line: its shard did not finish; run it again (it resumes)")
            }
            let locator = ReplicationLocator(manifest: shardManifest)
            for (line, var result) in contents.results.enumerated() {
                guard case .success(let replication) = locator.replication(of: result) else {
                    throw SweepError(
                        "\(path):\(line + 1) does not belong to the sweep described by its sweep.json")
                }
                result.replication = replication
                result.point = replication / shardManifest.seeds.count
                if let earlier = results[replication] {
                    guard earlier == result else {
                        throw SweepError(
                            "replication \(replication) differs between \(sources[replication]!) and \(directory)"
                        )
                    }
                    continue
                }
                results[replication] = result
                sources[replication] = directory
            }
        }
        guard let manifest else { throw SweepError("give the folders to merge") }
        let missing = results.indices.filter { results[$0] == nil }
        if let first = missing.first {
            let (point, seed) = manifest.replication(first)
            throw SweepError(
                "the folders hold \(results.count - missing.count) of the sweep's \(results.count) replications; "
                    + "\(missing.count) are missing, the first replication \(first) (seed \(seed), \(point.label)); "
                    + "did every shard finish?")
        }
        let folder = try SweepDirectory.open(output)
        let aggregate = try SweepDirectory.finish(
            manifest: manifest, results: results.map { $0! }, in: folder)
        return SweepOutcome(aggregate: aggregate, ran: 0, resumed: results.count, tornBytes: 0)
    }

    /// Reads the `sweep.json` in `directory`.
    static func readManifest(in directory: String) throws(SweepError) -> SweepManifest {
        let path = (directory as NSString).appendingPathComponent(SweepDirectory.manifestName)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SweepError(
                "\(directory) has no \(SweepDirectory.manifestName): not a sweep's output folder")
        }
        do {
            return try SweepManifest(text: String(decoding: data, as: UTF8.self))
        } catch {
            throw SweepError("\(path): \(error.message)")
        }
    }

    /// What differs between two sweeps' manifests, for a message.
    static func difference(_ one: SweepManifest, _ other: SweepManifest) -> String {
        if one.version != other.version { return "sesim \(one.version), not \(other.version)" }
        if one.scenarioHash != other.scenarioHash { return "another scenario file (another scenario hash)" }
        if one.seeds != other.seeds { return "--seeds \(one.seeds), not \(other.seeds)" }
        if one.grid != other.grid { return "other --set values" }
        return "other expectations"
    }
}
