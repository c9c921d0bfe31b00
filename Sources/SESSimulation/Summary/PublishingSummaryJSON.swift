import SESEvents
import ScenarioFormat
import SimJSON

/// The event publisher's summary as part of `summary.json`: destinations
/// keyed by configuration set and name, so that expectations can name them
/// (`eventPublishing.destinations.marketing.by-campaign.events.delivery`).
enum PublishingSummaryJSON {
    static func value(_ summary: EventPublishingSummary) -> JSONValue {
        var sets: [String: JSONValue] = [:]
        for destination in summary.destinations {
            var object: [String: JSONValue] = [
                "kind": .string(destination.kind), "enabled": .bool(destination.enabled),
                "events": counts(destination.eventsByType),
                "recordsWritten": .int(destination.recordsWritten),
            ]
            if let target = destination.target { object["target"] = .string(target) }
            if let file = destination.outputFile { object["outputFile"] = .string(file) }
            if let cloudWatch = destination.cloudWatch {
                object["cloudWatch"] = .object([
                    "dimensions": .array(cloudWatch.dimensions.map { .string($0) }),
                    "customMetricCount": .int(cloudWatch.customMetricCount),
                    "estimatedMonthlyCost": .number(cents(cloudWatch.estimatedMonthlyCost)),
                    "eventsWithoutMetric": .int(cloudWatch.eventsWithoutMetric),
                    "topDimensionValues": .object(
                        Dictionary(
                            cloudWatch.topDimensionValues.map { ranking in
                                (
                                    ranking.dimension,
                                    JSONValue.object([
                                        "distinctValues": .int(ranking.distinctValueCount),
                                        "top": .array(
                                            ranking.values.map {
                                                .object(["value": .string($0.value), "count": .int($0.count)])
                                            }),
                                    ])
                                )
                            }, uniquingKeysWith: { first, _ in first })),
                ])
            }
            var set =
                sets[destination.configurationSet].flatMap { value -> [String: JSONValue]? in
                    if case .object(let members) = value { return members }
                    return nil
                } ?? [:]
            set[destination.name] = .object(object)
            sets[destination.configurationSet] = .object(set)
        }
        return .object([
            "events": .int(summary.eventCount),
            "eventsWithoutConfigurationSet": .int(summary.eventsWithoutConfigurationSet),
            "accountMetrics": counts(summary.accountMetrics),
            "destinations": .object(sets),
            "customMetricCount": .int(summary.customMetricCount),
            "estimatedMonthlyCloudWatchCost": .number(cents(summary.estimatedMonthlyCloudWatchCost)),
        ])
    }

    static func counts(_ counts: EventTypeCounts) -> JSONValue {
        .object(
            Dictionary(
                uniqueKeysWithValues: EventType.allCases.map { ($0.matchingName, JSONValue.int(counts[$0])) })
        )
    }

    /// Money rounded to the cent.
    static func cents(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
