import SESEvents
import SESModel
import SimCore

/// Builds a run's summary — the object written to `summary.json`, and the
/// values expectations read — from the run's state at an instant.
struct SummaryBuilder {
    let model: RunModel
    let now: SimTime

    init(model: RunModel, now: SimTime) {
        self.model = model
        self.now = now
    }

    func build() -> JSONValue {
        let calendar = model.scenario.calendar
        var account = model.account
        var summary: [String: JSONValue] = [
            "scenario": .string(model.scenario.name),
            "seed": .integer(Int64(bitPattern: model.scenario.seed)),
            "version": .string(SesimVersion.current),
            "start": .string(calendar.timestamp(.start)),
            "end": .string(calendar.timestamp(model.scenario.end)),
            "at": .string(calendar.timestamp(now)),
            "api": model.api.summary,
            "clients": .object(
                Dictionary(uniqueKeysWithValues: model.clients.map { ($0.definition.name, client($0)) })),
            "account": .object([
                "status": .string(account.enforcementStatus.rawValue),
                "sendingEnabled": .bool(account.sendingEnabled),
                "sentLast24Hours": .int(account.sentLast24Hours(at: now)),
                "messagesAccepted": .integer(Int64(account.acceptedCount)),
            ]),
            "actions": .array(
                model.actionResults.map { result in
                    .object([
                        "at": .string(calendar.timestamp(result.at)), "call": .string(result.call),
                        "result": .string(result.outcome),
                    ])
                }),
        ]
        summary["configurationSets"] = .object(
            Dictionary(
                uniqueKeysWithValues: model.account.configurationSets.enumerated().compactMap { index, set in
                    guard model.account.indexOfConfigurationSet(named: set.name) == index else { return nil }
                    return (
                        set.name,
                        JSONValue.object([
                            "sendingEnabled": .bool(set.sendingEnabled),
                            "reputationMetricsEnabled": .bool(set.reputationMetricsEnabled),
                            "lastFreshStart": set.lastFreshStart.map { .string(calendar.timestamp($0)) }
                                ?? .null,
                        ])
                    )
                }))
        return .object(summary)
    }

    private func client(_ client: ClientRuntime) -> JSONValue {
        let counters = client.counters
        let calendar = model.scenario.calendar
        var object: [String: JSONValue] = [
            "api": .string(client.definition.api.rawValue),
            "calls": .int(counters.calls),
            "throttledCalls": .int(counters.throttledCalls),
            "recipients": .object([
                "planned": .int(counters.recipientsPlanned),
                "accepted": .int(counters.recipientsAccepted),
                "throttled": .int(counters.recipientsThrottled),
                "retried": .int(counters.recipientsRetried),
                "dropped": .int(counters.recipientsDropped),
                "failed": .int(counters.recipientsFailed),
            ]),
        ]
        if client.isCampaign {
            object["campaigns"] = .array(
                client.occurrences.map { occurrence in
                    var campaign: [String: JSONValue] = [
                        "start": .string(calendar.timestamp(occurrence.start)),
                        "recipients": .int(occurrence.end - (occurrence.end - client.campaignSize)),
                        "accepted": .int(occurrence.recipientsAccepted),
                        "dropped": .int(occurrence.recipientsDropped),
                        "failed": .int(occurrence.recipientsFailed),
                        "inFlight": .int(occurrence.recipientsInFlight),
                        "completed": .bool(occurrence.completedAt != nil),
                    ]
                    if let last = occurrence.lastAccepted {
                        campaign["lastAccepted"] = .string(calendar.timestamp(last))
                        campaign["sendingSeconds"] = .number((last - occurrence.start).seconds)
                    }
                    if let completed = occurrence.completedAt {
                        campaign["completedAt"] = .string(calendar.timestamp(completed))
                        campaign["completionSeconds"] = .number((completed - occurrence.start).seconds)
                        campaign["completionTime"] = .string((completed - occurrence.start).description)
                    }
                    return .object(campaign)
                })
        }
        return .object(object)
    }
}
