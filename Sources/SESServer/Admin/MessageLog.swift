import SESEvents
import SESModel
import SESSimulation
import SimJSON

/// The messages the account accepted, with what SES delivered and what
/// happened to each recipient: `GET /_sesim/messages`.
///
/// Built from the engine's message records (acceptance, then the content
/// delivered after rendering and tracking) and its events. Keeps the most
/// recent ``capacity`` messages.
final class MessageLog: SimulationSubscriber {
    static let defaultCapacity = 100_000

    /// One recipient's state.
    struct Recipient {
        var address: String
        /// `pending` until an outcome: `delivered`, `bounced`, `complained`,
        /// `delayed` (still being retried), `rejected`, `renderingFailure`.
        var status = "pending"
        /// The `eventType` of every event about the recipient, in order.
        var events: [String] = []
    }

    /// One message.
    struct Entry {
        var messageId: String
        var source: String
        var destination: Destination
        var subject: String?
        var text: String?
        var html: String?
        var tags: [NameValue]
        var configurationSet: String?
        var outgoingIp: String?
        var recipients: [Recipient]
    }

    let capacity: Int
    private var entries: [Entry] = []
    private var head = 0
    private var positions: [String: Int] = [:]

    init(capacity: Int = MessageLog.defaultCapacity) {
        self.capacity = capacity
    }

    func receive(_ messages: [MessageRecord]) {
        for record in messages {
            switch record {
            case .accepted(let message, let configurationSet):
                accept(message, configurationSet: configurationSet)
            case .delivered(let content):
                guard let position = positions[content.messageId.description] else { continue }
                entries[position].subject = content.subject
                entries[position].text = content.text
                entries[position].html = content.html
                entries[position].outgoingIp = content.outgoingIp
            }
        }
    }

    private func accept(_ message: AcceptedMessage, configurationSet: String?) {
        var subject: String?
        var text: String?
        var html: String?
        switch message.content {
        case .simple(let content):
            // What the caller gave; replaced by what was delivered once processed.
            subject = content.subject
            text = content.text
            html = content.html
        case .raw(let raw):
            // The header's Subject, decoded; the parts once processed.
            subject = raw.summary.subject
        case .templated:
            break
        }
        let id = message.messageId.description
        positions[id] = entries.count
        entries.append(
            Entry(
                messageId: id, source: message.source.text, destination: message.destination,
                subject: subject,
                text: text, html: html, tags: message.tags, configurationSet: configurationSet,
                outgoingIp: nil,
                recipients: message.recipients.map { Recipient(address: $0.address) }))
        if entries.count - head > capacity { dropOldest() }
    }

    private func dropOldest() {
        positions[entries[head].messageId] = nil
        head += 1
        if head >= capacity {
            entries.removeFirst(head)
            head = 0
            positions = Dictionary(
                uniqueKeysWithValues: entries.enumerated().map { ($0.element.messageId, $0.offset) })
        }
    }

    func receive(_ events: [SESEvent]) {
        for event in events {
            guard let position = positions[event.mail.messageId.description] else { continue }
            let name = event.type.recordName
            switch event.detail {
            case .delivery(let delivery):
                mark(position, addresses: delivery.recipients, event: name, status: "delivered")
            case .bounce(let bounce):
                mark(
                    position, addresses: bounce.bouncedRecipients.map(\.emailAddress), event: name,
                    status: "bounced")
            case .complaint(let complaint):
                mark(position, addresses: complaint.complainedRecipients, event: name, status: "complained")
            case .deliveryDelay(let delay):
                mark(
                    position, addresses: delay.delayedRecipients.map(\.emailAddress), event: name,
                    status: "delayed")
            case .reject:
                markAll(position, event: name, status: "rejected")
            case .renderingFailure:
                markAll(position, event: name, status: "renderingFailure")
            case .send, .open, .click, .subscription:
                // Not about one recipient: SES's records name none.
                markAll(position, event: name, status: nil)
            }
        }
    }

    private func mark(_ position: Int, addresses: [String], event: String, status: String) {
        for address in addresses {
            let lowered = address.lowercased()
            guard
                let index = entries[position].recipients.firstIndex(where: {
                    $0.address.lowercased() == lowered
                })
            else { continue }
            entries[position].recipients[index].events.append(event)
            entries[position].recipients[index].status = status
        }
    }

    private func markAll(_ position: Int, event: String, status: String?) {
        for index in entries[position].recipients.indices {
            entries[position].recipients[index].events.append(event)
            if let status { entries[position].recipients[index].status = status }
        }
    }

    /// The message `messageId`, if kept.
    func message(_ messageId: String) -> JSONValue? {
        positions[messageId].map { Self.json(entries[$0]) }
    }

    /// Up to `limit` messages, oldest first, after message `after` when given.
    func messages(limit: Int, after: String?) -> [JSONValue] {
        var start = head
        if let after {
            guard let position = positions[after] else { return [] }
            start = position + 1
        }
        let end = min(entries.count, start + max(0, limit))
        guard start < end else { return [] }
        return entries[start..<end].map(Self.json)
    }

    static func json(_ entry: Entry) -> JSONValue {
        func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }
        func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
        return .object([
            "messageId": .string(entry.messageId),
            "source": .string(entry.source),
            "destination": .object([
                "toAddresses": strings(entry.destination.toAddresses),
                "ccAddresses": strings(entry.destination.ccAddresses),
                "bccAddresses": strings(entry.destination.bccAddresses),
            ]),
            "subject": optional(entry.subject),
            "textPart": optional(entry.text),
            "htmlPart": optional(entry.html),
            "tags": .array(
                entry.tags.map { .object(["name": .string($0.name), "value": .string($0.value)]) }),
            "configurationSet": optional(entry.configurationSet),
            "outgoingIp": optional(entry.outgoingIp),
            "recipients": .array(
                entry.recipients.map { recipient in
                    .object([
                        "address": .string(recipient.address), "status": .string(recipient.status),
                        "events": strings(recipient.events),
                    ])
                }),
        ])
    }
}
