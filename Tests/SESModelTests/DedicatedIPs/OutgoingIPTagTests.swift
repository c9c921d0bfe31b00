import SESEvents
import SimCore
import Testing

@testable import SESModel

/// Each message records the IP it went out on; events that happen after SES
/// chose it publish it as the `ses:outgoing-ip` auto-tag (ses-facts.md §6.2).
@Suite("The ses:outgoing-ip tag")
struct OutgoingIPTagTests {
    typealias H = DedicatedIPHarness

    static func json(_ event: SESEvent, _ simulation: Simulation<ServiceDriver>) -> String {
        let serializer = EventRecordSerializer(calendar: simulation.model.service.account.calendar)
        return String(decoding: serializer.record(event), as: UTF8.self)
    }

    @Test func aDeliveryPublishesTheDedicatedIPItWentOutOn() throws {
        var simulation = H.simulation(dedicatedIPs: DedicatedIPSettings(ips: [H.ip("192.0.2.10")]))
        try Pipeline.send(&simulation, to: ["a@example.net"], at: .start + .hours(1))
        simulation.run(until: .start + .hours(2))
        let events = simulation.model.events(to: "a@example.net")
        #expect(events.map(\.type) == [.send, .delivery])
        #expect(events[1].mail.outgoingIp == "192.0.2.10")
        #expect(events[1].mail.tagValue("ses:outgoing-ip") == "192.0.2.10")
        #expect(Self.json(events[1], simulation).contains(#""ses:outgoing-ip":["192.0.2.10"]"#))
        guard case .delivery(let delivery) = events[1].detail else { return }
        #expect(delivery.reportingMTA == "a2-10.smtp-out.amazonses.com")
    }

    @Test func theSendEventComesBeforeTheChoiceAndHasNoOutgoingIP() throws {
        var simulation = H.simulation(dedicatedIPs: DedicatedIPSettings(ips: [H.ip("192.0.2.10")]))
        try Pipeline.send(&simulation, to: ["a@example.net"], at: .start + .hours(1))
        simulation.run(until: .start + .hours(2))
        let send = try #require(simulation.model.events(to: "a@example.net").first)
        #expect(send.type == .send)
        #expect(send.mail.outgoingIp == nil)
        #expect(!Self.json(send, simulation).contains("ses:outgoing-ip"))
    }

    @Test func aSharedPoolMessagePublishesASharedAddress() throws {
        var simulation = H.simulation()
        try Pipeline.send(&simulation, to: ["a@example.net"], at: .start + .hours(1))
        simulation.run(until: .start + .hours(2))
        let delivery = try #require(simulation.model.events(to: "a@example.net").last)
        let ip = try #require(delivery.mail.outgoingIp)
        #expect((10...25).map { "198.51.100.\($0)" }.contains(ip))
        #expect(Self.json(delivery, simulation).contains(#""ses:outgoing-ip":[""# + ip + #""]"#))
    }

    @Test func eachMessageRecordsItsOwnOutgoingIP() throws {
        // Cap 1: the first message goes out on the dedicated IP, the second overflows.
        var simulation = H.simulation(
            dedicatedIPs: DedicatedIPSettings(plan: H.plan(1, 2), ips: [H.ip("192.0.2.10")]))
        try H.sendEach(&simulation, ["a@example.net", "b@example.net"], from: .start + .hours(1))
        simulation.run(until: .start + .hours(2))
        #expect(H.outgoingIP(simulation, to: "a@example.net") == "192.0.2.10")
        #expect(H.isShared(H.outgoingIP(simulation, to: "b@example.net")))
    }

    @Test func aBounceNamesTheOutgoingIPAndItsHost() throws {
        var simulation = H.simulation(dedicatedIPs: DedicatedIPSettings(ips: [H.ip("192.0.2.10")]))
        try Pipeline.send(&simulation, to: ["bounce@simulator.amazonses.com"], at: .start + .hours(1))
        simulation.run(until: .start + .hours(2))
        let bounce = try #require(simulation.model.events.last)
        #expect(bounce.type == .bounce)
        #expect(bounce.mail.outgoingIp == "192.0.2.10")
        guard case .bounce(let detail) = bounce.detail else { return }
        #expect(detail.reportingMTA == "dsn; a2-10.smtp-out.amazonses.com")
    }

    @Test func deliveryDelaysAndTheTransientBounceAfterThemNameTheOutgoingIP() throws {
        var behavior = H.acceptingBehavior
        behavior.deferral = 1
        behavior.deferralTypes = [(.mailboxFull, 1)]
        var simulation = H.simulation(
            dedicatedIPs: DedicatedIPSettings(ips: [H.ip("192.0.2.10")]), behavior: behavior,
            maximumDeliveryTime: .hours(1))
        try Pipeline.send(&simulation, to: ["a@example.net"], at: .start + .hours(1))
        simulation.run(until: .start + .hours(3))
        let events = simulation.model.events(to: "a@example.net")
        #expect(
            events.map(\.type) == [
                .send, .deliveryDelay, .deliveryDelay, .deliveryDelay, .deliveryDelay, .bounce,
            ])
        #expect(events.map(\.mail.outgoingIp) == [nil] + Array(repeating: "192.0.2.10", count: 5))
        for event in events.dropFirst() {
            #expect(Self.json(event, simulation).contains(#""ses:outgoing-ip":["192.0.2.10"]"#))
        }
        guard case .deliveryDelay(let delay) = events[1].detail, case .bounce(let bounce) = events[5].detail
        else {
            Issue.record("expected a DeliveryDelay and a Bounce")
            return
        }
        #expect(delay.reportingMTA == "a2-10.smtp-out.amazonses.com")
        #expect(bounce.bounceType == .transient)
        #expect(bounce.reportingMTA == "dsn; a2-10.smtp-out.amazonses.com")
    }

    @Test func opensClicksAndComplaintsNameTheOutgoingIP() throws {
        var behavior = H.acceptingBehavior
        behavior.open = 1
        behavior.click = 1
        behavior.complaint = 1
        behavior.openDelay = Pipeline.constant(.minutes(10))
        behavior.clickDelay = Pipeline.constant(.minutes(20))
        behavior.complaintDelay = Pipeline.constant(.minutes(30))
        let tracked = ConfigurationSet(
            name: "tracked",
            eventDestinations: [
                EventDestination(
                    name: "all", enabled: true, matchingTypes: .all, kind: .firehose(deliveryStream: "events")
                )
            ])
        var simulation = H.simulation(
            dedicatedIPs: DedicatedIPSettings(ips: [H.ip("192.0.2.10")]), configurationSets: [tracked],
            behavior: behavior)
        try Pipeline.send(
            &simulation, to: ["a@example.net"], at: .start + .hours(1), configurationSet: "tracked")
        simulation.run(until: .start + .hours(3))
        let events = simulation.model.events(to: "a@example.net")
        #expect(events.map(\.type) == [.send, .delivery, .open, .click, .complaint])
        #expect(events.map(\.mail.outgoingIp) == [nil] + Array(repeating: "192.0.2.10", count: 4))
    }

    @Test func aComplaintAfterOverflowNamesTheSharedAddressItWentOutOn() throws {
        // Cap 1: the first message takes the dedicated IP, the complaint simulator's overflows.
        var simulation = H.simulation(
            dedicatedIPs: DedicatedIPSettings(plan: H.plan(1, 2), ips: [H.ip("192.0.2.10")]))
        try H.sendEach(
            &simulation, ["a@example.net", "complaint@simulator.amazonses.com"], from: .start + .hours(1))
        simulation.run(until: .start + .hours(2))
        let events = simulation.model.events(to: "complaint@simulator.amazonses.com")
        #expect(events.map(\.type) == [.send, .delivery, .complaint])
        let ip = try #require(events[1].mail.outgoingIp)
        #expect(H.isShared(ip))
        #expect(events[2].mail.outgoingIp == ip)
    }

    @Test func aBounceForASuppressedAddressNamesNoOutgoingIP() throws {
        var simulation = H.simulation(dedicatedIPs: DedicatedIPSettings(ips: [H.ip("192.0.2.10")]))
        _ = simulation.model.service.account.suppressionList.add("listed@example.net", reason: .bounce)
        try H.sendEach(
            &simulation, ["listed@example.net", "suppressionlist@simulator.amazonses.com"],
            from: .start + .hours(1))
        simulation.run(until: .start + .hours(2))
        let events = ["listed@example.net", "suppressionlist@simulator.amazonses.com"].map {
            simulation.model.events(to: $0)
        }
        #expect(events.map { $0.map(\.type) } == [[.send, .bounce], [.send, .bounce]])
        for bounceEvent in events.map({ $0[1] }) {
            #expect(bounceEvent.mail.outgoingIp == nil)
            #expect(!Self.json(bounceEvent, simulation).contains("ses:outgoing-ip"))
            guard case .bounce(let bounce) = bounceEvent.detail else { continue }
            #expect(bounce.reportingMTA == "dsn; amazonses.com")
        }
    }

    @Test func aRejectedMessageNamesNoOutgoingIPAndUsesNoneOfTheCap() throws {
        var simulation = H.simulation(dedicatedIPs: DedicatedIPSettings(ips: [H.ip("192.0.2.10")]))
        try Pipeline.send(
            &simulation, to: ["a@example.net"], at: .start + .hours(1),
            text: "see " + DeliveryParameters.eicarSignature)
        simulation.run(until: .start + .hours(2))
        let events = simulation.model.events(to: "a@example.net")
        #expect(events.map(\.type) == [.send, .reject])
        #expect(events[1].mail.outgoingIp == nil)
        #expect(!Self.json(events[1], simulation).contains("ses:outgoing-ip"))
        #expect(H.state(&simulation, "192.0.2.10", at: .start + .hours(2))?.sentToday == 0)
        #expect(simulation.model.service.sharedPoolVolume.total == 0)
    }

    @Test func recipientsOnTheSuppressionListUseNoneOfTheCap() throws {
        var simulation = H.simulation(dedicatedIPs: DedicatedIPSettings(ips: [H.ip("192.0.2.10")]))
        _ = simulation.model.service.account.suppressionList.add("listed@example.net", reason: .bounce)
        try Pipeline.send(
            &simulation, to: ["listed@example.net", "a@example.net", "b@example.net"], at: .start + .hours(1))
        simulation.run(until: .start + .hours(2))
        #expect(H.state(&simulation, "192.0.2.10", at: .start + .hours(2))?.sentToday == 2)
        // The message's events: its Send, the listed recipient's bounce at SES,
        // and the two deliveries through the dedicated IP.
        let events = simulation.model.events(to: "a@example.net")
        #expect(events.map(\.type) == [.send, .bounce, .delivery, .delivery])
        #expect(events[1].mail.outgoingIp == nil)
        #expect(events[2].mail.outgoingIp == "192.0.2.10")
    }
}
