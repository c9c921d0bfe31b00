import SESEvents
import SESSimulation
import ScenarioFormat

/// The delivery section: outcomes over time (counted as the events SES
/// published for them) and outcomes per mailbox provider.
extension RunReport {
    /// The final outcomes, stacked, in this order; delays are drawn apart
    /// (a delayed message still ends in one of these).
    static let outcomeTypes: [EventType] = [.delivery, .bounce, .reject, .renderingFailure]

    func deliverySection() -> ReportPage.Section? {
        var blocks: [ReportPage.Block] = []
        let types = Self.outcomeTypes + [.deliveryDelay]
        if timeline.contains(where: { row in types.contains { Self.count($0, in: row) > 0 } }) {
            var chart = timeChart(
                title: "Outcomes per \(intervalText)",
                caption:
                    "Bars: Delivery, Bounce, Reject and Rendering Failure events; line: DeliveryDelay events "
                    + "(each delay, not each message).",
                valueTitle: "events")
            chart.series =
                Self.outcomeTypes.map { type in
                    .init(
                        name: type.recordName, points: perInterval { Double(Self.count(type, in: $0)) },
                        mark: .stackedBars, slot: Self.slot(for: type))
                } + [
                    .init(
                        name: EventType.deliveryDelay.recordName,
                        points: perInterval { Double(Self.count(.deliveryDelay, in: $0)) }, mark: .step,
                        slot: Self.slot(for: .deliveryDelay))
                ]
            blocks.append(.chart(chart.svg()))
        }
        blocks += providerBlocks()
        guard !blocks.isEmpty else { return nil }
        return ReportPage.Section(id: "delivery", title: "Delivery outcomes", blocks: blocks)
    }

    /// The per-provider bars and table, from `delivery.providers` in the
    /// summary, most attempted first; nothing when no provider was tried.
    private func providerBlocks() -> [ReportPage.Block] {
        guard case .object(let providers)? = value(["delivery", "providers"]), !providers.isEmpty else {
            return []
        }
        let keys = [
            "attempted", "delivered", "hardBounces", "softBounces", "deferrals", "complaints", "opens",
            "clicks",
            "unsubscribes",
        ]
        let rows = providers.keys.map { name in
            (name: name, counts: keys.map { providers[name]?[$0]?.numberValue ?? 0 })
        }.sorted { ($1.counts[0], $0.name) < ($0.counts[0], $1.name) }
        let chart = BarChart(
            title: "Outcomes by mailbox provider",
            caption:
                "Recipients delivered, hard-bounced, and soft-bounced (the maximum delivery time passed), "
                + "per mailbox provider.",
            segments: [
                .init(name: "delivered", slot: ChartPalette.green),
                .init(name: "hard bounces", slot: ChartPalette.vermilion),
                .init(name: "soft bounces", slot: ChartPalette.orange),
            ],
            rows: rows.map { .init(label: $0.name, values: [$0.counts[1], $0.counts[2], $0.counts[3]]) },
            maximumRows: 10)
        return [
            .chart(chart.svg()),
            .table(
                ReportPage.Table(
                    header: [
                        "provider", "attempted", "delivered", "hard bounces", "soft bounces", "deferrals",
                        "complaints", "opens", "clicks", "unsubscribes",
                    ],
                    rows: rows.map { [$0.name] + $0.counts.map { Self.cell($0) } })),
        ]
    }
}
