import SESModel
import SESSimulation
import ScenarioFormat
import SimCore

/// The reputation section: the account's bounce and complaint rates over
/// time against the scenario's review and pause levels, with the
/// enforcement status changes and the alarms' state changes marked; the
/// same rates per configuration set that publishes reputation metrics; and
/// tables of the final and peak rates, the status changes and the alarms'
/// transitions.
///
/// Rates come from the timeline (read at each row's end), status changes
/// and alarm transitions from the summary (at their exact instants).
extension RunReport {
    /// At most this many alarm transitions are marked on one chart (the
    /// earliest); the table lists them all.
    static let maximumAlarmMarkers = 12
    /// At most this many alarm transitions are listed.
    static let maximumTransitionRows = 50

    func reputationSection() -> ReportPage.Section? {
        let changes = statusChanges()
        guard
            timeline.contains(where: { $0.reputation.accountVolume > 0 }) || !changes.isEmpty
                || !scenario.alarms.isEmpty
        else { return nil }
        let parameters = scenario.reputation
        let percent = ValueFormat.percent
        let finalStatus = Self.string(value(["reputation", "account", "status"])) ?? "HEALTHY"
        var blocks: [ReportPage.Block] = [
            .paragraph(
                "SES measures each rate over the representative volume: the eligible messages of the last "
                    + "\(parameters.representativePeriod) (bounces over messages; complaints over deliveries to "
                    + "providers with a feedback loop). At a bounce rate of "
                    + "\(percent.label(parameters.bounceReviewThreshold)) or a complaint rate of "
                    + "\(percent.label(parameters.complaintReviewThreshold)) it reviews the account (PROBATION, "
                    + "for \(parameters.reviewPeriod)); at \(percent.label(parameters.bouncePauseThreshold)) or "
                    + "\(percent.label(parameters.complaintPauseThreshold)) it may pause its sending (SHUTDOWN). "
                    + "It judges the rates only once the volume holds "
                    + "\(ChartNumber.grouped(Double(parameters.minimumVolume))) messages. The charts read the "
                    + "rates at each \(intervalText) interval's end, from the first eligible message on, and mark "
                    + "status changes and alarm state changes at their instants (a rate can cross a level between "
                    + "readings; the table gives the peaks). Final status: "
                    + "\(finalStatus), after \(changes.count) status \(changes.count == 1 ? "change" : "changes")."
            )
        ]
        for metric in AlarmDefinition.Metric.allCases {
            blocks.append(.chart(accountRateChart(metric).svg()))
        }
        for metric in AlarmDefinition.Metric.allCases {
            if let chart = configurationSetRateChart(metric) { blocks.append(.chart(chart.svg())) }
        }
        blocks.append(.table(rateTable()))
        if !changes.isEmpty {
            blocks.append(
                .table(
                    ReportPage.Table(
                        header: ["status changed at", "from", "to", "reason"],
                        rows: changes.map { [$0.at, $0.from, $0.to, $0.reason] })))
        }
        let transitions = alarmTransitions()
        if !transitions.isEmpty {
            blocks.append(
                .table(
                    ReportPage.Table(
                        header: ["alarm", "changed at", "from", "to", "reason"],
                        rows: transitions.prefix(Self.maximumTransitionRows).map {
                            [$0.alarm.name, $0.at, $0.from, $0.to, $0.reason]
                        })))
            if transitions.count > Self.maximumTransitionRows {
                blocks.append(
                    .paragraph(
                        "The first \(Self.maximumTransitionRows) of \(transitions.count) alarm transitions are "
                            + "listed; summary.json has them all."))
            }
        }
        return ReportPage.Section(id: "reputation", title: "Reputation", blocks: blocks)
    }

    /// The account's rate of `metric` against the review and pause levels
    /// (and any account alarm's threshold), with the status changes and
    /// the account alarms' transitions marked.
    func accountRateChart(_ metric: AlarmDefinition.Metric) -> TimeSeriesChart {
        let bounce = metric == .bounceRate
        var chart = rateChart(
            title: "Account \(bounce ? "bounce" : "complaint") rate",
            caption:
                "Read at each \(intervalText) interval's end; dashed: review and pause levels, alarms; markers: "
                + "status and alarm changes.",
            metric: metric, configurationSets: nil)
        chart.series = [
            .init(
                name: bounce ? "bounce rate" : "complaint rate",
                points: readings { reading in
                    reading.accountVolume > 0
                        ? (bounce ? reading.accountBounceRate : reading.accountComplaintRate) : .nan
                }, mark: .line, slot: bounce ? ChartPalette.blue : ChartPalette.purple)
        ]
        chart.markers =
            statusChanges().compactMap { change in
                instant(.string(change.at)).map {
                    .init(time: $0, label: change.to, slot: Self.slot(forStatus: change.to))
                }
            } + chart.markers
        return chart
    }

    /// Each configuration set's rate of `metric`, for the sets that publish
    /// reputation metrics, with the set alarms' thresholds and transitions
    /// and the sets' fresh starts; nil when no set publishes them, or (for
    /// complaints) none had a complaint and no alarm watches them.
    func configurationSetRateChart(_ metric: AlarmDefinition.Metric) -> TimeSeriesChart? {
        let bounce = metric == .bounceRate
        let sets = scenario.configurationSets.indices.filter { index in
            let name = scenario.configurationSets[index].name
            return scenario.configurationSets[index].reputationMetricsEnabled
                || value(["configurationSets", name, "reputationMetricsEnabled"]) == .bool(true)
        }
        guard !sets.isEmpty else { return nil }
        let watched = scenario.alarms.contains { $0.metric == metric && $0.configurationSet != nil }
        let rate = { (reading: ReputationReading, set: Int) -> Double in
            let rates = bounce ? reading.setBounceRates : reading.setComplaintRates
            return set < rates.count ? rates[set] : 0
        }
        guard
            bounce || watched
                || timeline.contains(where: { row in sets.contains { rate(row.reputation, $0) > 0 } })
        else { return nil }
        var chart = rateChart(
            title: "\(bounce ? "Bounce" : "Complaint") rate by configuration set",
            caption:
                "Each set's own rate (reset by a fresh start); dashed: the account's levels, the set alarms; "
                + "markers: changes.",
            metric: metric, configurationSets: sets.map { scenario.configurationSets[$0].name })
        let slots = [
            ChartPalette.blue, ChartPalette.green, ChartPalette.sky, ChartPalette.grey, ChartPalette.purple,
        ]
        chart.series = sets.enumerated().map { position, set in
            TimeSeriesChart.Series(
                name: scenario.configurationSets[set].name,
                points: readings { reading in
                    set < reading.setVolumes.count && reading.setVolumes[set] > 0 ? rate(reading, set) : .nan
                }, mark: .line,
                slot: slots[position % slots.count] + position / slots.count * ChartPalette.colors.count)
        }
        for set in sets {
            let name = scenario.configurationSets[set].name
            if let at = instant(value(["configurationSets", name, "lastFreshStart"])) {
                chart.markers.append(.init(time: at, label: "\(name): fresh start", slot: ChartPalette.grey))
            }
        }
        return chart
    }

    /// A rate chart with the review and pause levels of `metric` and the
    /// thresholds and transitions of the alarms watching it — the
    /// account's (`configurationSets` nil) or those sets' — as thresholds
    /// (one line per value, labels joined) and markers.
    private func rateChart(
        title: String, caption: String, metric: AlarmDefinition.Metric, configurationSets sets: [String]?
    ) -> TimeSeriesChart {
        let parameters = scenario.reputation
        let bounce = metric == .bounceRate
        let percent = ValueFormat.percent
        var chart = timeChart(title: title, caption: caption, valueTitle: "rate", format: .percent)
        var levels: [(value: Double, label: String, slot: Int?)] = [
            (
                bounce ? parameters.bounceReviewThreshold : parameters.complaintReviewThreshold, "review",
                ChartPalette.orange
            ),
            (
                bounce ? parameters.bouncePauseThreshold : parameters.complaintPauseThreshold, "pause",
                ChartPalette.vermilion
            ),
        ].map { ($0.0, "\($0.1) \(percent.label($0.0))", $0.2) }
        let alarms = scenario.alarms.filter { alarm in
            guard alarm.metric == metric else { return false }
            guard let set = alarm.configurationSet else { return sets == nil }
            return sets?.contains(set) ?? false
        }
        for alarm in alarms {
            let label =
                "alarm \(alarm.name) \(Self.symbol(alarm.comparison)) \(percent.label(alarm.threshold))"
            if let same = levels.firstIndex(where: { $0.value == alarm.threshold }) {
                levels[same].label += " · " + label
            } else {
                levels.append((alarm.threshold, label, nil))
            }
        }
        chart.thresholds = levels.map { .init(value: $0.value, label: $0.label, slot: $0.slot) }
        let names = Set(alarms.map(\.name))
        chart.markers = alarmTransitions().filter { names.contains($0.alarm.name) }
            .prefix(Self.maximumAlarmMarkers)
            .compactMap { transition in
                instant(.string(transition.at)).map {
                    .init(
                        time: $0, label: "\(transition.alarm.name): \(transition.to)",
                        slot: Self.slot(forAlarmState: transition.to))
                }
            }
        return chart
    }

    /// The account's and each reporting set's final and peak rates.
    private func rateTable() -> ReportPage.Table {
        let percent = ValueFormat.percent
        func row(_ label: String, _ base: [String]) -> [String] {
            [label]
                + ["bounceRate", "peakBounceRate", "complaintRate", "peakComplaintRate"].map {
                    number(base + [$0]).map(percent.label) ?? "—"
                } + [Self.cell(number(base + ["volume"]))]
        }
        let sets = scenario.configurationSets.map(\.name).filter {
            value(["reputation", "configurationSets", $0, "reputationMetricsEnabled"]) == .bool(true)
        }
        return ReportPage.Table(
            header: [
                "rates of", "bounce rate", "peak bounce rate", "complaint rate", "peak complaint rate",
                "representative volume",
            ],
            rows: [row("account", ["reputation", "account"])]
                + sets.map { row("set \($0)", ["reputation", "configurationSets", $0]) })
    }

    /// A point per row group: `value` of the group's last reading, at the
    /// group's end (when it was read).
    func readings(_ value: (ReputationReading) -> Double) -> [TimeSeriesChart.Point] {
        rowGroups.map { .init(time: $0.last!.end, value: value($0.last!.reputation)) }
    }

    /// The enforcement status changes in the summary, in order.
    func statusChanges() -> [(at: String, from: String, to: String, reason: String)] {
        guard case .array(let changes)? = value(["reputation", "statusChanges"]) else { return [] }
        return changes.map {
            (
                Self.string($0["at"]) ?? "—", Self.string($0["from"]) ?? "—", Self.string($0["to"]) ?? "—",
                Self.string($0["reason"]) ?? ""
            )
        }
    }

    /// Every alarm's transitions from the summary, in time order (ties in
    /// the scenario's order of the alarms).
    func alarmTransitions() -> [(
        alarm: AlarmDefinition, at: String, from: String, to: String, reason: String
    )] {
        scenario.alarms.flatMap { alarm in
            guard case .array(let transitions)? = value(["alarms", alarm.name, "transitions"]) else {
                return [(alarm: AlarmDefinition, at: String, from: String, to: String, reason: String)]()
            }
            return transitions.map {
                (
                    alarm, Self.string($0["at"]) ?? "—", Self.string($0["from"]) ?? "—",
                    Self.string($0["to"]) ?? "—", Self.string($0["reason"]) ?? ""
                )
            }
        }.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }

    /// The palette slot of a status-change marker: healthy green, under
    /// review orange, paused vermilion.
    static func slot(forStatus status: String) -> Int? {
        switch status {
        case EnforcementStatus.healthy.rawValue: ChartPalette.green
        case EnforcementStatus.probation.rawValue: ChartPalette.orange
        case EnforcementStatus.shutdown.rawValue: ChartPalette.vermilion
        default: nil
        }
    }

    /// The palette slot of an alarm-transition marker: ALARM vermilion, OK
    /// green, INSUFFICIENT_DATA grey.
    static func slot(forAlarmState state: String) -> Int? {
        switch state {
        case AlarmState.alarm.rawValue: ChartPalette.vermilion
        case AlarmState.ok.rawValue: ChartPalette.green
        case AlarmState.insufficientData.rawValue: ChartPalette.grey
        default: nil
        }
    }

    /// A comparison operator as a symbol (`≥`).
    static func symbol(_ comparison: AlarmDefinition.Comparison) -> String {
        switch comparison {
        case .greaterThanOrEqualToThreshold: "≥"
        case .greaterThanThreshold: ">"
        case .lessThanThreshold: "<"
        case .lessThanOrEqualToThreshold: "≤"
        }
    }
}
