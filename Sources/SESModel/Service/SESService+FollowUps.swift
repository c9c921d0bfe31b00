import SESEvents
import SimCore

extension SESService {
    /// Draw indices of a recipient's engagement decisions (after its attempts' draws).
    private static let engagementDrawBase: UInt64 = 1_000

    /// After a delivery: whether the recipient will complain, open, click or
    /// unsubscribe, and when. Opens and clicks need tracking (and clicks a
    /// tracked link).
    mutating func scheduleEngagement(_ unit: DeliveryUnit, behavior: RecipientBehavior, at now: SimTime) {
        let slot = unit.message
        let message = messages[slot]
        var draws = recipientDraws(message, position: Int(unit.recipient), index: Self.engagementDrawBase)
        // Mail filed as spam is opened less and complained about more.
        let spam = unit.spamFoldered
        let complains =
            draws.nextUniform() < behavior.complaint * (spam ? behavior.reception.spamComplaintFactor : 1)
        let opens = draws.nextUniform() < behavior.open * (spam ? behavior.reception.spamOpenFactor : 1)
        let clicks = draws.nextUniform() < behavior.click
        let unsubscribes = draws.nextUniform() < behavior.unsubscribe
        if complains {
            schedule(
                .complaint, slot, unit.recipient, detail: 0,
                at: now + behavior.complaintDelay.sample(using: &draws))
        }
        if opens && message.tracksOpens {
            schedule(
                .open, slot, unit.recipient, detail: 0, at: now + behavior.openDelay.sample(using: &draws))
        }
        if clicks && message.tracksClicks && !message.links.isEmpty {
            let link = Int16(draws.nextInt(below: UInt64(message.links.count)))
            schedule(
                .click, slot, unit.recipient, detail: Self.clickDetail(link: link, repeat: 0),
                at: now + behavior.clickDelay.sample(using: &draws))
        }
        if unsubscribes {
            schedule(
                .unsubscribe, slot, unit.recipient, detail: 0,
                at: now + behavior.unsubscribeDelay.sample(using: &draws))
        }
    }

    /// Repeated opens or clicks of one message stop after this many (a guard
    /// against a repeat probability of 1).
    static let maximumRepeats: Int16 = 100

    /// A click's detail: the link (below 250) and how many clicks came before.
    static func clickDetail(link: Int16, repeat count: Int16) -> Int16 { count << 8 | link & 0xFF }

    static func clickParts(_ detail: Int16) -> (link: Int, repeats: Int16) {
        (Int(detail & 0xFF), detail >> 8)
    }

    private mutating func schedule(
        _ kind: FollowUpKind, _ slot: Int32, _ recipient: Int16, detail: Int16, at time: SimTime
    ) {
        messages[slot].pendingFollowUps += 1
        outbox.schedule(.followUp(message: slot, recipient: recipient, kind: kind, detail: detail), at: time)
    }

    /// A follow-up's moment: the event it publishes, and for opens and clicks
    /// possibly another one later.
    mutating func followUp(
        message slot: Int32, recipient: Int16, kind: FollowUpKind, detail: Int16, at now: SimTime
    ) {
        messages[slot].pendingFollowUps -= 1
        defer { releaseIfFinished(slot) }
        let message = messages[slot]
        let position = Int(recipient)
        let address = message.accepted.recipients[position].address
        let behavior = followUpBehavior(message, position: position)
        let provider = followUpProvider(message, position: position)
        let stat = providerStatIndex(message, position: position)
        // Draws keyed by the follow-up's kind and detail (which counts repeats),
        // so that no two follow-ups of a recipient share draws.
        var draws = recipientDraws(
            message, position: position,
            index: Self.engagementDrawBase + UInt64(kind.rawValue + 1) << 20 + UInt64(
                UInt16(bitPattern: detail)) << 2)
        switch kind {
        case .complaint:
            guard behavior.feedbackLoop else {
                counters.unreportedComplaints += 1
                return
            }
            publishComplaint(
                slot, address: address, userAgent: UserAgents.feedbackReporter(provider), at: now)
            counters.providerCounts[Int(stat)].complaints += 1
            recordComplaint(message: slot, position: position, at: now)
            if account.suppressionList.add(
                address, reason: .complaint, at: now, messageId: message.accepted.messageId.description)
            {
                counters.recordSuppression(.complaint)
            }
        case .simulatorComplaint:
            // The simulator's complaints count nowhere, send statistics included,
            // as its bounces do not.
            publishComplaint(
                slot, address: address, userAgent: "Amazon SES Mailbox Simulator", countsInStatistics: false,
                at: now)
        case .autoReply:
            let bounce = Bounce(
                bounceType: .transient, bounceSubType: .general,
                bouncedRecipients: [BouncedRecipient(emailAddress: address)], timestamp: now,
                feedbackId: feedbackID(slot, position: position, salt: 6, at: now))
            counters.recordBounce(.transient, .general)
            publish(.bounce(bounce), message: slot, at: now, deliverySide: true)
        case .open:
            let open = Open(
                ipAddress: ClientAddresses.address(for: draws.next()), timestamp: now,
                userAgent: UserAgents.reader(provider, draw: draws.next()))
            publish(.open(open), message: slot, at: now, deliverySide: true)
            counters.providerCounts[Int(stat)].opens += 1
            if draws.nextUniform() < behavior.repeatOpen && detail < Self.maximumRepeats {
                schedule(
                    .open, slot, recipient, detail: detail + 1,
                    at: now + behavior.openDelay.sample(using: &draws))
            }
        case .click:
            let (linkIndex, repeats) = Self.clickParts(detail)
            let link = message.links[linkIndex % message.links.count]
            let click = Click(
                ipAddress: ClientAddresses.address(for: draws.next()), timestamp: now,
                userAgent: UserAgents.reader(provider, draw: draws.next()), link: link.url,
                linkTags: link.tags)
            publish(.click(click), message: slot, at: now, deliverySide: true)
            counters.providerCounts[Int(stat)].clicks += 1
            if draws.nextUniform() < behavior.repeatClick && repeats < Self.maximumRepeats {
                let next = Int16(draws.nextInt(below: UInt64(message.links.count)))
                schedule(
                    .click, slot, recipient, detail: Self.clickDetail(link: next, repeat: repeats + 1),
                    at: now + behavior.clickDelay.sample(using: &draws))
            }
        case .unsubscribe:
            let subscription = Subscription(
                contactList: parameters.contactList, timestamp: now, source: "UnsubscribeHeader",
                newTopicPreferences: TopicPreferences(unsubscribeAll: true, topicSubscriptionStatus: []),
                oldTopicPreferences: TopicPreferences(unsubscribeAll: false, topicSubscriptionStatus: []))
            publish(.subscription(subscription), message: slot, at: now, deliverySide: true)
            counters.providerCounts[Int(stat)].unsubscribes += 1
        }
    }

    private mutating func publishComplaint(
        _ slot: Int32, address: String, userAgent: String, countsInStatistics: Bool = true, at now: SimTime
    ) {
        let complaint = Complaint(
            complainedRecipients: [address], timestamp: now,
            feedbackId: feedbackID(slot, position: 0, salt: 7, at: now), userAgent: userAgent,
            complaintFeedbackType: "abuse", arrivalDate: now)
        publish(.complaint(complaint), message: slot, at: now, deliverySide: true)
        if countsInStatistics { account.statistics.recordComplaint(at: now) }
    }

    private func followUpBehavior(_ message: InFlightMessage, position: Int) -> RecipientBehavior {
        guard let audience = message.origin.audience else {
            return listBehavior(domain: message.accepted.recipients[position].domain)
        }
        let member = (message.origin.firstMember + position) % audiences[audience].size
        return audiences[audience].providers[audiences[audience].providerIndex(of: member)].behavior
    }

    private func followUpProvider(_ message: InFlightMessage, position: Int) -> String {
        guard let audience = message.origin.audience else {
            return message.accepted.recipients[position].domain
        }
        let member = (message.origin.firstMember + position) % audiences[audience].size
        return audiences[audience].providers[audiences[audience].providerIndex(of: member)].domain
    }
}
