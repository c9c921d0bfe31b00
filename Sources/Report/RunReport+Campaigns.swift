import SESSimulation
import ScenarioFormat
import SimCore
import SimJSON

/// The campaign section: each campaign client's accepted recipients summed
/// over the run against its planned total, the moments its runs completed,
/// and a table of the runs.
extension RunReport {
    func campaignSection() -> ReportPage.Section? {
        let campaigns = scenario.traffic.enumerated().compactMap {
            index, client -> (Int, String, [JSONValue])? in
            guard case .array(let runs)? = value(["clients", client.name, "campaigns"]), !runs.isEmpty else {
                return nil
            }
            return (index, client.name, runs)
        }
        guard !campaigns.isEmpty else { return nil }
        var chart = timeChart(
            title: "Campaign progress",
            caption:
                "Recipients accepted so far; dashed: each client's planned total; markers: a campaign run's "
                + "completion.",
            valueTitle: "recipients accepted")
        var rows: [[String]] = []
        for (slot, (index, name, runs)) in campaigns.enumerated() {
            chart.series.append(
                .init(
                    name: name, points: cumulative { Double($0.clientAccepted[index]) }, mark: .line,
                    slot: slot))
            let planned = runs.reduce(0) { $0 + ($1["recipients"]?.numberValue ?? 0) }
            chart.thresholds.append(
                .init(value: planned, label: "\(name): \(ChartNumber.grouped(planned)) planned", slot: slot))
            for (number, run) in runs.enumerated() {
                let which = runs.count > 1 ? "\(name) run \(number + 1)" : name
                let completion = run["completionSeconds"]?.numberValue.map(Self.roundedDuration)
                if let at = instant(run["completedAt"]), let completion {
                    chart.markers.append(.init(time: at, label: "\(which) done in \(completion)", slot: slot))
                }
                rows.append(
                    [name, String(number + 1), run["start"].flatMap(Self.text) ?? "—"]
                        + ["recipients", "accepted", "dropped", "failed", "inFlight"].map {
                            Self.cell(run[$0]?.numberValue)
                        } + [completion ?? "not completed"])
            }
        }
        return ReportPage.Section(
            id: "campaigns", title: "Campaign progress",
            blocks: [
                .paragraph(
                    "A campaign run is complete when every recipient has a final outcome (delivered, bounced, "
                        + "rejected, failed) or was dropped by its client. A client's planned total counts the "
                        + "recipients of the runs that started before the end."),
                .chart(chart.svg()),
                .table(
                    ReportPage.Table(
                        header: [
                            "client", "run", "started", "recipients", "accepted", "dropped", "failed",
                            "in flight",
                            "completed in",
                        ], rows: rows)),
            ])
    }

    /// A number of seconds as a duration to the second (`1h15m21s`), or to
    /// the millisecond under a second.
    static func roundedDuration(_ seconds: Double) -> String {
        seconds >= 1
            ? SimDuration.seconds(Int64(seconds.rounded())).description
            : SimDuration.milliseconds(Int64((seconds * 1_000).rounded())).description
    }

    private static func text(_ value: JSONValue) -> String? {
        if case .string(let text) = value { return text }
        return nil
    }
}
