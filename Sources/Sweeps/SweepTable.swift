import Foundation
import Runner
import SESSimulation
import ScenarioFormat

/// The aggregate tables a sweep or merge prints: per point, each figure's
/// statistics, then the expectations' verdicts over the replications.
public enum SweepTable {
    /// The tables of `aggregate`. Figures that are 0 in every replication
    /// are counted, not listed; `aggregate.json` has them all.
    public static func render(_ aggregate: SweepAggregate) -> String {
        let manifest = aggregate.manifest
        var lines: [String] = []
        let shard = manifest.shard.map { ", shard \($0)" } ?? ""
        lines.append(
            "sesim \(manifest.version) — \(manifest.scenario): \(SummaryTable.group(aggregate.replicationCount)) "
                + "replications (\(manifest.grid.pointCount) point\(manifest.grid.pointCount == 1 ? "" : "s") × "
                + "seeds \(manifest.seeds)\(shard))")
        for point in aggregate.points {
            lines.append("")
            lines.append(
                "point \(point.point.index): \(point.point.label) — \(point.replications) replications, "
                    + "\(point.passedReplications) passed every expectation")
            var rows: [[String]] = []
            var zero = 0
            for (path, statistics) in point.figures {
                if statistics.minimum == 0 && statistics.maximum == 0 {
                    zero += 1
                    continue
                }
                let interval = statistics.confidenceInterval.map {
                    "\(number($0.lowerBound)) – \(number($0.upperBound))"
                }
                rows.append([
                    path, String(statistics.count), number(statistics.mean),
                    statistics.standardDeviation.map(number) ?? "—", number(statistics.minimum),
                    number(statistics.p5),
                    number(statistics.p50), number(statistics.p95), number(statistics.maximum),
                    interval ?? "—",
                ])
            }
            if !rows.isEmpty {
                lines.append(
                    contentsOf: SummaryTable.table(
                        header: [
                            "figure", "n", "mean", "sd", "min", "p5", "p50", "p95", "max",
                            "95% CI of the mean",
                        ],
                        rows: rows))
            }
            if zero > 0 { lines.append("(\(zero) more figures are 0 in every replication)") }
            if !point.expectations.isEmpty {
                lines.append("expectations")
                for expectation in point.expectations {
                    let verdict = expectation.passed.map { $0 ? "PASS" : "FAIL" } ?? "  — "
                    let percent =
                        point.replications > 0
                        ? number(100 * Double(expectation.passedReplications) / Double(point.replications))
                        : "0"
                    var detail = "observed " + (expectation.value.map(number) ?? expectation.observed)
                    if expectation.passed == nil {
                        detail = "\(percent)% of this shard's runs pass; sesim merge judges"
                    } else if expectation.definition.over.isStatistic {
                        detail += "; \(percent)% of runs pass on their own"
                    }
                    lines.append(
                        "  \(verdict)  over \(expectation.definition.over): \(expectation.definition.description) "
                            + "(\(detail))")
                }
            }
        }
        let judged = aggregate.points.flatMap(\.expectations).filter { $0.passed != nil }
        let failed = judged.filter { $0.passed == false }.count
        if !judged.isEmpty {
            lines.append("")
            lines.append(
                failed == 0
                    ? "all \(judged.count) expectations hold over the replications"
                    : "\(failed) of \(judged.count) expectations failed over the replications")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A figure for a table: whole numbers as they are, others to 4
    /// significant digits.
    static func number(_ value: Double) -> String {
        if value.isInfinite { return value > 0 ? "∞" : "-∞" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.4g", value)
    }
}
