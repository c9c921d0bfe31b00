import SimCore

extension SESService {
    // MARK: - Recording

    /// Records an eligible message to recipient `position` of `slot`: not the
    /// mailbox simulator, not a verified domain (SES counts only "domains you
    /// haven't verified").
    mutating func recordEligibleSend(_ unit: inout DeliveryUnit, at now: SimTime) {
        let record = messages[unit.message]
        let recipient = record.accepted.recipients[Int(unit.recipient)]
        guard !recipient.isMailboxSimulator, !providerRowVerified[Int(unit.statIndex)] else { return }
        // Mail to verified identities does not count: verified domains are
        // settled per provider row above, single verified addresses here.
        if account.identities.hasVerifiedAddresses && account.identities.isVerified(recipient) { return }
        unit.accountRecord = reputation.account.append(at: now)
        if let set = record.accepted.configurationSet {
            unit.setRecord = reputation.sets[set].append(at: now)
        }
        if record.reputationRecords.isEmpty {
            record.reputationRecords = Array(repeating: (-1, -1), count: record.accepted.recipients.count)
        }
        record.reputationRecords[Int(unit.recipient)] = (unit.accountRecord, unit.setRecord)
    }

    mutating func recordBounce(_ unit: DeliveryUnit, at now: SimTime) {
        guard unit.accountRecord >= 0 else { return }
        reputation.account.markBounce(unit.accountRecord)
        if unit.setRecord >= 0, let set = messages[unit.message].accepted.configurationSet {
            reputation.sets[set].markBounce(unit.setRecord)
        }
        evaluateReputation(at: now)
    }

    mutating func recordFeedbackLoopDelivery(_ unit: DeliveryUnit) {
        guard unit.accountRecord >= 0 else { return }
        reputation.account.markFeedbackLoopDelivery(unit.accountRecord)
        if unit.setRecord >= 0, let set = messages[unit.message].accepted.configurationSet {
            reputation.sets[set].markFeedbackLoopDelivery(unit.setRecord)
        }
    }

    mutating func recordComplaint(message slot: Int32, position: Int, at now: SimTime) {
        let records = messages[slot].reputationRecords
        guard position < records.count, records[position].account >= 0 else { return }
        reputation.account.markComplaint(records[position].account)
        if records[position].set >= 0, let set = messages[slot].accepted.configurationSet {
            reputation.sets[set].markComplaint(records[position].set)
        }
        evaluateReputation(at: now)
    }

    /// Moves the enforcement status after the account's rates changed.
    mutating func evaluateReputation(at now: SimTime) {
        let window = reputation.account
        if let reviewEnd = reputation.machine.evaluate(
            bounceRate: window.bounceRate, complaintRate: window.complaintRate,
            hasMinimumVolume: window.hasMinimumVolume, at: now)
        {
            outbox.schedule(.reviewEnd, at: reviewEnd)
        }
        account.enforcementStatus = reputation.machine.status
    }

    // MARK: - Periodic events

    mutating func reviewEnded(at now: SimTime) {
        reputation.account.advance(to: now)
        let window = reputation.account
        if let next = reputation.machine.reviewEnded(
            bounceRate: window.bounceRate, complaintRate: window.complaintRate, at: now)
        {
            outbox.schedule(.reviewEnd, at: next)
        }
        account.enforcementStatus = reputation.machine.status
    }

    mutating func sampleReputation(at now: SimTime) {
        reputation.account.advance(to: now)
        for index in reputation.sets.indices { reputation.sets[index].advance(to: now) }
        reputation.samplePeaks()
        evaluateReputation(at: now)
        if reputation.account.size > 0 {
            outbox.record(
                ReputationSample(
                    time: now, configurationSet: nil, rates: ReputationTracker.rates(reputation.account)))
        }
        for (index, set) in account.configurationSets.enumerated()
        where set.reputationMetricsEnabled && reputation.sets[index].size > 0
            && account.indexOfConfigurationSet(named: set.name) == index
        {
            outbox.record(
                ReputationSample(
                    time: now, configurationSet: set.name,
                    rates: ReputationTracker.rates(reputation.sets[index])))
        }
        outbox.schedule(.reputationSample, at: now + reputation.parameters.metricPeriod)
    }

    mutating func evaluateAlarm(_ index: Int, at now: SimTime) {
        let alarm = reputation.alarms[index]
        let window: RepresentativeWindow
        if let set = alarm.configurationSet {
            reputation.sets[set].advance(to: now)
            window = reputation.sets[set]
        } else {
            reputation.account.advance(to: now)
            window = reputation.account
        }
        // A set's metrics exist only while its reputation metrics are enabled.
        let published =
            alarm.configurationSet.map { account.configurationSets[$0].reputationMetricsEnabled } ?? true
        var value: Double? = nil
        if published && window.size > 0 {
            value = alarm.definition.metric == .bounceRate ? window.bounceRate : window.complaintRate
        }
        if reputation.alarms[index].record(value, at: now) {
            for action in alarm.definition.actions {
                switch action {
                case .pauseAccount:
                    account.setAccountSendingEnabled(false)
                case .pauseConfigurationSet:
                    if let set = alarm.configurationSet {
                        account.setConfigurationSetSendingEnabled(at: set, false, now: now)
                    }
                }
            }
        }
        outbox.schedule(.alarmEvaluation(Int16(index)), at: now + alarm.definition.period)
    }

    // MARK: - The API around reputation

    /// `UpdateConfigurationSetSendingEnabled`; re-enabling a paused set is a
    /// fresh start: its reputation windows reset (the account's do not).
    public mutating func updateConfigurationSetSendingEnabled(
        named name: String, enabled: Bool, at now: SimTime
    )
        throws(SESError)
    {
        if try account.updateConfigurationSetSendingEnabled(named: name, enabled: enabled, at: now),
            let index = account.indexOfConfigurationSet(named: name)
        {
            reputation.freshStart(configurationSet: index)
        }
    }

    // MARK: - Reading

    /// The account's rates now.
    public var accountReputation: ReputationRates { ReputationTracker.rates(reputation.account) }

    /// Configuration set `index`'s rates now (since its last fresh start).
    public func configurationSetReputation(_ index: Int) -> ReputationRates {
        ReputationTracker.rates(reputation.sets[index])
    }

    /// The highest rates seen at a sample, once the minimum volume was reached.
    public var peakAccountReputation: (bounceRate: Double, complaintRate: Double) {
        (reputation.peakAccount.bounce, reputation.peakAccount.complaint)
    }

    public func peakConfigurationSetReputation(_ index: Int) -> (bounceRate: Double, complaintRate: Double) {
        (reputation.peakSets[index].bounce, reputation.peakSets[index].complaint)
    }

    /// Every change of the enforcement status.
    public var enforcementChanges: [StatusChange] { reputation.machine.changes }

    /// The dashboard's per-metric statuses.
    public var metricStatuses: (bounce: MetricStatus, complaint: MetricStatus) {
        let window = reputation.account
        return (
            reputation.machine.metricStatus(bounce: true, rate: window.bounceRate),
            reputation.machine.metricStatus(bounce: false, rate: window.complaintRate)
        )
    }

    /// Each alarm's definition, state and transitions.
    public var alarmStates: [(definition: AlarmDefinition, state: AlarmState, transitions: [AlarmTransition])]
    {
        reputation.alarms.map { ($0.definition, $0.state, $0.transitions) }
    }

    /// The reputation parameters in force.
    public var reputationParameters: ReputationParameters { reputation.parameters }
}
