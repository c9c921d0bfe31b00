import MIME
import SESEvents
import SESTemplates
import SimCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SESService {
    /// The end of a message's processing: rendering, the virus check, the
    /// suppression list, then a delivery attempt per remaining recipient.
    mutating func process(message slot: Int32, at now: SimTime) {
        let accepted = messages[slot].accepted
        var html: [UInt8]? = nil
        var rawHTML: [[UInt8]] = []
        var rawMessage: MIMEMessage?
        // Render templated messages; a failure ends the message here.
        switch accepted.content {
        case .templated(let name, let data, let defaultData):
            do throws(TemplateError) {
                try render(template: name, data: data, defaultData: defaultData)
                // The data is not needed again: drop it rather than keep it while
                // the message waits for its recipients' engagement.
                messages[slot].accepted.content = .templated(template: name, data: nil, defaultData: nil)
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
        case .raw(let raw):
            let (infected, bodies) = processRaw(slot, raw)
            if infected {
                reject(slot, at: now)
                return
            }
            rawHTML = bodies
            rawMessage = raw.message
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
        var tracked = false
        if rawHTML.isEmpty {
            tracked = applyTracking(slot, html: html)
        } else {
            applyRawTracking(slot, htmlBodies: rawHTML)
        }
        // Recipients on the account's suppression list are never sent to, so
        // they take no share of an IP's warm-up cap.
        var attempting = 0
        for recipient in accepted.recipients where !isOnAccountSuppressionList(recipient) {
            attempting += 1
        }
        route(slot, recipients: attempting, at: now)
        if recordsMessages {
            if let rawMessage {
                recordDeliveredRaw(slot, rawMessage)
            } else {
                recordDeliveredContent(slot, html: tracked ? instrumentedHTML : html)
            }
        }
        // Each recipient: the account's suppression list, then a delivery attempt.
        for (position, recipient) in accepted.recipients.enumerated() {
            if isOnAccountSuppressionList(recipient) {
                suppressed(slot, position: position, at: now)
            } else {
                startDelivery(slot, position: position, at: now)
            }
        }
        account.statistics.recordDeliveryAttempts(attempting, at: now)
        counters.deliveryAttempts += attempting
    }

    /// Chooses the IP the message goes out on: its configuration set's pool,
    /// or the default pool, or SES's shared pool.
    private mutating func route(_ slot: Int32, recipients: Int, at now: SimTime) {
        let accepted = messages[slot].accepted
        let pool = accepted.configurationSet.flatMap { account.configurationSets[$0].sendingPoolName }
        if let dedicated = fleet.route(poolName: pool, recipients: recipients, at: now) {
            messages[slot].dedicatedIP = Int32(dedicated)
            messages[slot].outgoingIp = fleet.ips[dedicated].tableIndex
        } else {
            messages[slot].outgoingIp = ipAddresses.sharedPoolAddress(for: accepted.serial)
        }
        messages[slot].mail = nil
    }

    /// Whether SES drops `recipient` at the account's suppression list
    /// (mailbox simulator addresses never are).
    private func isOnAccountSuppressionList(_ recipient: EmailAddress) -> Bool {
        recipient.mailboxSimulatorScenario == nil && account.suppressionList.contains(recipient.address)
    }

    /// Renders `template` with `data` merged over `defaultData` into ``rendered``.
    private mutating func render(template name: String, data: String?, defaultData: String?)
        throws(TemplateError)
    {
        let revision = account.templates.revision
        if templateInUse == nil || templateInUse!.revision != revision || templateInUse!.name != name {
            templateInUse = (name, revision, try account.templates.template(named: name))
        }
        try Self.parse(data ?? "{}", with: &dataParser, into: &replacementData)
        if let defaultData {
            try Self.parse(defaultData, with: &dataParser, into: &self.defaultData)
            TemplateData.merge(replacementData, over: self.defaultData, into: &mergedData)
            try templateInUse!.template.render(data: mergedData, with: &renderer, into: &rendered)
        } else {
            try templateInUse!.template.render(data: replacementData, with: &renderer, into: &rendered)
        }
    }

    /// Parses rendering data straight from the string's bytes.
    private static func parse(
        _ text: String, with parser: inout TemplateDataParser, into data: inout TemplateData
    ) throws(TemplateError) {
        var text = text
        let parsed = text.withUTF8 { bytes in
            Result { () throws(TemplateError) in try parser.parseRenderingData(bytes, into: &data) }
        }
        try parsed.get()
    }

    /// What the message carries out of SES, to the outbox's message records.
    private mutating func recordDeliveredContent(_ slot: Int32, html: [UInt8]?) {
        let message = messages[slot]
        let subject: String
        let text: String?
        switch message.accepted.content {
        case .simple(let content):
            subject = content.subject
            text = content.text
        case .raw(let raw):
            // Raw messages are recorded whole (``recordDeliveredRaw(_:_:)``).
            subject = raw.summary.subject ?? ""
            text = nil
        case .templated:
            // ``render(template:data:defaultData:)`` has just filled `rendered`.
            subject = String(decoding: rendered.subject, as: UTF8.self)
            let hasText = templateInUse?.template.template.textPart != nil
            text = hasText ? String(decoding: rendered.text, as: UTF8.self) : nil
        }
        outbox.record(
            .delivered(
                DeliveredContent(
                    messageId: message.accepted.messageId, subject: subject, text: text,
                    html: html.map { String(decoding: $0, as: UTF8.self) }, outgoingIp: outgoingIp(for: slot))
            ))
    }

    /// Open and click tracking, when the message's configuration set publishes
    /// Open or Click events and the message has an HTML part.
    ///
    /// - Returns: whether the HTML was instrumented (into ``instrumentedHTML``).
    @discardableResult
    private mutating func applyTracking(_ slot: Int32, html: [UInt8]?) -> Bool {
        guard let html, let index = messages[slot].accepted.configurationSet else { return false }
        let set = account.configurationSets[index]
        guard set.tracksOpens || set.tracksClicks else { return false }
        let options = TrackingOptions(
            messageID: messages[slot].accepted.messageId.description, region: account.settings.region,
            customRedirectDomain: set.customRedirectDomain, tracksOpens: set.tracksOpens,
            tracksClicks: set.tracksClicks, seed: seed)
        instrumenter.instrument(html: html, options: options, into: &instrumentedHTML, links: &trackedLinks)
        messages[slot].tracksOpens = set.tracksOpens
        messages[slot].tracksClicks = set.tracksClicks && !trackedLinks.isEmpty
        if set.tracksClicks {
            let links = trackedLinks.map { link in
                TrackedLinkInfo(
                    url: link.url, tags: link.tags.map { NameValue(name: $0.name, value: $0.value) })
            }
            if links != lastLinks { lastLinks = links }
            messages[slot].links = lastLinks
        }
        return true
    }

    func containsVirusSignature(_ bytes: [UInt8]) -> Bool {
        guard !virusPatterns.isEmpty else { return false }
        return bytes.withUnsafeBytes { haystack in
            virusPatterns.contains { pattern in
                pattern.withUnsafeBytes { needle in Self.contains(needle, in: haystack) }
            }
        }
    }

    /// Whether `haystack` contains `needle` (not empty): `memchr` for each
    /// candidate first byte, then `memcmp`.
    private static func contains(_ needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer)
        -> Bool
    {
        guard let base = haystack.baseAddress, let pattern = needle.baseAddress,
            haystack.count >= needle.count
        else { return false }
        let first = Int32(needle[0])
        var offset = 0
        let last = haystack.count - needle.count
        while offset <= last {
            guard let found = memchr(base + offset, first, last - offset + 1) else { return false }
            let position = base.distance(to: UnsafeRawPointer(found))
            if memcmp(base + position, pattern, needle.count) == 0 { return true }
            offset = position + 1
        }
        return false
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
        recordEligibleSend(&unit, at: now)
        let slotOfUnit = units.insert(unit)
        outbox.schedule(.attempt(unit: slotOfUnit), at: now + delay)
    }

    /// How the unit's recipient behaves.
    func behavior(of unit: DeliveryUnit) -> RecipientBehavior {
        unit.audience >= 0
            ? audiences[Int(unit.audience)].providers[Int(unit.provider)].behavior
            : listBehavior(domain: messages[unit.message].accepted.recipients[Int(unit.recipient)].domain)
    }

    /// How a recipient outside any audience behaves: the scenario's
    /// `delivery.recipients`, except that providers without a feedback loop
    /// (Gmail) send SES no complaints whatever the scenario says.
    func listBehavior(domain: String) -> RecipientBehavior {
        if parameters.defaultBehavior.feedbackLoop
            && RecipientBehavior.domainsWithoutFeedbackLoop.contains(domain)
        {
            var behavior = parameters.defaultBehavior
            behavior.feedbackLoop = false
            return behavior
        }
        return parameters.defaultBehavior
    }

    /// The provider the unit's recipient belongs to: its audience provider's
    /// domain, else the recipient's own domain.
    func providerName(of unit: DeliveryUnit) -> String {
        if unit.audience >= 0 { return audiences[Int(unit.audience)].providers[Int(unit.provider)].domain }
        return messages[unit.message].accepted.recipients[Int(unit.recipient)].domain
    }
}
