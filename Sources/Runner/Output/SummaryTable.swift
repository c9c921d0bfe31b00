import Report
import SESModel
import SESSimulation
import ScenarioFormat
import SimCore
import SimJSON

/// The human-readable summary `sesim run` prints: calls by result, clients,
/// campaigns, events by type and the expectations' verdicts.
public enum SummaryTable {
    public static func render(_ result: RunResult) -> String {
        let scenario = result.scenario
        let summary = result.summary
        var lines: [String] = []
        lines.append(
            "sesim \(SesimVersion.current) — \(scenario.name) (seed \(scenario.seed)), "
                + "\(scenario.calendar.timestamp(.start)) + \(scenario.duration), \(group(result.eventsProcessed)) events"
        )
        lines.append("")

        // API calls.
        var apiRows: [[String]] = []
        for operation in SendOperation.allCases {
            guard case .object(let entry)? = summary["api"]?[operation.rawValue] else { continue }
            let calls = entry["calls"]?.numberValue.map { group(Int($0)) } ?? "0"
            apiRows.append([operation.rawValue, calls, describeCounts(entry["results"])])
            if let entries = entry["entries"], case .object(let statuses) = entries, !statuses.isEmpty {
                apiRows.append(["  destinations", "", describeCounts(entries)])
            }
        }
        if !apiRows.isEmpty {
            lines.append(contentsOf: table(header: ["API", "calls", "results"], rows: apiRows))
            lines.append("")
        }

        // Clients.
        var clientRows: [[String]] = []
        for client in scenario.traffic {
            guard let entry = summary["clients"]?[client.name], let recipients = entry["recipients"] else {
                continue
            }
            func count(_ key: String) -> String { recipients[key]?.numberValue.map { group(Int($0)) } ?? "0" }
            var completion = "—"
            if case .array(let campaigns)? = entry["campaigns"] {
                let done = campaigns.compactMap {
                    $0["completionTime"].flatMap { value -> String? in
                        if case .string(let text) = value { return text }
                        return nil
                    }
                }
                completion =
                    campaigns.isEmpty
                    ? "—"
                    : done.count == campaigns.count
                        ? (campaigns.count == 1
                            ? done[0] : "\(campaigns.count) runs, last \(done.last ?? "")")
                        : "\(done.count)/\(campaigns.count) done"
            }
            clientRows.append([
                client.name, entry["calls"]?.numberValue.map { group(Int($0)) } ?? "0", count("planned"),
                count("accepted"), count("throttled"), count("retried"), count("dropped"), count("failed"),
                completion,
            ])
        }
        if !clientRows.isEmpty {
            lines.append(
                contentsOf: table(
                    header: [
                        "client", "calls", "planned", "accepted", "throttled", "retried", "dropped", "failed",
                        "completed in",
                    ], rows: clientRows))
            lines.append("")
        }

        // Events.
        if case .object(let events)? = summary["events"], !events.isEmpty {
            let rows = events.keys.sorted().map {
                [$0, events[$0]?.numberValue.map { group(Int($0)) } ?? "0"]
            }
            lines.append(contentsOf: table(header: ["event", "count"], rows: rows))
            lines.append("")
        }

        // Expectations.
        if !result.expectations.isEmpty {
            lines.append("expectations")
            for expectation in result.expectations {
                lines.append(
                    "  \(expectation.passed ? "PASS" : "FAIL")  \(expectation.label) (observed \(expectation.observed))"
                )
            }
            let failed = result.expectations.filter { !$0.passed }.count
            lines.append(
                failed == 0
                    ? "all \(result.expectations.count) expectations hold"
                    : "\(failed) of \(result.expectations.count) expectations failed")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func describeCounts(_ value: JSONValue?) -> String {
        guard case .object(let counts)? = value else { return "" }
        return counts.keys.sorted().map { "\($0) \(group(Int(counts[$0]?.numberValue ?? 0)))" }.joined(
            separator: ", ")
    }

    /// `1234567` as `1,234,567`.
    package static func group(_ value: Int) -> String { ChartNumber.group(value) }

    package static func table(header: [String], rows: [[String]]) -> [String] {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                // Numbers right-aligned, text left-aligned; the last column is free text.
                if index == cells.count - 1 { return cell }
                let numeric = cell.first.map { $0.isNumber } ?? false
                return index == 0 || !numeric ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        return [line(header)] + rows.map(line)
    }
}
