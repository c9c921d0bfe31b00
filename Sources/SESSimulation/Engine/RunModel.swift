import SESEvents
import SESModel
import ScenarioFormat
import SimCore
import SimJSON

/// The state of one run: the account, the clients, the counters, and how
/// each kind of event changes them. Driven by SimCore's run loop.
struct RunModel: SimulationModel {
    typealias Event = RunEvent

    let scenario: Scenario
    let streams: RandomStreams
    var service: SESService
    var clients: [ClientRuntime]
    /// Published events by type, and per timeline row.
    var events = EventCounters()
    /// Fans events out to the configuration sets' destinations, metrics and
    /// the digest: the first subscriber.
    let publisher: EventPublisher
    /// Everything that receives published events and samples, the publisher first.
    var subscribers: [any SimulationSubscriber]
    /// What the service produced, taken from its outbox after each call and event.
    var drained = Outbox()
    var api = APICounters()
    var timeline: TimelineRecorder
    var actionResults: [ActionResult] = []
    /// Summaries taken at the instants of timed expectations, by expectation index.
    var snapshots: [JSONValue?]
    let templateDataStream: KeyedRandomStream
    /// Whether the model checks its invariants after every event.
    let checksInvariants: Bool
    /// Makes the sink of an output that a configuration set created or
    /// changed during the run names for the first time.
    let makeSink: (RecordOutput) throws -> any RecordSink

    init(
        scenario: Scenario, makeSink: @escaping (RecordOutput) throws -> any RecordSink,
        checksInvariants: Bool,
        recordsMessages: Bool = false
    ) throws {
        self.makeSink = makeSink
        self.scenario = scenario
        self.checksInvariants = checksInvariants
        self.streams = RandomStreams(seed: scenario.seed)
        var account = SESAccount(settings: scenario.account, calendar: scenario.calendar, streams: streams)
        account.setAccountSendingEnabled(scenario.accountSendingEnabled)
        for set in scenario.configurationSets {
            do throws(SESError) {
                try account.addConfigurationSet(set)
            } catch {
                throw ScenarioRunError(message: "configuration set \(set.name): \(error)")
            }
        }
        for template in scenario.templates {
            do throws(SESError) {
                try account.addTemplate(template)
            } catch {
                throw ScenarioRunError(message: "template \(template.name): \(error)")
            }
        }
        var audiences: [Audience] = []
        for definition in scenario.audiences {
            do throws(DistributionError) {
                audiences.append(
                    try Audience(
                        name: definition.name, size: definition.size,
                        addressPattern: definition.addressPattern,
                        providers: definition.providers, streams: streams))
            } catch {
                throw ScenarioRunError(message: "audience \(definition.name): \(error)")
            }
        }
        self.service = SESService(
            account: account, parameters: scenario.delivery, audiences: audiences, streams: streams,
            dedicatedIPs: scenario.dedicatedIPs, reputation: scenario.reputation, alarms: scenario.alarms)
        service.recordsMessages = recordsMessages
        service.start()
        let configuration = EventPublisherConfiguration(
            configurationSets: scenario.configurationSets.map {
                ConfigurationSetDestinations(name: $0.name, eventDestinations: $0.eventDestinations)
            },
            region: scenario.account.region, accountId: scenario.account.accountId,
            calendar: scenario.calendar, pricing: scenario.pricing.cloudWatch)
        self.publisher = try EventPublisher(configuration: configuration, makeSink: makeSink)
        self.subscribers = [publisher]
        let streams = self.streams
        var clients: [ClientRuntime] = []
        for (index, definition) in scenario.traffic.enumerated() {
            clients.append(
                try ClientRuntime(
                    definition: definition, index: index, streams: streams, audiences: audiences))
        }
        self.clients = clients
        self.timeline = TimelineRecorder(
            interval: scenario.output.interval, clientCount: scenario.traffic.count)
        self.snapshots = Array(repeating: nil, count: scenario.expectations.count)
        self.templateDataStream = streams.keyed("template-data")
    }

    /// The events that start the run.
    mutating func initialEvents() -> [(RunEvent, SimTime)] {
        service.outbox.drain(into: &drained)
        var events: [(RunEvent, SimTime)] = drained.scheduled.map { (.service($0.event), $0.time) }
        precondition(
            drained.published.isEmpty && drained.settlements.isEmpty, "nothing happens before the start")
        drained.removeAll()
        for (index, client) in clients.enumerated() {
            switch client.definition.schedule {
            case .once(let start, _):
                events.append((.campaignStart(client: index, occurrence: 0), start))
            case .repeating(let start, let every, let times, _):
                for occurrence in 0..<times where start + every * Int64(occurrence) <= scenario.end {
                    events.append(
                        (
                            .campaignStart(client: index, occurrence: occurrence),
                            start + every * Int64(occurrence)
                        ))
                }
            case .constantArrivalRate(let start, _, _, _, _), .rampingArrivalRate(let start, _, _, _, _):
                events.append((.campaignStart(client: index, occurrence: 0), start))
            }
        }
        for (index, action) in scenario.actions.enumerated() {
            events.append((.action(index), action.at))
        }
        events.append((.timelineTick, .start + scenario.output.interval))
        for (index, expectation) in scenario.expectations.enumerated() {
            if case .metric(_, _, let at?) = expectation.check {
                events.append((.snapshot(expectation: index), at))
            }
        }
        return events
    }

    mutating func handle(_ event: RunEvent, queue: inout EventQueue<RunEvent>) {
        switch event {
        case .service(let serviceEvent):
            service.handle(serviceEvent, at: queue.now)
            drainService(queue: &queue)
            if checksInvariants, let violation = service.invariantViolation() {
                // A broken invariant is a bug in sesim: stop with what replays it.
                fatalError(
                    "sesim invariant broken (scenario \(scenario.name), seed \(scenario.seed), event "
                        + "\(serviceEvent) at \(scenario.calendar.timestamp(queue.now))): \(violation)")
            }
        case .campaignStart(let client, let occurrence):
            startCampaign(client: client, occurrence: occurrence, queue: &queue)
        case .call(let client, let occurrence):
            makeFreshCall(client: client, occurrence: occurrence, queue: &queue)
        case .retry(let client, let slot):
            let batch = clients[client].takeRetryBatch(slot)
            for destination in batch {
                clients[client].occurrences[destination.occurrence].recipientsAwaitingRetry -=
                    destination.recipientCount
                clients[client].counters.recipientsRetried += destination.recipientCount
            }
            send(batch, client: client, queue: &queue)
        case .action(let index):
            perform(action: index, queue: &queue)
        case .timelineTick:
            timeline.closeRow(
                at: queue.now, api: api, clients: clients, events: &events, ips: ipSnapshot(at: queue.now),
                reputation: reputationReading())
            let next = queue.now + scenario.output.interval
            if next <= scenario.end { queue.schedule(.timelineTick, at: next) }
        case .snapshot(let index):
            snapshots[index] = SummaryBuilder(model: self, now: queue.now).build()
        }
    }

    /// Closes the timeline's last row at the run's end.
    mutating func finishTimeline(at end: SimTime) {
        timeline.finish(
            at: end, api: api, clients: clients, events: &events, ips: ipSnapshot(at: end),
            reputation: reputationReading())
    }

    /// Per campaign client: each occurrence's time from its start to its last
    /// recipient's final outcome, nil while it has not completed.
    var campaignCompletions: [String: [SimDuration?]] {
        var campaigns: [String: [SimDuration?]] = [:]
        for client in clients where client.isCampaign {
            campaigns[client.definition.name] = client.occurrences.map { occurrence in
                occurrence.completedAt.map { $0 - occurrence.start }
            }
        }
        return campaigns
    }

    /// Reputation now, for the timeline.
    func reputationReading() -> ReputationReading {
        let account = service.accountReputation
        let sets = scenario.configurationSets.indices.map { service.configurationSetReputation($0) }
        return ReputationReading(
            accountBounceRate: account.bounceRate, accountComplaintRate: account.complaintRate,
            accountVolume: account.volume, status: service.account.enforcementStatus.rawValue,
            setBounceRates: sets.map(\.bounceRate), setComplaintRates: sets.map(\.complaintRate),
            setVolumes: sets.map(\.volume),
            alarmStates: service.alarmStates.map(\.state.rawValue))
    }

    /// The dedicated IPs' volumes and caps now, for the timeline.
    mutating func ipSnapshot(at now: SimTime) -> IPSnapshot {
        let ips = service.dedicatedIPs(at: now)
        return IPSnapshot(
            totals: ips.map(\.sentTotal), caps: ips.map(\.capToday),
            sharedTotal: service.sharedPoolVolume.total)
    }

    // MARK: - The simulated SES's outboxes

    /// Takes what the service produced: events to schedule, events
    /// published, reputation samples, recipients settled.
    mutating func drainService(queue: inout EventQueue<RunEvent>) {
        if service.outbox.isEmpty { return }
        service.outbox.drain(into: &drained)
        for (time, event) in drained.scheduled { queue.schedule(.service(event), at: time) }
        // Message records first: a message's acceptance comes before its Send event.
        if !drained.messageRecords.isEmpty {
            for subscriber in subscribers { subscriber.receive(drained.messageRecords) }
        }
        if !drained.published.isEmpty {
            for event in drained.published { events.record(event) }
            for subscriber in subscribers { subscriber.receive(drained.published) }
        }
        for sample in drained.reputationSamples {
            for subscriber in subscribers { subscriber.receive(sample) }
        }
        for settlement in drained.settlements { settle(settlement, now: queue.now) }
        drained.removeAll()
    }

    private mutating func settle(_ settlement: Settlement, now: SimTime) {
        if settlement.token == Self.outsideToken { return }
        let (client, occurrence) = ClientRuntime.decode(token: settlement.token)
        clients[client].counters.outcomes[settlement.outcome, default: 0] += settlement.recipients
        clients[client].occurrences[occurrence].outcomes[settlement.outcome, default: 0] +=
            settlement.recipients
        clients[client].occurrences[occurrence].recipientsInFlight -= settlement.recipients
        settleIfDone(client: client, occurrence: occurrence, now: now)
    }

    // MARK: - Campaigns

    private mutating func startCampaign(client index: Int, occurrence: Int, queue: inout EventQueue<RunEvent>)
    {
        let now = queue.now
        let isCampaign = clients[index].isCampaign
        let size = clients[index].campaignSize
        let start = isCampaign ? occurrence * size : 0
        clients[index].occurrences.append(
            CampaignOccurrence(start: now, cursor: start, end: isCampaign ? start + size : .max))
        if isCampaign {
            queue.schedule(.call(client: index, occurrence: occurrence), at: now)
        } else if let first = clients[index].nextArrival() {
            queue.schedule(.call(client: index, occurrence: occurrence), at: first)
        }
    }

    /// A call for fresh recipients, then the next one scheduled by the
    /// client's pacing or arrival process.
    private mutating func makeFreshCall(client index: Int, occurrence: Int, queue: inout EventQueue<RunEvent>)
    {
        let now = queue.now
        if clients[index].heldUntil > now {
            queue.schedule(.call(client: index, occurrence: occurrence), at: clients[index].heldUntil)
            return
        }
        let destinations = clients[index].takeDestinations(occurrence: occurrence)
        if !destinations.isEmpty {
            clients[index].occurrences[occurrence].paceCalls += 1
            send(destinations, client: index, queue: &queue)
        }
        // The next call.
        if clients[index].isCampaign {
            let campaign = clients[index].occurrences[occurrence]
            guard campaign.cursor < campaign.end else {
                settleIfDone(client: index, occurrence: occurrence, now: now)
                return
            }
            let next: SimTime
            switch clients[index].definition.schedule {
            case .once(_, let rate?), .repeating(_, _, _, let rate?):
                next = max(now, campaign.start + SimDuration(seconds: Double(campaign.paceCalls) / rate))
            default:
                next = now
            }
            queue.schedule(.call(client: index, occurrence: occurrence), at: next)
        } else if let next = clients[index].nextArrival(),
            next <= scenario.end
        {
            queue.schedule(.call(client: index, occurrence: occurrence), at: max(next, now))
        }
    }

    /// Marks an occurrence complete once everything in it is settled.
    mutating func settleIfDone(client index: Int, occurrence: Int, now: SimTime) {
        if clients[index].occurrences[occurrence].isSettled
            && clients[index].occurrences[occurrence].completedAt == nil
        {
            clients[index].occurrences[occurrence].completedAt = now
        }
    }

    // MARK: - Actions

    private mutating func perform(action index: Int, queue: inout EventQueue<RunEvent>) {
        let action = scenario.actions[index]
        var outcome = "Success"
        do throws(SESError) {
            _ = try service.perform(
                action.call, origin: MessageOrigin(token: Self.outsideToken), at: queue.now)
            if action.call.changesEventDestinations { followConfigurationSets() }
        } catch {
            outcome = error.description
        }
        drainService(queue: &queue)
        actionResults.append(ActionResult(at: queue.now, call: action.call.operationName, outcome: outcome))
    }
}

extension RunModel {
    /// Has the event publisher follow the account's configuration sets after
    /// a call created, deleted or changed one (a deleted set keeps its place,
    /// with no destinations).
    func followConfigurationSets() {
        let account = service.account
        let sets = account.configurationSets.indices.map { index in
            ConfigurationSetDestinations(
                name: account.configurationSets[index].name,
                eventDestinations: account.isConfigurationSetDeleted(index)
                    ? [] : account.configurationSets[index].eventDestinations)
        }
        do {
            try publisher.update(configurationSets: sets, makeSink: makeSink)
        } catch {
            // The account checked every set and destination already; a sink
            // that cannot be made (a full disk) is not recoverable here.
            fatalError("sesim: cannot follow the configuration sets: \(error)")
        }
    }
}

/// What one scenario action returned.
struct ActionResult: Sendable {
    var at: SimTime
    var call: String
    var outcome: String
}

/// A run that could not be set up.
public struct ScenarioRunError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
