import SESModel
import SimCore

extension ScenarioReader {
    static let reputationKeys = [
        "minimumVolume", "representativePeriod", "reviewPeriod", "bounceReviewThreshold",
        "bouncePauseThreshold",
        "complaintReviewThreshold", "complaintPauseThreshold", "pauseImmediately", "metricPeriod",
        "comparisonWindow",
    ]

    func readReputation(_ value: YAMLValue?) -> ReputationParameters {
        var parameters = ReputationParameters()
        guard let mapping = value?.mapping(allowedKeys: Self.reputationKeys) else { return parameters }
        if let volume = mapping.optional("minimumVolume")?.int(
            in: 1...100_000_000, what: "a number of messages")
        {
            parameters.minimumVolume = volume
        }
        if let period = mapping.optional("representativePeriod")?.duration(in: .hours(1)...(.days(365))) {
            parameters.representativePeriod = period
        }
        if let period = mapping.optional("reviewPeriod")?.duration(in: .minutes(1)...(.days(365))) {
            parameters.reviewPeriod = period
        }
        if let value = mapping.optional("bounceReviewThreshold")?.probability {
            parameters.bounceReviewThreshold = value
        }
        if let value = mapping.optional("bouncePauseThreshold")?.probability {
            parameters.bouncePauseThreshold = value
        }
        if let value = mapping.optional("complaintReviewThreshold")?.probability {
            parameters.complaintReviewThreshold = value
        }
        if let value = mapping.optional("complaintPauseThreshold")?.probability {
            parameters.complaintPauseThreshold = value
        }
        if parameters.bouncePauseThreshold < parameters.bounceReviewThreshold {
            value?.report("bouncePauseThreshold is below bounceReviewThreshold")
        }
        if parameters.complaintPauseThreshold < parameters.complaintReviewThreshold {
            value?.report("complaintPauseThreshold is below complaintReviewThreshold")
        }
        parameters.pauseImmediately = mapping.optional("pauseImmediately")?.bool ?? false
        if let period = mapping.optional("metricPeriod")?.duration(in: .minutes(1)...(.days(1))) {
            parameters.metricPeriod = period
        }
        if let window = mapping.optional("comparisonWindow")?.duration(in: .hours(1)...(.days(365))) {
            parameters.comparisonWindow = window
        }
        return parameters
    }

    static let alarmKeys = [
        "name", "metric", "configurationSet", "comparison", "threshold", "period", "evaluationPeriods",
        "datapointsToAlarm", "actions",
    ]

    func readAlarms(_ value: YAMLValue?, configurationSets: [ConfigurationSet]) -> [AlarmDefinition] {
        guard let items = value?.list else { return [] }
        var alarms: [AlarmDefinition] = []
        for item in items {
            guard let mapping = item.mapping(allowedKeys: Self.alarmKeys) else { continue }
            let name = mapping.required("name")?.nonEmptyString
            let metric = mapping.required("metric")?.choice(
                AlarmDefinition.Metric.allCases.map { ($0.rawValue, $0) }, what: "metric")
            var setName: String?
            if let setValue = mapping.optional("configurationSet"), let text = setValue.nonEmptyString {
                if let set = configurationSets.first(where: { $0.name == text }) {
                    setName = text
                    if !set.reputationMetricsEnabled {
                        setValue.report(
                            "configuration set '\(text)' does not publish reputation metrics; set reputationMetrics: true on it"
                        )
                    }
                } else {
                    setValue.report(
                        Self.undefined("configuration set", text, among: configurationSets.map(\.name)))
                }
            }
            let comparison =
                mapping.optional("comparison")?.choice(
                    AlarmDefinition.Comparison.allCases.map { ($0.rawValue, $0) }, what: "comparison operator"
                )
                ?? .greaterThanOrEqualToThreshold
            let threshold = mapping.required("threshold")?.probability
            let period = mapping.optional("period")?.duration(in: .minutes(1)...(.days(1))) ?? .hours(1)
            let evaluationPeriods =
                mapping.optional("evaluationPeriods")?.int(in: 1...1_000, what: "periods") ?? 1
            let datapointsToAlarm =
                mapping.optional("datapointsToAlarm")?.int(in: 1...1_000, what: "datapoints")
                ?? evaluationPeriods
            if datapointsToAlarm > evaluationPeriods {
                mapping.optional("datapointsToAlarm")?.report(
                    "datapointsToAlarm (\(datapointsToAlarm)) cannot exceed evaluationPeriods (\(evaluationPeriods))"
                )
            }
            var actions: [AlarmDefinition.Action] = []
            for action in mapping.optional("actions")?.list ?? [] {
                guard
                    let parsed = action.choice(
                        AlarmDefinition.Action.allCases.map { ($0.rawValue, $0) }, what: "alarm action")
                else { continue }
                if parsed == .pauseConfigurationSet && setName == nil && !mapping.has("configurationSet") {
                    action.report("pauseConfigurationSet needs the alarm's configurationSet")
                }
                actions.append(parsed)
            }
            if let name, alarms.contains(where: { $0.name == name }) {
                mapping.optional("name")?.report("an alarm named '\(name)' is already defined")
            }
            guard let name, let metric, let threshold else { continue }
            alarms.append(
                AlarmDefinition(
                    name: name, metric: metric, configurationSet: setName, comparison: comparison,
                    threshold: threshold,
                    period: period, evaluationPeriods: evaluationPeriods,
                    datapointsToAlarm: datapointsToAlarm,
                    actions: actions))
        }
        return alarms
    }
}
