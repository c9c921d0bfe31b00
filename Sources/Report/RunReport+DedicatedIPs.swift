import SESModel
import SESSimulation
import ScenarioFormat
import SimCore
import SimJSON

/// The dedicated-IP section: each IP's recipients per day against its
/// warm-up cap, what overflowed the pools' caps per day, and tables of the
/// IPs and pools — all from `dedicatedIps` in the summary, whose records are
/// per UTC day of the run.
extension RunReport {
    /// At most this many IPs get a chart of their own: the first by address.
    static let maximumIPCharts = 4
    /// At most this many IPs are listed in the table.
    static let maximumIPRows = 20

    func dedicatedIPSection() -> ReportPage.Section? {
        guard !dedicatedIPAddresses.isEmpty else { return nil }
        let settings = scenario.dedicatedIPs
        let count = dedicatedIPAddresses.count
        let overflow = settings.firstTimeLessee ? "SES's shared pool" : "the account's warm dedicated IPs"
        var blocks: [ReportPage.Block] = [
            .paragraph(
                "\(count) dedicated \(count == 1 ? "IP" : "IPs"), automatic warm-up "
                    + (settings.autoWarmupEnabled
                        ? "on: SES caps a new IP's recipients each UTC day, the cap rising day by day over "
                            + "the \(settings.plan.days)-day plan until the IP is warm, and sends what is over "
                            + "the caps through \(overflow)."
                        : "off: SES does not cap the IPs, whatever the mailbox providers make of them."))
        ]
        let charted = dedicatedIPAddresses.prefix(Self.maximumIPCharts)
        blocks += charted.compactMap { ipChart(address: $0) }.map { .chart($0.svg()) }
        if count > charted.count {
            blocks.append(
                .paragraph(
                    "The first \(charted.count) IPs by address are charted; \(count - charted.count) more "
                        + "are in the table\(count > Self.maximumIPRows ? " (the first \(Self.maximumIPRows))" : "")."
                ))
        }
        if let chart = overflowChart() {
            blocks.append(.chart(chart.svg()))
        } else {
            blocks.append(.paragraph("No recipient overflowed a pool's warm-up caps."))
        }
        blocks.append(.table(ipTable()))
        blocks.append(.table(poolTable()))
        return ReportPage.Section(id: "dedicated-ips", title: "Dedicated IPs", blocks: blocks)
    }

    /// One IP's recipients per day (bars) against its warm-up cap (a step
    /// that ends when the IP is warm, marked there); nil when the summary
    /// has no such IP.
    func ipChart(address: String) -> TimeSeriesChart? {
        guard let ip = value(["dedicatedIps", "ips", address]) else { return nil }
        let days = dailyRecords(ip["days"])
        let pool = Self.string(ip["pool"]).map { " (pool \($0))" } ?? ""
        var chart = timeChart(
            title: "\(address)\(pool): recipients per day",
            caption:
                "Bars: recipients the IP sent each UTC day; line: that day's warm-up cap, until the IP is warm.",
            valueTitle: "recipients per day")
        chart.series = [
            .init(
                name: "sent",
                points: days.map { .init(time: $0.time, value: $0.record["volume"]?.numberValue ?? 0) },
                mark: .stackedBars, slot: ChartPalette.blue)
        ]
        let caps = days.map {
            TimeSeriesChart.Point(time: $0.time, value: $0.record["cap"]?.numberValue ?? .nan)
        }
        if caps.contains(where: { $0.value.isFinite }) {
            chart.series.append(
                .init(name: "warm-up cap", points: caps, mark: .step, slot: ChartPalette.orange))
            if let last = caps.lastIndex(where: { $0.value.isFinite }), last + 1 < caps.count {
                chart.markers.append(
                    .init(
                        time: caps[last + 1].time, label: "warm from day \(days[last + 1].day)",
                        slot: ChartPalette.green))
            }
        } else {
            chart.caption = "Bars: recipients the IP sent each UTC day; it had no warm-up cap in this run."
        }
        return chart
    }

    /// What each day's pool traffic became: the recipients the dedicated
    /// IPs sent, and on top each pool's overflow to the shared pool (bars);
    /// any overflow to warm IPs (already in the IPs' bars), and the shared
    /// pool's whole volume when other traffic used it too (lines). Nil when
    /// nothing overflowed.
    func overflowChart() -> TimeSeriesChart? {
        let pools = ([DedicatedIPSettings.defaultPool] + scenario.dedicatedIPs.pools).compactMap {
            name -> (name: String, toShared: [TimeSeriesChart.Point], toWarm: [TimeSeriesChart.Point])? in
            let days = dailyRecords(value(["dedicatedIps", "pools", name, "days"]))
            let points = { (key: String) in
                days.map { TimeSeriesChart.Point(time: $0.time, value: $0.record[key]?.numberValue ?? 0) }
            }
            let (toShared, toWarm) = (points("overflowToShared"), points("overflowToWarmIPs"))
            guard (toShared + toWarm).contains(where: { $0.value > 0 }) else { return nil }
            return (name, toShared, toWarm)
        }
        guard !pools.isEmpty else { return nil }
        let toWarm = pools.contains { $0.toWarm.contains { $0.value > 0 } }
        var chart = timeChart(
            title: "Overflow past the warm-up caps, per day",
            caption:
                "Bars: recipients sent from the dedicated IPs and, on top, each pool's overflow to the shared pool"
                + (toWarm ? "; lines: overflow to warm IPs." : "."),
            valueTitle: "recipients per day")
        var dedicated: [SimTime: Double] = [:]
        for address in dedicatedIPAddresses {
            for day in dailyRecords(value(["dedicatedIps", "ips", address, "days"])) {
                dedicated[day.time, default: 0] += day.record["volume"]?.numberValue ?? 0
            }
        }
        chart.series.append(
            .init(
                name: "sent from dedicated IPs",
                points: dedicated.keys.sorted().map { .init(time: $0, value: dedicated[$0]!) },
                mark: .stackedBars,
                slot: ChartPalette.blue))
        let slots = [
            ChartPalette.vermilion, ChartPalette.purple, ChartPalette.sky, ChartPalette.grey,
            ChartPalette.orange,
        ]
        for (index, pool) in pools.enumerated() where pool.toShared.contains(where: { $0.value > 0 }) {
            chart.series.append(
                .init(
                    name: "\(pool.name) → shared pool", points: pool.toShared, mark: .stackedBars,
                    slot: slots[index % slots.count] + index / slots.count * ChartPalette.colors.count))
        }
        for (index, pool) in pools.enumerated() where pool.toWarm.contains(where: { $0.value > 0 }) {
            chart.series.append(
                .init(
                    name: "\(pool.name) → warm IPs", points: pool.toWarm, mark: .step,
                    slot: slots[index % slots.count] + (index / slots.count + 1) * ChartPalette.colors.count))
        }
        let shared = dailyRecords(value(["dedicatedIps", "sharedPool", "days"])).map {
            TimeSeriesChart.Point(time: $0.time, value: $0.record["volume"]?.numberValue ?? 0)
        }
        let overflow = Dictionary(pools.flatMap(\.toShared).map { ($0.time, $0.value) }, uniquingKeysWith: +)
        if shared.contains(where: { $0.value != overflow[$0.time, default: 0] }) {
            chart.series.append(
                .init(name: "whole shared pool", points: shared, mark: .step, slot: ChartPalette.grey))
        }
        return chart
    }

    /// The IPs (the first ``maximumIPRows``): pool, warm-up, recipients.
    private func ipTable() -> ReportPage.Table {
        ReportPage.Table(
            header: ["IP", "pool", "warm-up status", "warm-up", "recipients", "cap at the end"],
            rows: dedicatedIPAddresses.prefix(Self.maximumIPRows).map { address in
                let ip = value(["dedicatedIps", "ips", address])
                return [
                    address, Self.string(ip?["pool"]) ?? "—",
                    Self.string(ip?["warmupStatus"]) ?? "—",
                    ip?["warmupPercentage"]?.numberValue.map { ChartNumber.grouped($0) + "%" } ?? "—",
                    Self.cell(ip?["volume"]?.numberValue),
                    ip?["capToday"]?.numberValue.map { ChartNumber.grouped($0) } ?? "none",
                ]
            })
    }

    /// The pools with an IP or an overflow, in the scenario's order (SES's
    /// default dedicated pool first).
    private func poolTable() -> ReportPage.Table {
        let rows = ([DedicatedIPSettings.defaultPool] + scenario.dedicatedIPs.pools).compactMap {
            name -> [String]? in
            let ips = dedicatedIPAddresses.filter {
                Self.string(value(["dedicatedIps", "ips", $0, "pool"])) == name
            }
            let pool = value(["dedicatedIps", "pools", name])
            let toShared = pool?["overflowToShared"]?.numberValue ?? 0
            let toWarm = pool?["overflowToWarmIPs"]?.numberValue ?? 0
            guard !ips.isEmpty || toShared > 0 || toWarm > 0 else { return nil }
            let volume = ips.reduce(0) {
                $0 + (value(["dedicatedIps", "ips", $1, "volume"])?.numberValue ?? 0)
            }
            return [name, String(ips.count), Self.cell(volume), Self.cell(toShared), Self.cell(toWarm)]
        }
        return ReportPage.Table(
            header: ["pool", "IPs", "sent from its IPs", "overflow to shared pool", "overflow to warm IPs"],
            rows: rows)
    }

    /// The day records in `days` (each with a `day` of the run) that start
    /// before the run's end, each at its day's start (day 1 at the run's
    /// start, when the run starts after midnight).
    func dailyRecords(_ days: JSONValue?) -> [(day: Int, time: SimTime, record: JSONValue)] {
        guard case .array(let records)? = days else { return [] }
        return records.compactMap { record in
            guard let day = record["day"]?.numberValue.map({ Int($0) }) else { return nil }
            let time = max(scenario.calendar.startOfDay(day), .start)
            return time < scenario.end ? (day, time, record) : nil
        }
    }
}
