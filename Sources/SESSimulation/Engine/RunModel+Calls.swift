import SESEvents
import SESModel
import ScenarioFormat
import SimCore
import SimJSON

extension RunModel {
    /// Sends `destinations` for client `index` with its API: one bulk call,
    /// or one call per message; then files the accepted, the throttled
    /// (retried or dropped) and the refused.
    mutating func send(
        _ destinations: [PendingDestination], client index: Int, queue: inout EventQueue<RunEvent>
    ) {
        guard !destinations.isEmpty else { return }
        let definition = clients[index].definition
        switch definition.api {
        case .sendBulkTemplatedEmail:
            let maximum = SendBulkTemplatedEmailRequest.maximumDestinations
            var chunkStart = 0
            while chunkStart < destinations.count {
                let chunk = Array(destinations[chunkStart..<min(destinations.count, chunkStart + maximum)])
                sendBulk(chunk, client: index, queue: &queue)
                chunkStart += maximum
            }
        case .sendEmail, .sendTemplatedEmail, .sendRawEmail:
            for destination in destinations {
                sendSingle(destination, client: index, queue: &queue)
            }
        }
    }

    private mutating func sendBulk(
        _ destinations: [PendingDestination], client index: Int, queue: inout EventQueue<RunEvent>
    ) {
        let now = queue.now
        let definition = clients[index].definition
        let request = SendBulkTemplatedEmailRequest(
            source: definition.source, template: definition.template ?? "",
            defaultTemplateData: definition.defaultTemplateData?.text, defaultTags: definition.tags,
            destinations: destinations.map { pending in
                BulkEmailDestination(
                    destination: destinationAddresses(pending, client: index),
                    replacementTemplateData: replacementData(pending, client: index))
            },
            configurationSetName: definition.configurationSet)
        clients[index].counters.calls += 1
        let origins = destinations.map {
            clients[index].origin(firstRecipient: $0.firstRecipient, occurrence: $0.occurrence)
        }
        let result: BulkSendResult
        do throws(SESError) {
            result = try service.sendBulkTemplatedEmail(request, origins: origins, at: now)
            drainService(queue: &queue)
        } catch {
            api.record(.sendBulkTemplatedEmail, callResult: error.code.rawValue, error: error)
            file(destinations, client: index, error: error, queue: &queue)
            return
        }
        api.record(.sendBulkTemplatedEmail, callResult: "Success", error: nil)
        var throttled: [PendingDestination] = []
        for (pending, entry) in zip(destinations, result.entries) {
            api.recordEntry(entry.status)
            switch entry.status {
            case .success:
                accepted(pending, client: index, now: now)
            case .accountThrottled, .accountDailyQuotaExceeded:
                throttled.append(pending)
            default:
                refused(pending, client: index, now: now)
            }
        }
        if !throttled.isEmpty {
            clients[index].counters.throttledCalls += 1
            retryOrDrop(throttled, client: index, queue: &queue)
        }
    }

    private mutating func sendSingle(
        _ pending: PendingDestination, client index: Int, queue: inout EventQueue<RunEvent>
    ) {
        let now = queue.now
        let definition = clients[index].definition
        let destination = destinationAddresses(pending, client: index)
        let origin = clients[index].origin(
            firstRecipient: pending.firstRecipient, occurrence: pending.occurrence)
        clients[index].counters.calls += 1
        do throws(SESError) {
            if definition.api == .sendRawEmail {
                _ = try service.sendRawEmail(
                    rawRequest(pending, destination: destination, client: index), origin: origin, at: now)
            } else if definition.api == .sendEmail {
                _ = try service.sendEmail(
                    SendEmailRequest(
                        source: definition.source, destination: destination,
                        message: definition.content ?? SimpleContent(subject: ""),
                        configurationSetName: definition.configurationSet, tags: definition.tags),
                    origin: origin, at: now)
            } else {
                _ = try service.sendTemplatedEmail(
                    SendTemplatedEmailRequest(
                        source: definition.source, destination: destination,
                        template: definition.template ?? "",
                        templateData: singleMessageData(pending, client: index),
                        configurationSetName: definition.configurationSet, tags: definition.tags),
                    origin: origin, at: now)
            }
            api.record(definition.api, callResult: "Success", error: nil)
            accepted(pending, client: index, now: now)
            drainService(queue: &queue)
        } catch {
            api.record(definition.api, callResult: error.code.rawValue, error: error)
            file([pending], client: index, error: error, queue: &queue)
        }
    }

    /// Files destinations refused by a whole-call error.
    private mutating func file(
        _ destinations: [PendingDestination], client index: Int, error: SESError,
        queue: inout EventQueue<RunEvent>
    ) {
        if error.code == .throttling {
            clients[index].counters.throttledCalls += 1
            retryOrDrop(destinations, client: index, queue: &queue)
        } else {
            for pending in destinations { refused(pending, client: index, now: queue.now) }
        }
    }

    private mutating func accepted(_ pending: PendingDestination, client index: Int, now: SimTime) {
        clients[index].counters.recipientsAccepted += pending.recipientCount
        let occurrence = pending.occurrence
        clients[index].occurrences[occurrence].recipientsAccepted += pending.recipientCount
        if clients[index].occurrences[occurrence].firstAccepted == nil {
            clients[index].occurrences[occurrence].firstAccepted = now
        }
        clients[index].occurrences[occurrence].lastAccepted = now
        clients[index].occurrences[occurrence].recipientsInFlight += pending.recipientCount
        timeline.recordAccepted(pending.recipientCount, client: index)
    }

    private mutating func refused(_ pending: PendingDestination, client index: Int, now: SimTime) {
        clients[index].counters.recipientsFailed += pending.recipientCount
        clients[index].occurrences[pending.occurrence].recipientsFailed += pending.recipientCount
        settleIfDone(client: index, occurrence: pending.occurrence, now: now)
    }

    /// Throttled destinations: retried after the client's backoff while it
    /// has attempts left, otherwise dropped.
    private mutating func retryOrDrop(
        _ destinations: [PendingDestination], client index: Int, queue: inout EventQueue<RunEvent>
    ) {
        let now = queue.now
        let policy = clients[index].definition.retry
        var retrying: [PendingDestination] = []
        for var pending in destinations {
            pending.attempts += 1
            clients[index].counters.recipientsThrottled += pending.recipientCount
            timeline.recordThrottled(pending.recipientCount, client: index)
            if pending.attempts < policy.maxAttempts {
                retrying.append(pending)
                clients[index].occurrences[pending.occurrence].recipientsAwaitingRetry +=
                    pending.recipientCount
            } else {
                clients[index].counters.recipientsDropped += pending.recipientCount
                clients[index].occurrences[pending.occurrence].recipientsDropped += pending.recipientCount
                timeline.recordDropped(pending.recipientCount, client: index)
                settleIfDone(client: index, occurrence: pending.occurrence, now: now)
            }
        }
        if policy.pauseRestOfSecond {
            let microseconds = now.microsecondsSinceStart
            let second = SimDuration.microsecondsPerSecond
            clients[index].heldUntil = SimTime(microsecondsSinceStart: (microseconds / second + 1) * second)
        }
        guard !retrying.isEmpty else { return }
        // One retry event per distinct attempt count (a batch shares its wait).
        let attempt = retrying.map(\.attempts).max() ?? 1
        let delay = policy.delay(beforeRetry: attempt, uniform: clients[index].random.nextUniform())
        let slot = clients[index].storeRetryBatch(retrying)
        queue.schedule(.retry(client: index, slot: slot), at: max(now + delay, clients[index].heldUntil))
    }

    // MARK: - Building requests

    func destinationAddresses(_ pending: PendingDestination, client index: Int) -> Destination {
        var addresses: [String] = []
        addresses.reserveCapacity(pending.recipientCount)
        for offset in 0..<pending.recipientCount {
            addresses.append(clients[index].address(pending.firstRecipient + offset))
        }
        return Destination(toAddresses: addresses)
    }

    /// The per-recipient fields of the message's first recipient.
    func recipientFields(_ pending: PendingDestination, client index: Int) -> [JSONObjectText.Member] {
        let definition = clients[index].definition
        let recipient = pending.firstRecipient
        var members: [JSONObjectText.Member] = []
        for (fieldIndex, field) in definition.templateData.enumerated() {
            let key =
                UInt64(truncatingIfNeeded: recipient) &* 0x1_0000 &+ UInt64(fieldIndex) &+ UInt64(index) << 48
            if let json = Self.value(
                of: field.generator, recipient: recipient, draws: templateDataStream.draws(for: key))
            {
                members.append(JSONObjectText.Member(key: field.name, json: json))
            }
        }
        return members
    }

    static func value(of generator: TemplateDataGenerator, recipient: Int, draws: KeyedDrawGenerator)
        -> String?
    {
        var draws = draws
        switch generator {
        case .fixed(let json):
            return json
        case .oneOf(let choices):
            return choices[Int(draws.nextInt(below: UInt64(choices.count)))]
        case .sequence(let pattern):
            var output = ""
            JSONValue.writeString(
                pattern.replacingOccurrences(of: "{index}", with: String(recipient)), to: &output)
            return output
        case .sometimesMissing(let probability, let otherwise):
            if draws.nextUniform() < probability { return nil }
            return value(of: otherwise, recipient: recipient, draws: draws)
        }
    }

    /// A `SendRawEmail` call for `pending`: the client's message for these
    /// recipients, which go in the call's Destinations unless the client
    /// names them only in the message's headers.
    mutating func rawRequest(_ pending: PendingDestination, destination: Destination, client index: Int)
        -> SendRawEmailRequest
    {
        let definition = clients[index].definition
        var message: [UInt8] = []
        if var composer = clients[index].rawComposer {
            clients[index].rawComposer = nil
            let data =
                composer.rendersPerMessage
                ? rawMessageData(pending, destination: destination, client: index) : ""
            message = composer.message(data: data)
            clients[index].rawComposer = composer
        }
        let placement = definition.rawMessage?.recipientsIn ?? .destinations
        return SendRawEmailRequest(
            source: definition.source.isEmpty ? nil : definition.source,
            destinations: placement == .destinations ? destination.allAddresses : [], rawMessage: message,
            configurationSetName: definition.configurationSet, tags: definition.tags)
    }

    /// The data a raw message template renders with: the client's template
    /// data for the first recipient, and `recipient`, `recipients` (the
    /// message's addresses, joined by commas) and `index`.
    func rawMessageData(_ pending: PendingDestination, destination: Destination, client index: Int) -> String
    {
        let addresses = destination.toAddresses
        var recipient = ""
        JSONValue.writeString(addresses.first ?? "", to: &recipient)
        var recipients = ""
        JSONValue.writeString(addresses.joined(separator: ", "), to: &recipients)
        let fields = JSONObjectText(members: [
            JSONObjectText.Member(key: "recipient", json: recipient),
            JSONObjectText.Member(key: "recipients", json: recipients),
            JSONObjectText.Member(key: "index", json: String(pending.firstRecipient)),
        ])
        let defaults = clients[index].definition.defaultTemplateData ?? JSONObjectText(members: [])
        return defaults.merging(fields.members).merging(recipientFields(pending, client: index)).text
    }

    func replacementData(_ pending: PendingDestination, client index: Int) -> String? {
        let fields = recipientFields(pending, client: index)
        return fields.isEmpty ? nil : JSONObjectText(members: fields).text
    }

    func singleMessageData(_ pending: PendingDestination, client index: Int) -> String {
        let defaults = clients[index].definition.defaultTemplateData ?? JSONObjectText(members: [])
        return defaults.merging(recipientFields(pending, client: index)).text
    }
}
