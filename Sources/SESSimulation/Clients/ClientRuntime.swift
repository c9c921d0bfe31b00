import SESEvents
import SESModel
import ScenarioFormat
import SimCore

/// A destination a client has yet to get accepted: consecutive recipients of
/// its list, and how many attempts it has had.
struct PendingDestination: Hashable, Sendable {
    /// The global index of its first recipient (the list is cycled).
    var firstRecipient: Int
    /// How many recipients the message has.
    var recipientCount: Int
    /// Attempts made so far.
    var attempts: Int
    /// The campaign occurrence it belongs to.
    var occurrence: Int
}

/// One run of a campaign (a `once` client has one; a `repeating` client one
/// per repetition; an arrival-rate client one that never completes).
struct CampaignOccurrence: Sendable {
    var start: SimTime
    /// The next recipient index to send to.
    var cursor: Int
    /// The recipient index after the last one (Int.max: unbounded).
    var end: Int
    /// Calls made for fresh recipients so far (pacing counts these).
    var paceCalls = 0
    var recipientsAccepted = 0
    var recipientsDropped = 0
    var recipientsFailed = 0
    /// Recipients accepted whose messages have not reached a final outcome.
    var recipientsInFlight = 0
    /// Recipients waiting for a retry.
    var recipientsAwaitingRetry = 0
    /// Recipients by final outcome.
    var outcomes: [DeliveryOutcome: Int] = [:]
    var firstAccepted: SimTime?
    var lastAccepted: SimTime?
    var completedAt: SimTime?

    /// Whether every recipient has a final outcome or was given up.
    var isSettled: Bool {
        end != .max && cursor >= end && recipientsInFlight == 0 && recipientsAwaitingRetry == 0
    }
}

/// What a client has done so far.
struct ClientCounters: Sendable {
    var calls = 0
    var recipientsPlanned = 0
    var recipientsAccepted = 0
    /// Recipients in throttled answers (each time they were throttled).
    var recipientsThrottled = 0
    /// Recipients sent again after being throttled.
    var recipientsRetried = 0
    /// Recipients given up after the last attempt.
    var recipientsDropped = 0
    /// Recipients refused for a reason other than throttling.
    var recipientsFailed = 0
    /// Calls that were throttled whole, or had a throttled entry.
    var throttledCalls = 0
    /// Recipients by final outcome.
    var outcomes: [DeliveryOutcome: Int] = [:]
}

/// A traffic client while the run goes on.
struct ClientRuntime: Sendable {
    let definition: TrafficClientDefinition
    let index: Int
    /// The recipient list (cycled by index), for list clients.
    let addresses: [String]
    /// The audience, its first member and the number of members, for audience clients.
    let audience: (index: Int, audience: Audience, from: Int, count: Int)?
    var occurrences: [CampaignOccurrence] = []
    var counters = ClientCounters()
    /// Retry batches waiting for their event, by slot.
    var retryBatches: [[PendingDestination]] = []
    var freeRetrySlots: [Int] = []
    /// With `pauseRestOfSecond`, calls wait until this instant.
    var heldUntil: SimTime = .start
    var arrivals: ArrivalSchedule?
    var random: Xoshiro256StarStar
    /// A `SendRawEmail` client's message builder.
    var rawComposer: RawMessageComposer?

    /// - Throws: ``ScenarioRunError`` when the client names an audience that
    ///   does not exist or a slice outside it (the loader refuses both; a
    ///   scenario built in code may not have been through it).
    init(definition: TrafficClientDefinition, index: Int, streams: RandomStreams, audiences: [Audience])
        throws(ScenarioRunError)
    {
        self.definition = definition
        self.index = index
        switch definition.recipients {
        case .list(let addresses):
            self.addresses = addresses
            self.audience = nil
        case .audience(let name, let from, let count):
            guard let audienceIndex = audiences.firstIndex(where: { $0.name == name }) else {
                throw ScenarioRunError(
                    message: "traffic client \(definition.name): no audience named '\(name)' is defined")
            }
            let size = audiences[audienceIndex].size
            let sliceCount = count ?? (size - from)
            guard from >= 0, from < size, sliceCount >= 1, sliceCount <= size - from else {
                throw ScenarioRunError(
                    message: "traffic client \(definition.name): the slice from member \(from)"
                        + "\(count.map { " of \($0) members" } ?? "") does not fit audience '\(name)', "
                        + "which has \(size) members")
            }
            self.addresses = []
            self.audience = (audienceIndex, audiences[audienceIndex], from, sliceCount)
        }
        self.random = streams.generator("client:\(definition.name)")
        self.rawComposer = definition.rawMessage.map {
            RawMessageComposer(definition: $0, client: definition.name)
        }
        switch definition.schedule {
        case .constantArrivalRate, .rampingArrivalRate:
            arrivals = ArrivalSchedule(schedule: definition.schedule)
        case .once, .repeating:
            arrivals = nil
        }
    }

    /// Whether the client runs campaigns (once or repeating) rather than an open arrival process.
    var isCampaign: Bool { arrivals == nil }

    /// Recipients of one campaign occurrence.
    var campaignSize: Int { audience?.count ?? addresses.count }

    /// Recipients per call for fresh sends.
    var destinationsPerCall: Int {
        definition.api == .sendBulkTemplatedEmail ? definition.destinationsPerCall : 1
    }

    /// The address of recipient `index` (the list or audience slice is cycled).
    func address(_ index: Int) -> String {
        if let audience { return audience.audience.address(of: audience.from + index % audience.count) }
        return addresses[index % addresses.count]
    }

    /// Where the message to recipients starting at `index` comes from, for the
    /// simulated SES: the audience member and how many times the client has
    /// cycled through its recipients before.
    func origin(firstRecipient index: Int, occurrence: Int) -> MessageOrigin {
        let token = UInt64(self.index) << 48 | UInt64(occurrence)
        guard let audience else { return MessageOrigin(token: token) }
        return MessageOrigin(
            token: token, audience: audience.index, firstMember: audience.from + index % audience.count,
            cycle: index / audience.count)
    }

    /// The client and occurrence a settlement token names.
    static func decode(token: UInt64) -> (client: Int, occurrence: Int) {
        (Int(token >> 48), Int(token & 0xFFFF_FFFF_FFFF))
    }

    /// Takes the next fresh destinations of `occurrence` for one call.
    mutating func takeDestinations(occurrence: Int) -> [PendingDestination] {
        var taken: [PendingDestination] = []
        let perMessage = definition.recipientsPerMessage
        while taken.count < destinationsPerCall, occurrences[occurrence].cursor < occurrences[occurrence].end
        {
            let first = occurrences[occurrence].cursor
            // A message never straddles the end of the recipient list (or
            // audience slice): its recipients are consecutive members.
            let count = min(
                perMessage, occurrences[occurrence].end - first, campaignSize - first % campaignSize)
            taken.append(
                PendingDestination(
                    firstRecipient: first, recipientCount: count, attempts: 0, occurrence: occurrence))
            occurrences[occurrence].cursor += count
            counters.recipientsPlanned += count
        }
        return taken
    }

    /// The next arrival of an arrival-rate client, or nil when its schedule is over.
    mutating func nextArrival() -> SimTime? {
        guard var schedule = arrivals else { return nil }
        let next = schedule.nextArrival(using: &random)
        arrivals = schedule
        return next
    }

    /// Stores a retry batch, returning its slot.
    mutating func storeRetryBatch(_ batch: [PendingDestination]) -> Int {
        if let slot = freeRetrySlots.popLast() {
            retryBatches[slot] = batch
            return slot
        }
        retryBatches.append(batch)
        return retryBatches.count - 1
    }

    /// Takes the retry batch in `slot`.
    mutating func takeRetryBatch(_ slot: Int) -> [PendingDestination] {
        let batch = retryBatches[slot]
        retryBatches[slot] = []
        freeRetrySlots.append(slot)
        return batch
    }
}
