import SESEvents
import SimCore

extension SESService {
    /// Keeps listed addresses' trait draws apart from other keyed draws.
    static let listTraitSalt: UInt64 = 0x6C69_7374_7472_6169
    /// A delivery attempt's answer: delivered, bounced, or deferred (and
    /// retried, or expired into a Transient bounce).
    mutating func attempt(unit slot: Int32, at now: SimTime) {
        var unit = units[slot]
        let message = unit.message
        let recipient = messages[message].accepted.recipients[Int(unit.recipient)]
        // Past the maximum delivery time, the last deferral becomes a Transient bounce.
        if now >= unit.expiresAt, let lastDelay = unit.lastDelay {
            units.remove(slot)
            expire(unit, lastDelay: lastDelay, at: now)
            return
        }
        unit.attempts += 1
        if unit.attempts > 1 { counters.retries += 1 }
        if let scenario = recipient.mailboxSimulatorScenario {
            units.remove(slot)
            simulatorAnswer(scenario, unit: unit, at: now)
            return
        }
        let behavior = behavior(of: unit)
        if unit.audience >= 0 {
            let audience = audiences[Int(unit.audience)]
            if audience.isInvalidAddress(unit.member) {
                units.remove(slot)
                hardBounce(unit, noEmail: audience.hardBounceIsNoEmail(unit.member), at: now)
                return
            }
            if !account.suppressionList.enabled && audience.isGloballySuppressed(unit.member) {
                units.remove(slot)
                globallySuppressed(unit, at: now)
                return
            }
        } else if behavior.hardBounce > 0 || behavior.globalSuppression > 0 {
            // A listed address's traits are drawn from the address itself, so it
            // behaves the same in every message.
            var traits = KeyedDrawGenerator(
                stream: recipientStream, key: StableHash.hash(recipient.address) ^ Self.listTraitSalt,
                index: 0)
            let invalid = traits.nextUniform() < behavior.hardBounce
            let noEmail = traits.nextUniform() < behavior.noEmailShare
            let globallySuppressed = traits.nextUniform() < behavior.globalSuppression
            if invalid {
                units.remove(slot)
                hardBounce(unit, noEmail: noEmail, at: now)
                return
            }
            if !account.suppressionList.enabled && globallySuppressed {
                units.remove(slot)
                self.globallySuppressed(unit, at: now)
                return
            }
        }
        // The provider answers the IP's volume: overload defers more, and spam-folders beyond a level.
        var overloadDeferral = 0.0
        let dedicated = Int(messages[message].dedicatedIP)
        if dedicated >= 0 {
            fleet.advance(to: now)  // today's attempts reset at midnight, even with nothing routed since
            let load = fleet.recordAttempt(
                ip: dedicated, providerRow: Int(unit.statIndex), reception: behavior.reception)
            overloadDeferral = behavior.reception.extraDeferral(load: load)
            unit.spamFoldered = behavior.reception.isSpamFoldered(load: load)
        }
        let deferralDraw = unit.draws.nextUniform()
        let overloadDraw = unit.draws.nextUniform()
        if deferralDraw < behavior.deferral || overloadDraw < overloadDeferral {
            let type =
                deferralDraw < behavior.deferral
                ? Self.pick(behavior.deferralTypes, using: &unit.draws) : .ipFailure
            unit.lastDelay = type
            counters.recordDeferral(type)
            counters.providerCounts[Int(unit.statIndex)].deferrals += 1
            let delay = DeliveryDelay(
                timestamp: now, delayType: type, expirationTime: unit.expiresAt,
                delayedRecipients: [
                    DelayedRecipient(
                        emailAddress: recipient.address, status: SMTPReplies.delayStatus(type),
                        diagnosticCode: SMTPReplies.delayDiagnostic(
                            type, outgoingIp: outgoingIp(for: message)))
                ],
                reportingMTA: reportingHost(for: message))
            publish(.deliveryDelay(delay), message: message, at: now, deliverySide: true)
            var next =
                now + parameters.retryDelay(afterAttempt: Int(unit.attempts))
                + behavior.deliveryDelay.sample(using: &unit.draws)
            if next >= unit.expiresAt { next = max(unit.expiresAt, now) }
            units[slot] = unit
            outbox.schedule(.attempt(unit: slot), at: next)
            return
        }
        units.remove(slot)
        deliver(unit, behavior: behavior, at: now)
    }

    // MARK: - Outcomes

    private mutating func deliver(_ unit: DeliveryUnit, behavior: RecipientBehavior, at now: SimTime) {
        let message = unit.message
        let accepted = messages[message].accepted
        let address = accepted.recipients[Int(unit.recipient)].address
        let delivery = Delivery(
            timestamp: now, processingTimeMillis: (now - accepted.acceptedAt).microseconds / 1_000,
            recipients: [address],
            smtpResponse: SMTPReplies.accepted(domain: providerName(of: unit), unit: unit),
            reportingMTA: reportingHost(for: message),
            remoteMtaIp: nil)
        publish(.delivery(delivery), message: message, at: now, deliverySide: true)
        counters.recordLatency(now - accepted.acceptedAt)
        counters.providerCounts[Int(unit.statIndex)].delivered += 1
        if messages[message].dedicatedIP >= 0 {
            fleet.recordDelivery(ip: Int(messages[message].dedicatedIP), providerRow: Int(unit.statIndex))
        }
        if unit.spamFoldered { counters.spamFoldered += 1 }
        if behavior.feedbackLoop { recordFeedbackLoopDelivery(unit) }
        scheduleEngagement(unit, behavior: behavior, at: now)
        settle(message, recipients: 1, outcome: .delivered)
    }

    private mutating func hardBounce(_ unit: DeliveryUnit, noEmail: Bool, at now: SimTime) {
        let message = unit.message
        let address = messages[message].accepted.recipients[Int(unit.recipient)].address
        let bounce = Bounce(
            bounceType: .permanent, bounceSubType: noEmail ? .noEmail : .general,
            bouncedRecipients: [
                BouncedRecipient(
                    emailAddress: address, action: "failed", status: noEmail ? "5.1.1" : "5.3.0",
                    diagnosticCode: noEmail
                        ? "smtp; 550 5.1.1 user unknown"
                        : "smtp; 550 5.3.0 Requested action not taken: mailbox unavailable")
            ],
            timestamp: now, feedbackId: feedbackID(message, position: Int(unit.recipient), salt: 2, at: now),
            reportingMTA: "dsn; " + reportingHost(for: message)
        )
        counters.recordBounce(bounce.bounceType, bounce.bounceSubType)
        counters.providerCounts[Int(unit.statIndex)].hardBounces += 1
        publish(.bounce(bounce), message: message, at: now, deliverySide: true)
        account.statistics.recordBounce(at: now)
        recordBounce(unit, at: now)
        if account.suppressionList.add(
            address, reason: .bounce, at: now,
            messageId: messages[message].accepted.messageId.description,
            feedbackId: bounce.feedbackId.description)
        {
            counters.recordSuppression(.bounce)
        }
        settle(message, recipients: 1, outcome: .hardBounce)
    }

    private mutating func globallySuppressed(_ unit: DeliveryUnit, at now: SimTime) {
        let message = unit.message
        let address = messages[message].accepted.recipients[Int(unit.recipient)].address
        let bounce = Bounce(
            bounceType: .permanent, bounceSubType: .suppressed,
            bouncedRecipients: [
                BouncedRecipient(
                    emailAddress: address, action: "failed", status: "5.1.1",
                    diagnosticCode:
                        "Amazon SES has suppressed sending to this address because it has a recent "
                        + "history of bouncing as an invalid address.")
            ],
            timestamp: now, feedbackId: feedbackID(message, position: Int(unit.recipient), salt: 3, at: now),
            reportingMTA: "dsn; amazonses.com")
        counters.recordBounce(.permanent, .suppressed)
        counters.providerCounts[Int(unit.statIndex)].hardBounces += 1
        publish(.bounce(bounce), message: message, at: now)
        account.statistics.recordBounce(at: now)
        recordBounce(unit, at: now)
        settle(message, recipients: 1, outcome: .hardBounce)
    }

    /// The maximum delivery time passed: a Transient bounce whose subtype
    /// matches the last deferral.
    private mutating func expire(_ unit: DeliveryUnit, lastDelay: DelayType, at now: SimTime) {
        let message = unit.message
        let address = messages[message].accepted.recipients[Int(unit.recipient)].address
        let ip = outgoingIp(for: message)
        let bounce = Bounce(
            bounceType: .transient, bounceSubType: SMTPReplies.bounceSubType(afterDelay: lastDelay),
            bouncedRecipients: [
                BouncedRecipient(
                    emailAddress: address, action: "failed", status: SMTPReplies.delayStatus(lastDelay),
                    diagnosticCode: SMTPReplies.delayDiagnostic(lastDelay, outgoingIp: ip))
            ],
            timestamp: now, feedbackId: feedbackID(message, position: Int(unit.recipient), salt: 4, at: now),
            reportingMTA: "dsn; " + reportingHost(for: message)
        )
        counters.recordBounce(bounce.bounceType, bounce.bounceSubType)
        counters.providerCounts[Int(unit.statIndex)].softBounces += 1
        publish(.bounce(bounce), message: message, at: now, deliverySide: true)
        settle(message, recipients: 1, outcome: .softBounce)
    }

    // MARK: - The mailbox simulator

    /// The simulator's fixed answers (ses-facts.md §1.1): none counts in
    /// reputation or adds to the suppression list.
    private mutating func simulatorAnswer(
        _ scenario: MailboxSimulatorScenario, unit: DeliveryUnit, at now: SimTime
    ) {
        let message = unit.message
        let accepted = messages[message].accepted
        let address = accepted.recipients[Int(unit.recipient)].address
        switch scenario {
        case .success, .outOfOffice, .complaint:
            let delivery = Delivery(
                timestamp: now, processingTimeMillis: (now - accepted.acceptedAt).microseconds / 1_000,
                recipients: [address], smtpResponse: "250 ok:  Message \(feedbackDigits(message)) accepted",
                reportingMTA: reportingHost(for: message))
            publish(.delivery(delivery), message: message, at: now, deliverySide: true)
            counters.recordLatency(now - accepted.acceptedAt)
            counters.providerCounts[Int(unit.statIndex)].delivered += 1
            if scenario != .success {
                var draws = unit.draws
                let delay = parameters.simulatorDelay.sample(using: &draws)
                messages[message].pendingFollowUps += 1
                outbox.schedule(
                    .followUp(
                        message: message, recipient: unit.recipient,
                        kind: scenario == .outOfOffice ? .autoReply : .simulatorComplaint, detail: 0),
                    at: now + delay)
            }
            settle(message, recipients: 1, outcome: .delivered)
        case .bounce, .suppressionList:
            let isBounce = scenario == .bounce
            let bounce = Bounce(
                bounceType: .permanent, bounceSubType: isBounce ? .general : .suppressed,
                bouncedRecipients: [
                    BouncedRecipient(
                        emailAddress: address, action: "failed", status: "5.1.1",
                        diagnosticCode: isBounce
                            ? "smtp; 550 5.1.1 user unknown"
                            : "Amazon SES has suppressed sending to this address because it has a recent history of "
                                + "bouncing as an invalid address.")
                ],
                timestamp: now,
                feedbackId: feedbackID(message, position: Int(unit.recipient), salt: 5, at: now),
                reportingMTA: isBounce
                    ? "dsn; "
                        + reportingHost(for: message)
                    : "dsn; amazonses.com")
            counters.recordBounce(bounce.bounceType, bounce.bounceSubType)
            counters.providerCounts[Int(unit.statIndex)].hardBounces += 1
            publish(.bounce(bounce), message: message, at: now, deliverySide: isBounce)
            settle(message, recipients: 1, outcome: .hardBounce)
        }
    }

    /// Draws a delay type by weight.
    static func pick(_ weighted: [(DelayType, Double)], using draws: inout KeyedDrawGenerator) -> DelayType {
        let total = weighted.reduce(0) { $0 + $1.1 }
        guard total > 0, let first = weighted.first else { return .general }
        var target = draws.nextUniform() * total
        for (type, weight) in weighted {
            if target < weight { return type }
            target -= weight
        }
        return weighted.last?.0 ?? first.0
    }
}
