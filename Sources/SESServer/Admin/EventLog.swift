import SESEvents
import SESSimulation
import SimCore

/// Every event the engine published, kept so that `GET /_sesim/events` can
/// answer with the records exactly as SES publishes them to Firehose
/// (serialised on request by ``EventRecordSerializer``).
///
/// Keeps the most recent ``capacity`` events; older ones are dropped and
/// counted, so that a long run with background traffic stays bounded.
final class EventLog: SimulationSubscriber {
    /// The most events kept.
    static let defaultCapacity = 1_000_000

    let capacity: Int
    private let serializer: EventRecordSerializer
    private var events: [SESEvent] = []
    /// The index of the oldest kept event in `events`.
    private var head = 0
    /// Events dropped because the log was full.
    private(set) var dropped = 0

    init(calendar: SimCalendar, capacity: Int = EventLog.defaultCapacity) {
        self.capacity = capacity
        self.serializer = EventRecordSerializer(calendar: calendar)
    }

    func receive(_ published: [SESEvent]) {
        events.append(contentsOf: published)
        let kept = events.count - head
        if kept > capacity {
            let excess = kept - capacity
            head += excess
            dropped += excess
            // Compact once the dropped prefix is as long as what is kept.
            if head >= capacity {
                events.removeFirst(head)
                head = 0
            }
        }
    }

    /// The events kept, oldest first.
    var kept: ArraySlice<SESEvent> { events[head...] }

    /// The records of the kept events of `type` (a record's `eventType`,
    /// e.g. `Bounce`, or its key, e.g. `bounce`; any case) and of message
    /// `messageId`, each when given, oldest first, as JSON text.
    func records(type: String?, messageId: String?) -> [String] {
        let wanted = type.map { $0.lowercased() }
        return kept.filter { event in
            if let wanted, event.type.recordName.lowercased() != wanted,
                event.type.detailKey.lowercased() != wanted
            {
                return false
            }
            if let messageId, event.mail.messageId.description != messageId { return false }
            return true
        }.map { String(decoding: serializer.record($0), as: UTF8.self) }
    }
}
