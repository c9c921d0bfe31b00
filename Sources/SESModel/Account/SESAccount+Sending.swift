import SESEvents
import SimCore

extension SESAccount {
    /// `SendEmail`: a message with content given whole.
    public mutating func sendEmail(_ request: SendEmailRequest, at now: SimTime) throws(SESError)
        -> AcceptedMessage
    {
        let source = try parseSource(request.source)
        try Self.validate(tags: request.tags)
        let recipients = try Self.parseRecipients(request.destination)
        let configurationSet = try resolveConfigurationSet(request.configurationSetName)
        try checkIdentities(source: source, recipients: recipients)
        try checkSendingAllowed(configurationSet: configurationSet)
        try admitRecipients(recipients, at: now)
        return accept(
            operation: .sendEmail, source: source, destination: request.destination, recipients: recipients,
            configurationSet: configurationSet, tags: request.tags, content: .simple(request.message), at: now
        )
    }

    /// `SendTemplatedEmail`: a message rendered from a stored template.
    ///
    /// The data is not rendered here: a message whose data lacks a variable is
    /// still accepted, and fails later with a Rendering Failure event.
    public mutating func sendTemplatedEmail(_ request: SendTemplatedEmailRequest, at now: SimTime)
        throws(SESError) -> AcceptedMessage
    {
        let source = try parseSource(request.source)
        try Self.validate(tags: request.tags)
        let recipients = try Self.parseRecipients(request.destination)
        try checkTemplateExists(request.template)
        let configurationSet = try resolveConfigurationSet(request.configurationSetName)
        try checkIdentities(source: source, recipients: recipients)
        try checkSendingAllowed(configurationSet: configurationSet)
        try admitRecipients(recipients, at: now)
        return accept(
            operation: .sendTemplatedEmail, source: source, destination: request.destination,
            recipients: recipients, configurationSet: configurationSet, tags: request.tags,
            content: .templated(template: request.template, data: request.templateData, defaultData: nil),
            at: now)
    }

    /// `SendBulkTemplatedEmail`: up to 50 destinations, each its own message,
    /// each with its own status.
    ///
    /// The whole call is refused (thrown) only when the call itself is
    /// malformed: no or more than 50 destinations, a bad Source, bad default
    /// tags. Everything else is reported per destination, in order, with the
    /// statuses of the v1 `BulkEmailStatus` list; a destination that is
    /// throttled takes nothing from the quotas.
    public mutating func sendBulkTemplatedEmail(_ request: SendBulkTemplatedEmailRequest, at now: SimTime)
        throws(SESError) -> BulkSendResult
    {
        guard !request.destinations.isEmpty else {
            throw SESError(.invalidParameterValue, SESErrorMessages.noDestinations)
        }
        guard request.destinations.count <= SendBulkTemplatedEmailRequest.maximumDestinations else {
            throw SESError(.invalidParameterValue, SESErrorMessages.tooManyDestinations)
        }
        let source = try parseSource(request.source)
        try Self.validate(tags: request.defaultTags)
        var result = BulkSendResult(entries: [])
        result.entries.reserveCapacity(request.destinations.count)
        for entry in request.destinations {
            do throws(SESError) {
                try Self.validate(tags: entry.replacementTags)
                let recipients = try Self.parseRecipients(entry.destination)
                try checkTemplateExists(request.template)
                let configurationSet = try resolveConfigurationSet(request.configurationSetName)
                try checkIdentities(source: source, recipients: recipients)
                try checkSendingAllowed(configurationSet: configurationSet)
                try admitRecipients(recipients, at: now)
                let message = accept(
                    operation: .sendBulkTemplatedEmail, source: source, destination: entry.destination,
                    recipients: recipients, configurationSet: configurationSet,
                    tags: Self.merge(
                        defaultTags: request.defaultTags, replacementTags: entry.replacementTags),
                    content: .templated(
                        template: request.template, data: entry.replacementTemplateData,
                        defaultData: request.defaultTemplateData),
                    at: now)
                result.entries.append(BulkEmailEntryResult(status: .success, message: message))
            } catch {
                result.entries.append(
                    BulkEmailEntryResult(status: BulkEmailStatus(reporting: error), error: error.message))
            }
        }
        return result
    }

    // MARK: - The checks, in SES's order

    func parseSource(_ text: String) throws(SESError) -> EmailAddress {
        guard !text.isEmpty else { throw SESError(.invalidParameterValue, SESErrorMessages.missingSource) }
        return try EmailAddress(parsing: text)
    }

    /// Tag names and values: `[A-Za-z0-9_-]`, at most 256 characters; the
    /// names `ses:feedback-id-a` and `ses:feedback-id-b` are also allowed.
    public static func validate(tags: [NameValue]) throws(SESError) {
        for tag in tags {
            if tag.name != "ses:feedback-id-a" && tag.name != "ses:feedback-id-b" {
                guard !tag.name.isEmpty, tag.name.utf8.allSatisfy(\.isTagCharacter) else {
                    throw SESError(.invalidParameterValue, SESErrorMessages.invalidTagName(tag.name))
                }
            }
            guard tag.name.utf8.count <= 256 else {
                throw SESError(.invalidParameterValue, SESErrorMessages.tagNameTooLong(tag.name))
            }
            guard !tag.value.isEmpty, tag.value.utf8.allSatisfy(\.isTagCharacter) else {
                throw SESError(.invalidParameterValue, SESErrorMessages.invalidTagValue(tag.value))
            }
            guard tag.value.utf8.count <= 256 else {
                throw SESError(.invalidParameterValue, SESErrorMessages.tagValueTooLong(tag.value))
            }
        }
    }

    /// A destination's recipients: at least one, at most 50, every one well
    /// formed (one bad address rejects the whole message).
    static func parseRecipients(_ destination: Destination) throws(SESError) -> [EmailAddress] {
        let count = destination.recipientCount
        guard count > 0 else { throw SESError(.invalidParameterValue, SESErrorMessages.noRecipients) }
        guard count <= Destination.maximumRecipients else {
            throw SESError(.invalidParameterValue, SESErrorMessages.recipientCountExceeds50)
        }
        var recipients: [EmailAddress] = []
        recipients.reserveCapacity(count)
        for text in destination.toAddresses { recipients.append(try EmailAddress(parsing: text)) }
        for text in destination.ccAddresses { recipients.append(try EmailAddress(parsing: text)) }
        for text in destination.bccAddresses { recipients.append(try EmailAddress(parsing: text)) }
        return recipients
    }

    private mutating func checkTemplateExists(_ name: String) throws(SESError) {
        if let last = lastTemplateFound, last.revision == templates.revision, last.name == name { return }
        guard templates.contains(named: name) else {
            throw SESError(.templateDoesNotExist, SESErrorMessages.templateDoesNotExist(name))
        }
        lastTemplateFound = (name, templates.revision)
    }

    func resolveConfigurationSet(_ name: String?) throws(SESError) -> Int? {
        guard let name else { return nil }
        guard let index = indexOfConfigurationSet(named: name) else {
            throw SESError(.configurationSetDoesNotExist, SESErrorMessages.configurationSetDoesNotExist(name))
        }
        return index
    }

    /// The Source must be verified (with ``AccountSettings/autoVerifySenders``
    /// it is, from its first send); in the sandbox every recipient too,
    /// unless it is a mailbox simulator address. The error lists each
    /// identity that failed, the Source with and without its display name,
    /// then the `senders` (a raw message's From, Sender and Return-Path
    /// addresses, which SES checks too, and which an account that verifies
    /// senders automatically verifies too), then the recipients; each once.
    mutating func checkIdentities(
        source: EmailAddress, senders: [EmailAddress] = [], recipients: [EmailAddress]
    ) throws(SESError) {
        var failed: [String] = []
        if settings.autoVerifySenders {
            // An account that takes every sender lists each one it has seen.
            if !identities.isVerified(source) { identities.verify(source.address) }
            for sender in senders where !identities.isVerified(sender) { identities.verify(sender.address) }
        }
        if !identities.isVerified(source) {
            failed.append(source.text)
            if source.text != source.address { failed.append(source.address) }
        }
        for sender in senders where !identities.isVerified(sender) && !failed.contains(sender.address) {
            failed.append(sender.address)
        }
        if settings.sandbox {
            for recipient in recipients
            where !recipient.isMailboxSimulator && !identities.isVerified(recipient) {
                failed.append(recipient.text)
            }
        }
        if !failed.isEmpty {
            throw SESError(
                .messageRejected, SESErrorMessages.notVerified(region: settings.region, identities: failed))
        }
        if settings.identitiesWithFailedMailFromDomain.contains(where: { identity in
            identity.lowercased() == source.address.lowercased() || identity.lowercased() == source.domain
        }) {
            throw SESError(.mailFromDomainNotVerified, SESErrorMessages.mailFromDomainNotVerified)
        }
    }

    /// SES's pause and shutdown, the account's own pause, the set's pause,
    /// and the set's sending pool.
    func checkSendingAllowed(configurationSet: Int?) throws(SESError) {
        if enforcementStatus == .shutdown {
            throw SESError(.accountSuspended, SESErrorMessages.accountSuspended)
        }
        if !sendingEnabled {
            throw SESError(.accountSendingPaused, SESErrorMessages.accountSendingPaused)
        }
        guard let configurationSet else { return }
        let set = configurationSets[configurationSet]
        if !set.sendingEnabled {
            throw SESError(
                .configurationSetSendingPaused, SESErrorMessages.configurationSetSendingPaused(set.name))
        }
        if let pool = set.sendingPoolName, !poolExists(pool) {
            throw SESError(.invalidSendingPoolName, SESErrorMessages.sendingPoolDoesNotExist(pool))
        }
    }

    /// The daily quota (mailbox simulator recipients excluded), then the send
    /// rate (every recipient). A refused message takes nothing from either.
    mutating func admitRecipients(_ recipients: [EmailAddress], at now: SimTime) throws(SESError) {
        let counted = recipients.reduce(0) { $0 + ($1.isMailboxSimulator ? 0 : 1) }
        let maximum = settings.effectiveMaximum24HourSend
        if counted > 0 && maximum >= 0 && Double(dailyWindow.total(at: now) + counted) > maximum {
            throw SESError(.throttling, SESErrorMessages.dailyMessageQuotaExceeded)
        }
        guard sendRate.admit(cost: recipients.count, at: now) else {
            throw SESError(.throttling, SESErrorMessages.maximumSendingRateExceeded)
        }
        dailyWindow.record(counted, at: now)
    }

    mutating func accept(
        operation: SendOperation, source: EmailAddress, destination: Destination, recipients: [EmailAddress],
        configurationSet: Int?, tags: [NameValue], content: MessageContent, at now: SimTime
    ) -> AcceptedMessage {
        let (serial, messageId) = nextMessageIdentity(at: now)
        return AcceptedMessage(
            serial: serial, messageId: messageId, acceptedAt: now, operation: operation, source: source,
            destination: destination, recipients: recipients, configurationSet: configurationSet, tags: tags,
            content: content)
    }

    /// Default tags with a destination's replacement tags: a replacement
    /// replaces the default of the same name; new names are added after.
    static func merge(defaultTags: [NameValue], replacementTags: [NameValue]) -> [NameValue] {
        if replacementTags.isEmpty { return defaultTags }
        var merged = defaultTags.filter { tag in !replacementTags.contains { $0.name == tag.name } }
        merged.append(contentsOf: replacementTags)
        return merged
    }
}

extension UInt8 {
    /// `[A-Za-z0-9_-]`: the characters SES allows in tag names and values.
    var isTagCharacter: Bool {
        isASCIILetterOrDigit || self == UInt8(ascii: "_") || self == UInt8(ascii: "-")
    }
}
