import SESEvents
import SimCore

/// What the service produced since its caller last looked: events it wants
/// on the queue, events it published, reputation samples, and recipients
/// that reached their final outcome.
///
/// The caller drains it after every call and every event, with
/// ``drain(into:)``: the contents move to the caller's own outbox, whose
/// emptied storage the service keeps, so that neither allocates once warm.
public struct Outbox: Sendable {
    /// Events to schedule, each at its time.
    public fileprivate(set) var scheduled: [(time: SimTime, event: ServiceEvent)] = []
    /// Published events, in publish order.
    public fileprivate(set) var published: [SESEvent] = []
    /// Reputation metrics published, in order.
    public fileprivate(set) var reputationSamples: [ReputationSample] = []
    /// Recipients settled, in order.
    public fileprivate(set) var settlements: [Settlement] = []
    /// Messages accepted and content delivered, in order; only while the
    /// service records messages (``SESService/recordsMessages``).
    public fileprivate(set) var messageRecords: [MessageRecord] = []

    public init() {}

    /// Whether nothing is waiting.
    public var isEmpty: Bool {
        scheduled.isEmpty && published.isEmpty && reputationSamples.isEmpty && settlements.isEmpty
            && messageRecords.isEmpty
    }

    /// Moves everything here into `other`, which must be empty, and takes
    /// `other`'s storage in exchange.
    public mutating func drain(into other: inout Outbox) {
        precondition(other.isEmpty, "drain into an outbox that has been emptied")
        swap(&self, &other)
    }

    /// Empties the outbox, keeping its storage for the next drain.
    public mutating func removeAll() {
        scheduled.removeAll(keepingCapacity: true)
        published.removeAll(keepingCapacity: true)
        reputationSamples.removeAll(keepingCapacity: true)
        settlements.removeAll(keepingCapacity: true)
        if !messageRecords.isEmpty { messageRecords.removeAll(keepingCapacity: true) }
    }

    mutating func schedule(_ event: ServiceEvent, at time: SimTime) {
        scheduled.append((time, event))
    }

    mutating func publish(_ event: SESEvent) {
        published.append(event)
    }

    mutating func record(_ sample: ReputationSample) {
        reputationSamples.append(sample)
    }

    mutating func record(_ message: MessageRecord) {
        messageRecords.append(message)
    }

    mutating func settle(_ settlement: Settlement) {
        settlements.append(settlement)
    }
}
