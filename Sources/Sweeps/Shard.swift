import Foundation
import Runner
import SESSimulation
import ScenarioFormat

/// One of N deterministic slices of a sweep's replications, for running a
/// sweep as a cluster's array job: shard `index` (0-based) of `count` runs
/// the replications whose number leaves remainder `index` when divided by
/// `count`. Striding (rather than cutting blocks) spreads every grid point
/// over every shard, so shards take about the same time even when some
/// points run longer than others.
///
/// A replication's seed depends on its number only, never on the shard:
/// any split, merged, gives the same results as one machine.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// The most shards a sweep may be cut into.
    public static let maximumCount = 1_000_000

    /// The environment variable giving the shard count where the batch
    /// system does not (Kubernetes Indexed Jobs), or overriding its count.
    public static let countVariable = "SESIM_SHARDS"

    public init(index: Int, count: Int) throws(SweepError) {
        guard (1...Self.maximumCount).contains(count) else {
            throw SweepError("the shard count must be from 1 to \(Self.maximumCount), not \(count)")
        }
        guard (0..<count).contains(index) else {
            throw SweepError("the shard index must be from 0 to \(count - 1) (0-based), not \(index)")
        }
        self.index = index
        self.count = count
    }

    /// Reads `I/N` (I counted from 0).
    public init(parsing text: String) throws(SweepError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw SweepError(
                "--shard '\(text)': expected I/N, the 0-based shard index and the count, as in 0/4")
        }
        try self.init(index: index, count: count)
    }

    /// Whether replication number `replication` belongs to this shard.
    public func contains(replication: Int) -> Bool { replication % count == index }

    /// This shard's replication numbers out of `total`, in order.
    public func replications(of total: Int) -> StrideTo<Int> { stride(from: index, to: total, by: count) }

    public var description: String { "\(index)/\(count)" }

    /// The batch systems whose array jobs name a shard, in the order
    /// ``detect(environment:count:)`` looks for them.
    public static let arrayJobSystems: [ArrayJobSystem] = [.kubernetes, .slurm, .awsBatch]

    /// Every environment variable ``detect(environment:count:)`` reads.
    public static var environmentVariables: [String] {
        var names: [String] = []
        for name in arrayJobSystems.flatMap(\.variables) where !names.contains(name) { names.append(name) }
        return names
    }

    /// The shard named by a batch system's environment, when `--shard` is
    /// not given, and which variable named it. The first of
    /// ``arrayJobSystems`` whose index variable is set is used:
    /// - `JOB_COMPLETION_INDEX` (Kubernetes Indexed Jobs), with the count
    ///   from `count` (`--shards`) or `SESIM_SHARDS`;
    /// - `SLURM_ARRAY_TASK_ID` (Slurm job arrays), counted from
    ///   `SLURM_ARRAY_TASK_MIN` in steps of `SLURM_ARRAY_TASK_STEP`, with the
    ///   count from `count`, `SESIM_SHARDS` or `SLURM_ARRAY_TASK_COUNT`;
    /// - `AWS_BATCH_JOB_ARRAY_INDEX` (AWS Batch array jobs), with the count
    ///   from `count`, `SESIM_SHARDS` or `AWS_BATCH_JOB_ARRAY_SIZE`.
    /// Nil when none is set (and no count was given).
    public static func detect(environment: [String: String], count explicitCount: Int?) throws(SweepError)
        -> (shard: Shard, source: String)?
    {
        func number(_ name: String?) throws(SweepError) -> Int? {
            guard let name, let text = environment[name] else { return nil }
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 0 else {
                throw SweepError("\(name)='\(text)' is not a whole number")
            }
            return value
        }
        var configuredCount = explicitCount
        if configuredCount == nil { configuredCount = try number(countVariable) }
        for system in arrayJobSystems {
            guard let id = try number(system.indexVariable) else { continue }
            let first = try number(system.firstIndexVariable) ?? 0
            let step = max(1, try number(system.stepVariable) ?? 1)
            guard id >= first, (id - first) % step == 0 else {
                throw SweepError(
                    "\(system.indexVariable)=\(id) is not on the array's range (from \(first) in steps of \(step))"
                )
            }
            let systemCount = try number(system.countVariable)
            guard let count = configuredCount ?? systemCount else {
                let missing =
                    system.countVariable.map { " but \($0) is not" } ?? ", but the shard count is not"
                throw SweepError(
                    "\(system.indexVariable) is set (\(system.name))\(missing): "
                        + "pass --shards N or set \(countVariable)=N")
            }
            return (try Shard(index: (id - first) / step, count: count), system.indexVariable)
        }
        if explicitCount != nil {
            let names = arrayJobSystems.map(\.indexVariable)
            throw SweepError(
                "--shards needs a shard index: give --shard I/N, or run as an array job "
                    + "(\(names.dropLast().joined(separator: ", ")) or \(names.last!))")
        }
        return nil
    }
}
