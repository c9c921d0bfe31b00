import SESEvents
import SESTemplates
import SimCore

/// The simulated SES: the account's API in front, and behind it the
/// delivery pipeline that turns each accepted message into events over
/// virtual time — rendering, virus check, suppression, delivery attempts with
/// retries, bounces, and what recipients do afterwards.
///
/// The service is driven from outside: a call is made at an instant, or a
/// ``ServiceEvent`` the service scheduled earlier is handed back. What the
/// service produces it leaves in its ``outbox``, which the caller drains after
/// each call and event: events to schedule, events published, reputation
/// samples, and recipients settled.
public struct SESService: Sendable {
    /// The account: identities, quotas, configuration sets, templates.
    public var account: SESAccount
    /// The pipeline's settings.
    public let parameters: DeliveryParameters
    /// The audiences recipients may come from.
    public let audiences: [Audience]

    /// What the service produced since the caller last drained it.
    public var outbox = Outbox()
    /// Whether each message's acceptance and delivered content go to the
    /// outbox's ``Outbox/messageRecords`` (off by default: it costs a copy
    /// of every message).
    public var recordsMessages = false
    /// What the pipeline has done.
    public internal(set) var counters = DeliveryCounters()

    /// Recipients accepted, and recipients whose delivery is still going on:
    /// the invariant is `accepted == settled + inDelivery`.
    public private(set) var recipientsAccepted = 0
    private(set) var recipientsInDelivery = 0

    var messages = Slab<InFlightMessage>()
    /// Every IP SES sends from, with its host name.
    var ipAddresses = IPAddressTable()
    /// The account's dedicated IPs and pools.
    var fleet: DedicatedIPFleet
    /// Reputation windows, enforcement and alarms.
    var reputation: ReputationTracker
    /// Whether each provider statistics row's domain is verified (its mail
    /// does not count in reputation).
    var providerRowVerified: [Bool] = []
    /// Provider statistics rows: by audience and provider, and by domain for
    /// recipients outside any audience.
    var providerRows: [[Int32]] = []
    var providerRowsByDomain: [String: Int32] = [:]
    var units = Slab<DeliveryUnit>()
    let messageStream: KeyedRandomStream
    let recipientStream: KeyedRandomStream
    let identifierStream: KeyedRandomStream
    /// The last Source seen and its identity ARN (bulk calls share one).
    var lastSourceArn: (source: String, arn: String)?
    let seed: UInt64

    // Reused buffers: rendering and tracking allocate nothing per message once warm.
    var renderer = TemplateRenderer()
    var dataParser = TemplateDataParser()
    var replacementData = TemplateData()
    var defaultData = TemplateData()
    var mergedData = TemplateData()
    var rendered = RenderedParts()
    var instrumenter = TrackingInstrumenter()
    var instrumentedHTML: [UInt8] = []
    var trackedLinks = TrackedLinks()
    /// The template the last templated message rendered with, while the
    /// account's store is unchanged.
    var templateInUse: (name: String, revision: Int, template: CompiledTemplate)?
    /// The last published tag list and what it was built from: a campaign's
    /// messages share one array instead of each building its own.
    var lastPublishedTags: PublishedTagsCache?
    /// The last message's tracked links: messages of one template usually
    /// have the same links, and share one array.
    var lastLinks: [TrackedLinkInfo] = []
    /// The virus signatures as bytes.
    let virusPatterns: [[UInt8]]
    /// Each audience's key in the recipient-outcome draws: a hash of its
    /// name, so that adding an audience does not shift another's draws.
    let audienceKeys: [UInt64]

    /// The service of `account`, with the pipeline set up as `parameters` says.
    public init(
        account: SESAccount, parameters: DeliveryParameters, audiences: [Audience], streams: RandomStreams,
        dedicatedIPs: DedicatedIPSettings = DedicatedIPSettings(),
        reputation: ReputationParameters = ReputationParameters(), alarms: [AlarmDefinition] = []
    ) {
        self.reputation = ReputationTracker(
            parameters: reputation, configurationSets: account.configurationSets.count,
            alarms: alarms.map { alarm in
                AlarmRuntime(
                    definition: alarm,
                    configurationSet: alarm.configurationSet.flatMap {
                        account.indexOfConfigurationSet(named: $0)
                    })
            })
        self.account = account
        self.parameters = parameters
        self.audiences = audiences
        self.messageStream = streams.keyed("message-processing")
        self.recipientStream = streams.keyed("recipient-outcomes")
        self.identifierStream = streams.keyed("identifiers")
        self.seed = streams.seed
        self.audienceKeys = audiences.map { StableHash.hash("audience:" + $0.name) }
        self.virusPatterns = parameters.virusSignatures.map { Array($0.utf8) }.filter { !$0.isEmpty }
        ipAddresses.addSharedPool(region: account.settings.region)
        self.fleet = DedicatedIPFleet(
            settings: dedicatedIPs, calendar: account.calendar, table: &ipAddresses,
            region: account.settings.region)
        for audience in audiences {
            providerRows.append(audience.providers.map { providerRow(for: $0.domain) })
        }
    }

    /// Schedules the service's own periodic work: reputation samples and alarm
    /// evaluations. Call once, before the run starts.
    public mutating func start() {
        outbox.schedule(.reputationSample, at: .start + reputation.parameters.metricPeriod)
        for (index, alarm) in reputation.alarms.enumerated() {
            outbox.schedule(.alarmEvaluation(Int16(index)), at: .start + alarm.definition.period)
        }
    }

    /// The statistics row of `domain`, created on first use.
    mutating func providerRow(for domain: String) -> Int32 {
        if let row = providerRowsByDomain[domain] { return row }
        let row = Int32(counters.providerCounts.count)
        counters.providerCounts.append(ProviderCounters())
        providerRowVerified.append(account.identities.isVerified(domain: domain))
        counters.providerNames.append(domain)
        providerRowsByDomain[domain] = row
        return row
    }

    /// The statistics row of recipient `position` of `message`: its audience
    /// provider, else its own domain.
    mutating func providerStatIndex(_ message: InFlightMessage, position: Int) -> Int32 {
        if let audience = message.origin.audience {
            let member = (message.origin.firstMember + position) % audiences[audience].size
            return providerRows[audience][audiences[audience].providerIndex(of: member)]
        }
        return providerRow(for: message.accepted.recipients[position].domain)
    }

    /// Messages with something still to happen.
    public var messagesInFlight: Int { messages.count }

    /// Recipients whose delivery is still going on.
    public var deliveriesInFlight: Int { units.count }

    // MARK: - The sending API

    /// `SendEmail`, then the pipeline takes the accepted message.
    public mutating func sendEmail(_ request: SendEmailRequest, origin: MessageOrigin, at now: SimTime)
        throws(SESError) -> AcceptedMessage
    {
        let message = try account.sendEmail(request, at: now)
        accept(message, origin: origin, at: now)
        return message
    }

    /// `SendTemplatedEmail`, then the pipeline takes the accepted message.
    public mutating func sendTemplatedEmail(
        _ request: SendTemplatedEmailRequest, origin: MessageOrigin, at now: SimTime
    )
        throws(SESError) -> AcceptedMessage
    {
        let message = try account.sendTemplatedEmail(request, at: now)
        accept(message, origin: origin, at: now)
        return message
    }

    /// `SendRawEmail` (or v2 `SendEmail` with `Content.Raw`, or SMTP, as the
    /// request's `interface` says), then the pipeline takes the accepted message.
    public mutating func sendRawEmail(_ request: SendRawEmailRequest, origin: MessageOrigin, at now: SimTime)
        throws(SESError) -> AcceptedMessage
    {
        let message = try account.sendRawEmail(request, at: now)
        accept(message, origin: origin, at: now)
        return message
    }

    /// `SendBulkTemplatedEmail`, then the pipeline takes each accepted message;
    /// `origins` has one entry per destination.
    public mutating func sendBulkTemplatedEmail(
        _ request: SendBulkTemplatedEmailRequest, origins: [MessageOrigin], at now: SimTime
    ) throws(SESError) -> BulkSendResult {
        precondition(origins.count == request.destinations.count, "one origin per destination")
        let result = try account.sendBulkTemplatedEmail(request, at: now)
        for (entry, origin) in zip(result.entries, origins) {
            if let message = entry.message { accept(message, origin: origin, at: now) }
        }
        return result
    }

    // MARK: - Acceptance

    /// Publishes the Send event and schedules the end of processing.
    mutating func accept(_ message: AcceptedMessage, origin: MessageOrigin, at now: SimTime) {
        let record = InFlightMessage(
            accepted: message, origin: origin, publishedTags: publishedTags(for: message))
        record.sourceArn = sourceArn(message.source)
        switch message.content {
        case .simple(let content): record.subject = content.subject
        case .raw(let raw): record.subject = raw.summary.subject
        case .templated: break
        }
        record.recipientsInDelivery = message.recipients.count
        recipientsAccepted += message.recipients.count
        recipientsInDelivery += message.recipients.count
        let slot = messages.insert(record)
        if recordsMessages {
            outbox.record(
                .accepted(
                    message,
                    configurationSet: message.configurationSet.map { account.configurationSets[$0].name }))
        }
        publish(.send, message: slot, at: now)
        var draws = messageDraws(messages[slot])
        let processing = parameters.processingTime.sample(using: &draws)
        outbox.schedule(.process(message: slot), at: now + processing)
    }

    // MARK: - Events

    /// Handles an event the service scheduled, at its time.
    public mutating func handle(_ event: ServiceEvent, at now: SimTime) {
        switch event {
        case .process(let message):
            process(message: message, at: now)
        case .attempt(let unit):
            attempt(unit: unit, at: now)
        case .followUp(let message, let recipient, let kind, let detail):
            followUp(message: message, recipient: recipient, kind: kind, detail: detail, at: now)
        case .reviewEnd:
            reviewEnded(at: now)
        case .reputationSample:
            sampleReputation(at: now)
        case .alarmEvaluation(let index):
            evaluateAlarm(Int(index), at: now)
        }
    }

    // MARK: - Bookkeeping

    /// Records that `count` recipients of `slot` reached `outcome`, and frees
    /// the message when nothing more is to happen to it.
    mutating func settle(_ slot: Int32, recipients count: Int, outcome: DeliveryOutcome) {
        counters.recordOutcome(outcome, count: count)
        outbox.settle(
            Settlement(token: messages[slot].origin.token, recipients: count, outcome: outcome))
        messages[slot].recipientsInDelivery -= count
        recipientsInDelivery -= count
        if messages[slot].recipientsInDelivery == 0 {
            // Only engagement may follow, hours later for most: keep the
            // message small meanwhile and build its mail object again if needed.
            messages[slot].mail = nil
        }
        releaseIfFinished(slot)
    }

    /// Checks the pipeline's accounting: every accepted recipient is either
    /// still in delivery or has exactly one final outcome, and no count is
    /// negative. Returns a description of the first violation, or nil.
    public func invariantViolation() -> String? {
        let settled = counters.settled
        if recipientsAccepted != settled + recipientsInDelivery {
            return
                "accepted recipients (\(recipientsAccepted)) ≠ settled (\(settled)) + in delivery (\(recipientsInDelivery))"
        }
        if recipientsInDelivery < 0 {
            return "a negative number of recipients in delivery (\(recipientsInDelivery))"
        }
        if recipientsInDelivery < units.count {
            return
                "more delivery attempts in flight (\(units.count)) than recipients in delivery (\(recipientsInDelivery))"
        }
        return nil
    }

    mutating func releaseIfFinished(_ slot: Int32) {
        if messages[slot].isFinished { messages.remove(slot) }
    }

    /// Publishes an event about message `slot`; events that happen after SES
    /// chose a sending IP (`deliverySide`) carry it as `ses:outgoing-ip`.
    mutating func publish(
        _ detail: EventDetail, message slot: Int32, at now: SimTime, deliverySide: Bool = false
    ) {
        let record = messages[slot]
        var mail: MailObject
        if let cached = record.mail {
            mail = cached
        } else {
            mail = mailObject(record)
            record.mail = mail
        }
        if deliverySide { mail.outgoingIp = ipAddresses.address(outgoingIpIndex(for: slot)) }
        counters.events[detail.type.rawValue] += 1
        outbox.publish(
            SESEvent(
                time: now, mail: mail, detail: detail, configurationSet: record.accepted.configurationSet))
    }

    /// The draws of message-level decisions (processing time, virus): keyed by
    /// the first recipient for audience messages, so that they too are common
    /// random numbers across variants of a scenario, else by the message.
    func messageDraws(_ message: InFlightMessage) -> KeyedDrawGenerator {
        if message.origin.audience != nil { return recipientDraws(message, position: 0, index: 500) }
        return messageStream.draws(for: message.accepted.serial)
    }

    /// The per-message random draws of recipient `position` of `message`:
    /// keyed by audience member and cycle when the recipient belongs to an
    /// audience (so the same person behaves the same in every variant of a
    /// scenario), else by the message.
    func recipientDraws(_ message: InFlightMessage, position: Int, index: UInt64 = 0) -> KeyedDrawGenerator {
        let key: UInt64
        if let audience = message.origin.audience {
            let member = UInt64((message.origin.firstMember + position) % audiences[audience].size)
            key = StableHash.combine(
                StableHash.combine(audienceKeys[audience], member), UInt64(message.origin.cycle))
        } else {
            key = StableHash.combine(message.accepted.serial ^ 0xA5A5_0000_0000_0000, UInt64(position))
        }
        return KeyedDrawGenerator(stream: recipientStream, key: key, index: index)
    }
}
