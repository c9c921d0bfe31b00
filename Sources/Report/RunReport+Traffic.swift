import SESSimulation
import ScenarioFormat

/// The traffic section: calls and throttling over time, overall and per
/// client, and a table of each client's totals.
extension RunReport {
    func trafficSection() -> ReportPage.Section? {
        guard !scenario.traffic.isEmpty else { return nil }
        var calls = timeChart(
            title: "API calls per \(intervalText)",
            caption: "Bars: sending calls made (first attempts and retries); line: those SES throttled.",
            valueTitle: "calls")
        calls.series = [
            .init(
                name: "calls", points: perInterval { Double($0.calls) }, mark: .stackedBars,
                slot: ChartPalette.blue),
            .init(
                name: "throttled calls", points: perInterval { Double($0.throttledCalls) }, mark: .step,
                slot: ChartPalette.orange),
        ]
        var blocks: [ReportPage.Block] = [
            .paragraph(
                "What the traffic clients asked of SES in each \(intervalText) interval, and what SES "
                    + "throttled. A throttled recipient is counted at each attempt, so a recipient retried "
                    + "after throttling counts again; dropped recipients are those a client gave up on."),
            .chart(calls.svg()),
        ]
        for (index, client) in scenario.traffic.enumerated() {
            var chart = timeChart(
                title: "\(client.name): recipients per \(intervalText)",
                caption:
                    "Bars: recipients SES accepted; lines: recipients throttled (per attempt) and dropped.",
                valueTitle: "recipients")
            chart.series = [
                .init(
                    name: "accepted", points: perInterval { Double($0.clientAccepted[index]) },
                    mark: .stackedBars,
                    slot: ChartPalette.blue),
                .init(
                    name: "throttled", points: perInterval { Double($0.clientThrottled[index]) }, mark: .step,
                    slot: ChartPalette.orange),
                .init(
                    name: "dropped", points: perInterval { Double($0.clientDropped[index]) }, mark: .step,
                    slot: ChartPalette.vermilion),
            ]
            blocks.append(.chart(chart.svg()))
        }
        blocks.append(.table(clientTable()))
        return ReportPage.Section(id: "traffic", title: "Traffic and throttling", blocks: blocks)
    }

    /// Each client's calls and recipients, from the summary.
    private func clientTable() -> ReportPage.Table {
        let recipientKeys = ["planned", "accepted", "throttled", "retried", "dropped", "failed"]
        return ReportPage.Table(
            header: ["client", "API", "calls", "throttled calls"] + recipientKeys.map { "recipients \($0)" },
            rows: scenario.traffic.map { client in
                let base = ["clients", client.name]
                return [
                    client.name, client.api.rawValue, Self.cell(number(base + ["calls"])),
                    Self.cell(number(base + ["throttledCalls"])),
                ] + recipientKeys.map { Self.cell(number(base + ["recipients", $0])) }
            })
    }
}
