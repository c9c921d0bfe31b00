import SESEvents
import SESModel
import ScenarioFormat
import SimCore
import SimJSON

/// Builds a run's summary — the object written to `summary.json`, and the
/// values expectations read — from the run's state at an instant.
struct SummaryBuilder {
    let model: RunModel
    let now: SimTime
    /// The run's end, when it ended before the scenario's (`sesim serve`).
    var end: SimTime? = nil

    func build() -> JSONValue {
        let calendar = model.scenario.calendar
        var account = model.service.account
        var summary: [String: JSONValue] = [
            "scenario": .string(model.scenario.name),
            "seed": .integer(Int64(bitPattern: model.scenario.seed)),
            "version": .string(SesimVersion.current),
            "start": .string(calendar.timestamp(.start)),
            "end": .string(calendar.timestamp(end ?? model.scenario.end)),
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
        summary["events"] = .object(
            Dictionary(
                uniqueKeysWithValues: EventType.allCases.map {
                    ($0.matchingName, JSONValue.int(model.events.total[$0.rawValue]))
                }))
        summary["delivery"] = delivery()
        summary["eventDigest"] = model.publisher.eventDigest.map { .string($0) } ?? .null
        summary["eventPublishing"] = PublishingSummaryJSON.value(model.publisher.summary())
        summary["dedicatedIps"] = dedicatedIPs()
        summary["reputation"] = reputation()
        summary["alarms"] = alarms()
        summary["cost"] = cost()
        summary["configurationSets"] = .object(
            Dictionary(
                uniqueKeysWithValues: model.service.account.configurationSets.enumerated().compactMap {
                    index, set in
                    guard model.service.account.indexOfConfigurationSet(named: set.name) == index else {
                        return nil
                    }
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

    private func delivery() -> JSONValue {
        let counters = model.service.counters
        let latency = counters.deliveryLatency
        func seconds(_ milliseconds: UInt64) -> JSONValue { .number(Double(milliseconds) / 1_000) }
        var latencySummary: [String: JSONValue] = ["count": .integer(Int64(latency.totalCount))]
        if latency.totalCount > 0 {
            latencySummary["p50"] = seconds(latency.valueAtPercentile(50))
            latencySummary["p90"] = seconds(latency.valueAtPercentile(90))
            latencySummary["p99"] = seconds(latency.valueAtPercentile(99))
            latencySummary["max"] = seconds(latency.max)
            latencySummary["mean"] = .number((latency.mean / 1_000 * 1_000).rounded() / 1_000)
        }
        let providers = counters.providers.mapValues { provider -> JSONValue in
            .object([
                "attempted": .int(provider.attempted), "delivered": .int(provider.delivered),
                "hardBounces": .int(provider.hardBounces), "softBounces": .int(provider.softBounces),
                "deferrals": .int(provider.deferrals), "complaints": .int(provider.complaints),
                "opens": .int(provider.opens), "clicks": .int(provider.clicks),
                "unsubscribes": .int(provider.unsubscribes),
            ])
        }
        let suppression = model.service.account.suppressionList
        return .object([
            "outcomes": .object(
                Dictionary(
                    uniqueKeysWithValues: DeliveryOutcome.allCases.map {
                        ($0.rawValue, JSONValue.int(counters.outcomes[$0] ?? 0))
                    })),
            "bounces": .object(counters.bounces.mapValues { .int($0) }),
            "deferrals": .object(
                Dictionary(
                    uniqueKeysWithValues: counters.deferrals.map {
                        ($0.key.rawValue, JSONValue.int($0.value))
                    })),
            "deliveryAttempts": .int(counters.deliveryAttempts),
            "retries": .int(counters.retries),
            "unreportedComplaints": .int(counters.unreportedComplaints),
            "spamFoldered": .int(counters.spamFoldered),
            "latencySeconds": .object(latencySummary),
            "inFlight": .object([
                "messages": .int(model.service.messagesInFlight),
                "deliveries": .int(model.service.deliveriesInFlight),
            ]),
            "providers": .object(providers),
            "suppressionList": .object([
                "enabled": .bool(suppression.enabled), "listed": .int(suppression.count),
                "added": .object(
                    Dictionary(
                        uniqueKeysWithValues: counters.suppressionAdditions.map {
                            ($0.key.rawValue, JSONValue.int($0.value))
                        })),
            ]),
        ])
    }

    private func dedicatedIPs() -> JSONValue {
        var service = model.service
        let calendar = model.scenario.calendar
        let ips = service.dedicatedIPs(at: now)
        var ipObjects: [String: JSONValue] = [:]
        for ip in ips {
            ipObjects[ip.ip] = .object([
                "pool": .string(ip.poolName), "warmupStatus": .string(ip.warmupStatus.rawValue),
                "warmupPercentage": .int(ip.warmupPercentage),
                "leased": .string(calendar.timestamp(ip.leasedAt)),
                "volume": .int(ip.sentTotal), "capToday": ip.capToday.map { .int($0) } ?? .null,
                "days": .array(
                    ip.days.map { day in
                        .object([
                            "day": .int(day.day), "volume": .int(day.volume),
                            "cap": day.cap.map { .int($0) } ?? .null,
                            "warmupPercentage": .number((day.warmupPercentage * 10).rounded() / 10),
                        ])
                    }),
            ])
        }
        var pools: [String: JSONValue] = [:]
        var overflowToShared = 0
        var overflowToWarm = 0
        for pool in service.dedicatedIPPools {
            let toShared = pool.days.reduce(0) { $0 + $1.overflowToShared }
            let toWarm = pool.days.reduce(0) { $0 + $1.overflowToWarmIPs }
            overflowToShared += toShared
            overflowToWarm += toWarm
            pools[pool.name] = .object([
                "overflowToShared": .int(toShared), "overflowToWarmIPs": .int(toWarm),
                "days": .array(
                    pool.days.map { day in
                        .object([
                            "day": .int(day.day), "overflowToShared": .int(day.overflowToShared),
                            "overflowToWarmIPs": .int(day.overflowToWarmIPs),
                        ])
                    }),
            ])
        }
        let shared = service.sharedPoolVolume
        return .object([
            "autoWarmup": .bool(service.dedicatedIPAutoWarmupEnabled),
            "ips": .object(ipObjects),
            "pools": .object(pools),
            "dedicatedVolume": .int(ips.reduce(0) { $0 + $1.sentTotal }),
            "overflowToShared": .int(overflowToShared),
            "overflowToWarmIPs": .int(overflowToWarm),
            "sharedPool": .object([
                "volume": .int(shared.total),
                "days": .array(
                    shared.days.enumerated().map {
                        .object(["day": .int($0.offset + 1), "volume": .int($0.element)])
                    }),
            ]),
        ])
    }

    private func rate(_ value: Double) -> JSONValue { .number((value * 1_000_000).rounded() / 1_000_000) }

    private func reputation() -> JSONValue {
        let service = model.service
        let calendar = model.scenario.calendar
        let parameters = service.reputationParameters
        let account = service.accountReputation
        let peak = service.peakAccountReputation
        let statuses = service.metricStatuses
        var sets: [String: JSONValue] = [:]
        for (index, set) in service.account.configurationSets.enumerated()
        where service.account.indexOfConfigurationSet(named: set.name) == index {
            let rates = service.configurationSetReputation(index)
            let setPeak = service.peakConfigurationSetReputation(index)
            sets[set.name] = .object([
                "reputationMetricsEnabled": .bool(set.reputationMetricsEnabled),
                "bounceRate": rate(rates.bounceRate), "complaintRate": rate(rates.complaintRate),
                "volume": .int(rates.volume), "peakBounceRate": rate(setPeak.bounceRate),
                "peakComplaintRate": rate(setPeak.complaintRate),
                "lastFreshStart": set.lastFreshStart.map { .string(calendar.timestamp($0)) } ?? .null,
            ])
        }
        return .object([
            "account": .object([
                "status": .string(service.account.enforcementStatus.rawValue),
                "bounceStatus": .string(statuses.bounce.rawValue),
                "complaintStatus": .string(statuses.complaint.rawValue),
                "bounceRate": rate(account.bounceRate), "complaintRate": rate(account.complaintRate),
                "volume": .int(account.volume), "hasMinimumVolume": .bool(account.hasMinimumVolume),
                "peakBounceRate": rate(peak.bounceRate), "peakComplaintRate": rate(peak.complaintRate),
                "fixedWindowBounceRate": rate(account.comparisonBounceRate),
            ]),
            "statusChanges": .array(
                service.enforcementChanges.map { change in
                    .object([
                        "at": .string(calendar.timestamp(change.time)), "from": .string(change.from.rawValue),
                        "to": .string(change.to.rawValue), "reason": .string(change.reason),
                    ])
                }),
            "statusChangeCount": .int(service.enforcementChanges.count),
            "configurationSets": .object(sets),
            "parameters": .object([
                "minimumVolume": .int(parameters.minimumVolume),
                "representativePeriod": .string(parameters.representativePeriod.description),
                "reviewPeriod": .string(parameters.reviewPeriod.description),
                "bounceReviewThreshold": .number(parameters.bounceReviewThreshold),
                "bouncePauseThreshold": .number(parameters.bouncePauseThreshold),
                "complaintReviewThreshold": .number(parameters.complaintReviewThreshold),
                "complaintPauseThreshold": .number(parameters.complaintPauseThreshold),
                "pauseImmediately": .bool(parameters.pauseImmediately),
                "comparisonWindow": .string(parameters.comparisonWindow.description),
            ]),
        ])
    }

    private func alarms() -> JSONValue {
        let calendar = model.scenario.calendar
        var alarms: [String: JSONValue] = [:]
        for alarm in model.service.alarmStates {
            alarms[alarm.definition.name] = .object([
                "state": .string(alarm.state.rawValue), "metric": .string(alarm.definition.metric.rawValue),
                "configurationSet": alarm.definition.configurationSet.map { .string($0) } ?? .null,
                "threshold": .number(alarm.definition.threshold),
                "transitions": .array(
                    alarm.transitions.map { transition in
                        .object([
                            "at": .string(calendar.timestamp(transition.time)),
                            "from": .string(transition.from.rawValue),
                            "to": .string(transition.to.rawValue), "reason": .string(transition.reason),
                        ])
                    }),
            ])
        }
        return .object(alarms)
    }

    private func outcomes(_ counts: [DeliveryOutcome: Int]) -> JSONValue {
        .object(
            Dictionary(
                uniqueKeysWithValues: DeliveryOutcome.allCases.map {
                    ($0.rawValue, JSONValue.int(counts[$0] ?? 0))
                }))
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
            "outcomes": outcomes(counters.outcomes),
        ]
        if client.isCampaign {
            object["campaigns"] = .array(
                client.occurrences.map { occurrence in
                    var campaign: [String: JSONValue] = [
                        "start": .string(calendar.timestamp(occurrence.start)),
                        "recipients": .int(client.campaignSize),
                        "accepted": .int(occurrence.recipientsAccepted),
                        "dropped": .int(occurrence.recipientsDropped),
                        "failed": .int(occurrence.recipientsFailed),
                        "inFlight": .int(occurrence.recipientsInFlight),
                        "outcomes": outcomes(occurrence.outcomes),
                        "completed": .bool(occurrence.completedAt != nil),
                    ]
                    if let last = occurrence.lastAccepted {
                        campaign["lastAccepted"] = .string(calendar.timestamp(last))
                        campaign["sendingSeconds"] = .number((last - occurrence.start).seconds)
                    }
                    if let completed = occurrence.completedAt {
                        campaign["completedAt"] = .string(calendar.timestamp(completed))
                        campaign["completionSeconds"] = .number((completed - occurrence.start).seconds)
                        campaign["completionTime"] = .string(
                            (completed - occurrence.start).approximateDescription)
                    }
                    return .object(campaign)
                })
        }
        return .object(object)
    }
}
