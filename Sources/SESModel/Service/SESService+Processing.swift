import SESEvents
import SESTemplates
import SimCore

extension SESService {
    /// The end of a message's processing: rendering, the virus check, the
    /// suppression list, then a delivery attempt per remaining recipient.
    mutating func process(message slot: Int32, at now: SimTime) {
        let accepted = messages[slot].accepted
        var html: [UInt8]? = nil
        // Render templated messages; a failure ends the message here.
        switch accepted.content {
        case .templated(let name, let data, let defaultData):
            do throws(TemplateError) {
                try render(template: name, data: data, defaultData: defaultData)
                messages[slot].subject = String(decoding: rendered.subject, as: UTF8.self)
                messages[slot].mail = nil
                html = rendered.html.isEmpty ? nil : rendered.html
                if containsVirusSignature(rendered.subject) || containsVirusSignature(rendered.text)
                    || containsVirusSignature(rendered.html)
                {
                    reject(slot, at: now)
                    return
                }
            } catch {
                let failure = RenderingFailure(templateName: name, errorMessage: error.message)
                publish(.renderingFailure(failure), message: slot, at: now)
                settle(slot, recipients: accepted.recipients.count, outcome: .renderingFailure)
                return
            }
        case .simple(let content):
            if let body = content.html { html = Array(body.utf8) }
            if [content.subject, content.text ?? "", content.html ?? ""].contains(where: {
                containsVirusSignature(Array($0.utf8))
            }) {
                reject(slot, at: now)
                return
            }
        }
        // A configured share of messages is found infected.
        var draws = messageDraws(messages[slot])
        draws.index += 10
        if parameters.virusRate > 0 && draws.nextUniform() < parameters.virusRate {
            reject(slot, at: now)
            return
        }
        applyTracking(slot, html: html)
        route(slot, at: now)
        // Each recipient: the account's suppression list, then a delivery attempt.
        var attempting = 0
        for (position, recipient) in accepted.recipients.enumerated() {
            if recipient.mailboxSimulatorScenario == nil
                && account.suppressionList.contains(recipient.address)
            {
                suppressed(slot, position: position, at: now)
                continue
            }
            startDelivery(slot, position: position, at: now)
            attempting += 1
        }
        account.statistics.recordDeliveryAttempts(attempting, at: now)
        counters.deliveryAttempts += attempting
    }

    /// Chooses the IP the message goes out on: its configuration set's pool,
    /// or the default pool, or SES's shared pool.
    private mutating func route(_ slot: Int32, at now: SimTime) {
        let accepted = messages[slot].accepted
        let pool = accepted.configurationSet.flatMap { account.configurationSets[$0].sendingPoolName }
        if let dedicated = fleet.route(poolName: pool, recipients: accepted.recipients.count, at: now) {
            messages[slot].dedicatedIP = Int32(dedicated)
            messages[slot].outgoingIp = fleet.ips[dedicated].tableIndex
        } else {
            messages[slot].outgoingIp = ipAddresses.sharedPoolAddress(for: accepted.serial)
        }
        messages[slot].mail = nil
    }

    /// Renders `template` with `data` merged over `defaultData` into ``rendered``.
    private mutating func render(template name: String, data: String?, defaultData: String?)
        throws(TemplateError)
    {
        let template = try account.templates.template(named: name)
        try dataParser.parseRenderingData(Array((data ?? "{}").utf8), into: &replacementData)
        if let defaultData {
            try dataParser.parseRenderingData(Array(defaultData.utf8), into: &self.defaultData)
            TemplateData.merge(replacementData, over: self.defaultData, into: &mergedData)
            try template.render(data: mergedData, with: &renderer, into: &rendered)
        } else {
            try template.render(data: replacementData, with: &renderer, into: &rendered)
        }
    }

    /// Open and click tracking, when the message's configuration set publishes
    /// Open or Click events and the message has an HTML part.
    private mutating func applyTracking(_ slot: Int32, html: [UInt8]?) {
        guard let html, let index = messages[slot].accepted.configurationSet else { return }
        let set = account.configurationSets[index]
        guard set.tracksOpens || set.tracksClicks else { return }
        let options = TrackingOptions(
            messageID: messages[slot].accepted.messageId.description, region: account.settings.region,
            customRedirectDomain: set.customRedirectDomain, tracksOpens: set.tracksOpens,
            tracksClicks: set.tracksClicks, seed: seed)
        instrumenter.instrument(html: html, options: options, into: &instrumentedHTML, links: &trackedLinks)
        messages[slot].tracksOpens = set.tracksOpens
        messages[slot].tracksClicks = set.tracksClicks && !trackedLinks.isEmpty
        if set.tracksClicks {
            messages[slot].links = trackedLinks.map { link in
                TrackedLinkInfo(
                    url: link.url, tags: link.tags.map { NameValue(name: $0.name, value: $0.value) })
            }
        }
    }

    private func containsVirusSignature(_ bytes: [UInt8]) -> Bool {
        parameters.virusSignatures.contains { signature in
            let pattern = Array(signature.utf8)
            guard !pattern.isEmpty, bytes.count >= pattern.count else { return false }
            return bytes.withUnsafeBufferPointer { buffer in
                var start = 0
                while start + pattern.count <= buffer.count {
                    if buffer[start] == pattern[0]
                        && buffer[start..<start + pattern.count].elementsEqual(pattern)
                    {
                        return true
                    }
                    start += 1
                }
                return false
            }
        }
    }

    /// SES found a virus: a Reject event, and nothing is delivered.
    private mutating func reject(_ slot: Int32, at now: SimTime) {
        publish(.reject(Reject()), message: slot, at: now)
        account.statistics.recordReject(at: now)
        settle(slot, recipients: messages[slot].accepted.recipients.count, outcome: .rejected)
    }

    /// The recipient is on the account's suppression list: a Permanent bounce
    /// of subtype OnAccountSuppressionList, not sent, not counted in reputation.
    private mutating func suppressed(_ slot: Int32, position: Int, at now: SimTime) {
        let address = messages[slot].accepted.recipients[position].address
        let bounce = Bounce(
            bounceType: .permanent, bounceSubType: .onAccountSuppressionList,
            bouncedRecipients: [
                BouncedRecipient(
                    emailAddress: address, action: "failed", status: "5.1.1",
                    diagnosticCode:
                        "Amazon SES did not send the message to this address because it is on the "
                        + "suppression list for your account.")
            ],
            timestamp: now, feedbackId: feedbackID(slot, position: position, salt: 1, at: now),
            reportingMTA: "dsn; amazonses.com")
        counters.recordBounce(.permanent, .onAccountSuppressionList)
        publish(.bounce(bounce), message: slot, at: now)
        settle(slot, recipients: 1, outcome: .suppressed)
    }

    /// Creates the recipient's delivery and schedules its first answer.
    private mutating func startDelivery(_ slot: Int32, position: Int, at now: SimTime) {
        let message = messages[slot]
        var audienceIndex: Int32 = -1
        var providerIndex: Int32 = -1
        var member = 0
        if let audience = message.origin.audience {
            member = (message.origin.firstMember + position) % audiences[audience].size
            audienceIndex = Int32(audience)
            providerIndex = Int32(audiences[audience].providerIndex(of: member))
        }
        let maximum =
            message.accepted.configurationSet.flatMap { account.configurationSets[$0].maximumDeliveryTime }
            ?? parameters.defaultMaximumDeliveryTime
        var unit = DeliveryUnit(
            message: slot, recipient: Int16(position), audience: audienceIndex, provider: providerIndex,
            member: member, draws: recipientDraws(message, position: position),
            expiresAt: message.accepted.acceptedAt + maximum)
        let delay: SimDuration
        if message.accepted.recipients[position].mailboxSimulatorScenario != nil {
            delay = parameters.simulatorDelay.sample(using: &unit.draws)
        } else {
            delay = behavior(of: unit).deliveryDelay.sample(using: &unit.draws)
        }
        unit.statIndex = providerStatIndex(message, position: position)
        counters.providerCounts[Int(unit.statIndex)].attempted += 1
        let slotOfUnit = units.insert(unit)
        scheduled.append((now + delay, .attempt(unit: slotOfUnit)))
    }

    /// How the unit's recipient behaves.
    func behavior(of unit: DeliveryUnit) -> RecipientBehavior {
        unit.audience >= 0
            ? audiences[Int(unit.audience)].providers[Int(unit.provider)].behavior
            : parameters.defaultBehavior
    }

    /// The provider the unit's recipient belongs to: its audience provider's
    /// domain, else the recipient's own domain.
    func providerName(of unit: DeliveryUnit) -> String {
        if unit.audience >= 0 { return audiences[Int(unit.audience)].providers[Int(unit.provider)].domain }
        return messages[unit.message].accepted.recipients[Int(unit.recipient)].domain
    }
}
