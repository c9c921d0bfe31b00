import Foundation
import Runner

/// The summary `sesim sweep` and `sesim merge` print by default, in the
/// spirit of k6's end-of-test summary: per grid point, the expectations
/// (verdict, how many replications pass, the `over:` statistic, and the
/// mean and Student-t 95% interval of the number each replication checked),
/// then a short set of headline figures with their mean and 95% interval.
/// ``SweepTable`` (`--all`) prints every figure; `aggregate.json` has them all.
public enum SweepSummary {
    /// At most this many campaigns of one client are listed among the
    /// headline figures (a repeating schedule has one per repetition).
    static let campaignsPerClient = 3

    /// The summary of `aggregate`.
    public static func render(_ aggregate: SweepAggregate) -> String {
        let manifest = aggregate.manifest
        var lines: [String] = []
        let shard = manifest.shard.map { ", shard \($0)" } ?? ""
        let points = manifest.grid.pointCount
        lines.append(
            "sesim \(manifest.version) — \(manifest.scenario): \(SummaryTable.group(aggregate.replicationCount)) "
                + "replications (\(points) point\(points == 1 ? "" : "s") × seeds \(manifest.seeds)\(shard))")
        for point in aggregate.points {
            lines.append("")
            lines.append(
                "point \(point.point.index): \(point.point.label) — \(point.replications) replications, "
                    + "\(point.passedReplications) passed every expectation")
            if !point.expectations.isEmpty {
                lines.append("")
                lines.append(contentsOf: expectationTable(point))
            }
            let figures = headlineTable(point)
            if !figures.isEmpty {
                lines.append("")
                lines.append(contentsOf: figures)
            }
        }
        lines.append("")
        let judged = aggregate.points.flatMap(\.expectations).filter { $0.passed != nil }
        let failed = judged.filter { $0.passed == false }.count
        if manifest.shard != nil {
            lines.append("a shard: sesim merge judges the expectations over every replication")
        } else if !judged.isEmpty {
            lines.append(
                failed == 0
                    ? "all \(judged.count) expectations hold over the replications"
                    : "\(failed) of \(judged.count) expectations failed over the replications")
        }
        let figureCount = aggregate.points.map(\.figures.count).max() ?? 0
        lines.append(
            "\(figureCount) figure\(figureCount == 1 ? "" : "s") in all\(points == 1 ? "" : " at each point"): "
                + "--all prints them; aggregate.json has them")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The expectations of `point`: verdict, description, `over:` and its
    /// statistic, replications passing, and the checked numbers' mean and
    /// 95% interval.
    static func expectationTable(_ point: SweepAggregate.Point) -> [String] {
        let rows = point.expectations.map { expectation -> [String] in
            let definition = expectation.definition
            let format = FigureFormat(definition.subject)
            let verdict = expectation.passed.map { $0 ? "PASS" : "FAIL" } ?? "—"
            var over = definition.over.description
            if let value = expectation.value {
                over += " = \(format.text(value))"
            } else if definition.over.isStatistic && expectation.passed == false {
                over += ": \(expectation.observed)"
            }
            let passing = "\(expectation.passedReplications) of \(point.replications)"
            var mean = "—"
            var interval = "—"
            if let values = expectation.values {
                mean = format.text(values.mean)
                interval = format.interval(values)
            }
            if expectation.unfinished > 0 {
                interval += " (\(expectation.unfinished) did not complete)"
            }
            return ["  " + verdict, definition.description, over, passing, mean, interval]
        }
        return SummaryTable.table(
            header: ["  ", "expectation", "over", "runs passing", "mean", "95% CI of the mean"], rows: rows)
    }

    /// The headline figures of `point` with their mean and 95% interval.
    static func headlineTable(_ point: SweepAggregate.Point) -> [String] {
        let figures = Dictionary(uniqueKeysWithValues: point.figures.map { ($0.path, $0.statistics) })
        var rows: [[String]] = []
        for entry in headline(paths: point.figures.map(\.path)) {
            switch entry {
            case .figure(let path):
                guard let statistics = figures[path] else { continue }
                let format = FigureFormat(path: path)
                var interval = format.interval(statistics)
                if statistics.count < point.replications {
                    interval += " (in \(statistics.count) of \(point.replications) runs)"
                }
                rows.append(["  " + path, format.text(statistics.mean), interval])
            case .more(let client, let count):
                rows.append(["  (\(count) more campaigns of \(client))", "", ""])
            }
        }
        guard !rows.isEmpty else { return [] }
        return SummaryTable.table(header: ["figures", "mean", "95% CI of the mean"], rows: rows)
    }

    /// A line of the headline table.
    enum HeadlineEntry: Hashable {
        case figure(String)
        /// Campaigns of a client left out.
        case more(client: String, count: Int)
    }

    /// The headline figures among `paths`, in the order printed: each
    /// client's campaign completion times (its first ``campaignsPerClient``
    /// campaigns), deliveries, the account's bounce and complaint rates,
    /// calls throttled for the sending rate and the daily quota, and the
    /// total cost.
    static func headline(paths: [String]) -> [HeadlineEntry] {
        var campaigns: [String: [(index: Int, path: String)]] = [:]
        for path in paths {
            guard let (client, index) = campaignCompletion(path) else { continue }
            campaigns[client, default: []].append((index, path))
        }
        var entries: [HeadlineEntry] = []
        for client in campaigns.keys.sorted() {
            let list = campaigns[client]!.sorted { $0.index < $1.index }
            entries += list.prefix(campaignsPerClient).map { .figure($0.path) }
            if list.count > campaignsPerClient {
                entries.append(.more(client: client, count: list.count - campaignsPerClient))
            }
        }
        let present = Set(paths)
        entries += headlineFigures.filter(present.contains).map { .figure($0) }
        return entries
    }

    /// The headline figures after the campaigns.
    static let headlineFigures = [
        "delivery.outcomes.delivered", "reputation.account.bounceRate", "reputation.account.complaintRate",
        "api.throttling.maximumSendingRateExceeded", "api.throttling.dailyMessageQuotaExceeded", "cost.total",
    ]

    /// The client and campaign number of a `clients.NAME.campaigns[I].completionSeconds`
    /// path (or `clients["NAME"]…`, for a name that needs quotes).
    static func campaignCompletion(_ path: String) -> (client: String, index: Int)? {
        let suffix = ".completionSeconds"
        guard path.hasPrefix("clients"), path.hasSuffix(suffix) else { return nil }
        let middle = path.dropFirst("clients".count).dropLast(suffix.count)
        guard middle.hasSuffix("]"), let open = middle.range(of: ".campaigns[", options: .backwards),
            let index = Int(middle[open.upperBound..<middle.index(before: middle.endIndex)])
        else { return nil }
        let client = middle[..<open.lowerBound]
        return (String(client.hasPrefix(".") ? client.dropFirst() : client), index)
    }
}
