import SimCore
import Testing

@testable import SESModel

/// Within a pool, each message goes out on the IP with the most headroom
/// under today's warm-up cap; ties go to the lowest address (numerically).
@Suite("Routing within a pool")
struct HeadroomRoutingTests {
    typealias H = DedicatedIPHarness

    static let bulk = ConfigurationSet(name: "bulk", sendingPoolName: "bulk")

    @Test func eachMessageTakesTheIPWithTheMostHeadroomToday() throws {
        // Four-day plan, 25% a day: .10 starts at 0% (cap 2), .9 at 25% (cap 4).
        let settings = DedicatedIPSettings(
            plan: H.plan(2, 4, 6, 8), pools: ["bulk"],
            ips: [
                H.ip("192.0.2.10", pool: "bulk"), H.ip("192.0.2.9", pool: "bulk", percentage: 25),
            ])
        var simulation = H.simulation(dedicatedIPs: settings, configurationSets: [Self.bulk])
        #expect(simulation.model.service.dedicatedIPs(at: .start).map(\.capToday) == [4, 2])
        let recipients = H.recipients(7)
        try H.sendEach(&simulation, recipients, from: .start + .hours(10), configurationSet: "bulk")
        simulation.run(until: .start + .hours(11))
        let routes = recipients.map { H.outgoingIP(simulation, to: $0) }
        // Headroom (.9, .10) before each: (4,2) (3,2) (2,2) (1,2) (1,1) (0,1) (0,0).
        #expect(
            Array(routes.prefix(6)) == [
                "192.0.2.9", "192.0.2.9", "192.0.2.9", "192.0.2.10", "192.0.2.9", "192.0.2.10",
            ])
        #expect(H.isShared(routes[6]))
        let states = simulation.model.service.dedicatedIPs(at: .start + .hours(11))
        #expect(states.map(\.sentToday) == [4, 2])
    }

    @Test func tiesGoToTheNumericallyLowestAddress() throws {
        let settings = DedicatedIPSettings(
            plan: H.plan(3, 6), pools: ["bulk"],
            ips: [H.ip("192.0.2.10", pool: "bulk"), H.ip("192.0.2.9", pool: "bulk")])
        var simulation = H.simulation(dedicatedIPs: settings, configurationSets: [Self.bulk])
        let recipients = H.recipients(7)
        try H.sendEach(&simulation, recipients, from: .start + .hours(10), configurationSet: "bulk")
        simulation.run(until: .start + .hours(11))
        let routes = recipients.map { H.outgoingIP(simulation, to: $0) }
        // As text, "192.0.2.10" < "192.0.2.9"; as addresses, .9 comes first.
        #expect(
            Array(routes.prefix(6)) == [
                "192.0.2.9", "192.0.2.10", "192.0.2.9", "192.0.2.10", "192.0.2.9", "192.0.2.10",
            ])
        #expect(H.isShared(routes[6]))
    }

    @Test func getDedicatedIpsListsIPsInAddressOrder() {
        let settings = DedicatedIPSettings(
            ips: [H.ip("192.0.2.100"), H.ip("192.0.2.20"), H.ip("10.0.0.3"), H.ip("192.0.2.3")])
        var simulation = H.simulation(dedicatedIPs: settings)
        #expect(
            simulation.model.service.dedicatedIPs(at: .start).map(\.ip)
                == ["10.0.0.3", "192.0.2.3", "192.0.2.20", "192.0.2.100"])
    }

    @Test func aMessageUsesOneUnitOfTheCapPerRecipient() throws {
        let settings = DedicatedIPSettings(plan: H.plan(4, 8), ips: [H.ip("192.0.2.10")])
        var simulation = H.simulation(dedicatedIPs: settings)
        let group = H.recipients(3, prefix: "g")
        try Pipeline.send(&simulation, to: group, at: .start + .hours(10))
        try H.sendEach(
            &simulation, ["one@example.net", "two@example.net"], from: .start + .hours(10) + .minutes(1))
        simulation.run(until: .start + .hours(11))
        #expect(group.map { H.outgoingIP(simulation, to: $0) } == Array(repeating: "192.0.2.10", count: 3))
        #expect(H.outgoingIP(simulation, to: "one@example.net") == "192.0.2.10")
        #expect(H.isShared(H.outgoingIP(simulation, to: "two@example.net")))
        let state = H.state(&simulation, "192.0.2.10", at: .start + .hours(11))
        #expect(state?.sentToday == 4)
        #expect(state?.sentTotal == 4)
        #expect(simulation.model.service.sharedPoolVolume.total == 1)
    }

    @Test func aWarmIPHasNoCapAndTakesEveryMessageOfItsPool() throws {
        let settings = DedicatedIPSettings(
            plan: H.plan(2, 4), ips: [H.ip("192.0.2.10", percentage: 100)])
        var simulation = H.simulation(dedicatedIPs: settings)
        let recipients = H.recipients(5)
        try H.sendEach(&simulation, recipients, from: .start + .hours(10))
        simulation.run(until: .start + .hours(11))
        #expect(
            recipients.map { H.outgoingIP(simulation, to: $0) } == Array(repeating: "192.0.2.10", count: 5))
        #expect(simulation.model.service.sharedPoolVolume.total == 0)
    }
}
