import SESEvents
import SimCore
import Testing

@Suite("The event digest")
struct DigestTests {
    typealias H = PublisherHarness

    static func digest(_ events: [SESEvent], sets: [String] = ["launch"]) -> String {
        var digest = EventDigest()
        for event in events { digest.add(event, configurationSet: event.configurationSet.map { sets[$0] }) }
        return digest.hexDigest
    }

    static func base() -> [SESEvent] { PublisherTests.sampleEvents() }

    /// `base()` with event `index` changed by `change`.
    static func changed(_ index: Int, _ change: (inout SESEvent) -> Void) -> [SESEvent] {
        var events = base()
        change(&events[index])
        return events
    }

    @Test func theDigestIsStableForTheSameEvents() {
        #expect(Self.digest(Self.base()) == Self.digest(Self.base()))
        #expect(Self.digest([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func anyBehaviourFieldChangesTheDigest() {
        let original = Self.digest(Self.base())
        let variants: [(String, [SESEvent])] = [
            ("time", Self.changed(4) { $0.time = $0.time + .milliseconds(1) }),
            ("type", Self.changed(5) { $0.detail = .send }),
            ("message ID", Self.changed(4) { $0.mail.messageId = MessageID(prefix: 9, uuid: 9) }),
            ("recipient", Self.changed(4) { $0.mail.destination = ["other@example.com"] }),
            ("tag value", Self.changed(4) { $0.mail.tags[0].value = "autumn" }),
            ("extra tag", Self.changed(4) { $0.mail.tags.append(NameValue(name: "a", value: "b")) }),
            ("outgoing IP", Self.changed(4) { $0.mail.outgoingIp = "203.0.113.9" }),
            ("no configuration set", Self.changed(4) { $0.configurationSet = nil }),
            ("mail timestamp", Self.changed(4) { $0.mail.timestamp = .start + .seconds(1) }),
            (
                "detail field",
                Self.changed(5) {
                    if case .delivery(var delivery) = $0.detail {
                        delivery.smtpResponse = "250 2.0.0 OK"
                        $0.detail = .delivery(delivery)
                    }
                }
            ),
            (
                "bounce subtype",
                Self.changed(6) {
                    if case .bounce(var bounce) = $0.detail {
                        bounce.bounceSubType = .suppressed
                        $0.detail = .bounce(bounce)
                    }
                }
            ),
            (
                "order",
                {
                    var events = Self.base()
                    events.swapAt(1, 2)
                    return events
                }()
            ),
            ("one event fewer", Array(Self.base().dropLast())),
        ]
        var seen: Set<String> = [original]
        for (name, events) in variants {
            let digest = Self.digest(events)
            #expect(digest != original, "changing the \(name) left the digest unchanged")
            seen.insert(digest)
        }
        #expect(seen.count == variants.count + 1)
    }

    @Test func scenarioCopiedHeaderFieldsDoNotChangeTheDigest() {
        let original = Self.digest(Self.base())
        let edited = Self.changed(4) {
            $0.mail.headers.append(NameValue(name: "X-Note", value: "copied from the scenario"))
            $0.mail.commonHeaders.subject = "Another subject"
        }
        #expect(Self.digest(edited) == original)
    }

    @Test func theConfigurationSetNameIsPartOfTheDigest() {
        #expect(Self.digest(Self.base(), sets: ["launch"]) != Self.digest(Self.base(), sets: ["other"]))
    }

    @Test func thePublisherDigestsEveryEventItIsGiven() throws {
        let harness = try H([ConfigurationSetDestinations(name: "launch", eventDestinations: [])])
        for event in Self.base() { harness.publisher.publish(event) }
        #expect(harness.publisher.eventDigest == Self.digest(Self.base()))
    }
}
