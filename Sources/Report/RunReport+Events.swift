import SESEvents
import SESSimulation
import ScenarioFormat

/// The events section: published events per interval by type, and their
/// totals.
extension RunReport {
    func eventSection() -> ReportPage.Section? {
        let totals = EventType.allCases.map { type in
            timeline.reduce(0) { $0 + Self.count(type, in: $1) }
        }
        var blocks: [ReportPage.Block] = []
        let published = EventType.allCases.filter { totals[$0.rawValue] > 0 }
        if published.isEmpty {
            blocks.append(.paragraph("No events were published in this run."))
        } else {
            var chart = timeChart(
                title: "Events per \(intervalText), by type",
                caption:
                    "Each line holds an interval's count until the next interval; types with no events are "
                    + "left out.",
                valueTitle: "events")
            chart.series = published.map { type in
                .init(
                    name: type.recordName, points: perInterval { Double(Self.count(type, in: $0)) },
                    mark: .step,
                    slot: Self.slot(for: type))
            }
            blocks.append(.chart(chart.svg()))
        }
        blocks.append(
            .table(
                ReportPage.Table(
                    header: ["event type", "events"],
                    rows: EventType.allCases.map { type in
                        [type.recordName, Self.cell(number(["events", type.matchingName]))]
                    })))
        return ReportPage.Section(id: "events", title: "Events", blocks: blocks)
    }

    /// The events of `type` published in `row`.
    static func count(_ type: EventType, in row: TimelineRow) -> Int {
        type.rawValue < row.events.count ? row.events[type.rawValue] : 0
    }

    /// Each event type's palette slot, the same in every chart: sends blue,
    /// deliveries green, bounces vermilion, complaints purple, delays
    /// orange, rejects grey; the rest repeat a colour with a dash.
    static func slot(for type: EventType) -> Int {
        let colors = ChartPalette.colors.count
        switch type {
        case .send: return ChartPalette.blue
        case .delivery: return ChartPalette.green
        case .bounce: return ChartPalette.vermilion
        case .complaint: return ChartPalette.purple
        case .deliveryDelay: return ChartPalette.orange
        case .reject: return ChartPalette.grey
        case .open: return ChartPalette.sky
        case .click: return ChartPalette.blue + colors
        case .renderingFailure: return ChartPalette.purple + colors
        case .subscription: return ChartPalette.grey + colors
        }
    }
}
