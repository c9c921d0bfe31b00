import SimCore
import Testing

@testable import SESModel

/// Which pool a message goes out of: its configuration set's sending pool,
/// else SES's default dedicated pool (the IPs in no pool), else — when the
/// account has no dedicated IP there — SES's shared pool. A set bound to a
/// pool that does not exist cannot send.
@Suite("Pool selection")
struct PoolSelectionTests {
    typealias H = DedicatedIPHarness

    static let sets = [
        ConfigurationSet(name: "plain"), ConfigurationSet(name: "marketing", sendingPoolName: "marketing"),
        ConfigurationSet(name: "shared", sendingPoolName: DedicatedIPSettings.sharedPool),
        ConfigurationSet(name: "default", sendingPoolName: DedicatedIPSettings.defaultPool),
    ]

    /// One IP in the default pool and one in "marketing", both warm.
    static let twoPools = DedicatedIPSettings(
        pools: ["marketing"],
        ips: [H.ip("192.0.2.20", percentage: 100), H.ip("192.0.2.30", pool: "marketing", percentage: 100)])

    @Test func anAccountWithoutDedicatedIPsSendsFromTheSharedPool() throws {
        var simulation = H.simulation(configurationSets: [ConfigurationSet(name: "plain")])
        try Pipeline.send(&simulation, to: ["a@example.net"], at: .start + .hours(1))
        try Pipeline.send(
            &simulation, to: ["b@example.net"], at: .start + .hours(1), configurationSet: "plain")
        simulation.run(until: .start + .hours(2))
        #expect(H.isShared(H.outgoingIP(simulation, to: "a@example.net")))
        #expect(H.isShared(H.outgoingIP(simulation, to: "b@example.net")))
        #expect(simulation.model.service.sharedPoolVolume.total == 2)
        #expect(simulation.model.service.sharedPoolVolume.days == [2])
    }

    @Test func mailWithoutAPoolBoundSetGoesOutOfTheDefaultPool() throws {
        var simulation = H.simulation(dedicatedIPs: Self.twoPools, configurationSets: Self.sets)
        try Pipeline.send(&simulation, to: ["none@example.net"], at: .start + .hours(1))
        try Pipeline.send(
            &simulation, to: ["plain@example.net"], at: .start + .hours(1), configurationSet: "plain")
        simulation.run(until: .start + .hours(2))
        #expect(H.outgoingIP(simulation, to: "none@example.net") == "192.0.2.20")
        #expect(H.outgoingIP(simulation, to: "plain@example.net") == "192.0.2.20")
    }

    @Test func aPoolBoundSetSendsOnlyFromItsPool() throws {
        var simulation = H.simulation(dedicatedIPs: Self.twoPools, configurationSets: Self.sets)
        let recipients = H.recipients(3)
        try H.sendEach(&simulation, recipients, from: .start + .hours(1), configurationSet: "marketing")
        simulation.run(until: .start + .hours(2))
        #expect(
            recipients.map { H.outgoingIP(simulation, to: $0) } == Array(repeating: "192.0.2.30", count: 3))
        #expect(
            simulation.model.service.dedicatedIPs(at: .start + .hours(2)).map(\.poolName) == [
                DedicatedIPSettings.defaultPool, "marketing",
            ])
    }

    @Test func theBuiltInPoolsCanBeNamedExplicitly() throws {
        var simulation = H.simulation(dedicatedIPs: Self.twoPools, configurationSets: Self.sets)
        try Pipeline.send(
            &simulation, to: ["s@example.net"], at: .start + .hours(1), configurationSet: "shared")
        try Pipeline.send(
            &simulation, to: ["d@example.net"], at: .start + .hours(1), configurationSet: "default")
        simulation.run(until: .start + .hours(2))
        #expect(H.isShared(H.outgoingIP(simulation, to: "s@example.net")))
        #expect(H.outgoingIP(simulation, to: "d@example.net") == "192.0.2.20")
    }

    @Test func unpooledMailGoesSharedWhenEveryIPIsInANamedPool() throws {
        let settings = DedicatedIPSettings(
            pools: ["marketing"], ips: [H.ip("192.0.2.30", pool: "marketing", percentage: 100)])
        var simulation = H.simulation(dedicatedIPs: settings, configurationSets: Self.sets)
        try Pipeline.send(&simulation, to: ["none@example.net"], at: .start + .hours(1))
        simulation.run(until: .start + .hours(2))
        #expect(H.isShared(H.outgoingIP(simulation, to: "none@example.net")))
        #expect(
            simulation.model.service.dedicatedIPPools.map(\.name) == [
                DedicatedIPSettings.defaultPool, "marketing",
            ])
        // Not an overflow: the default pool has no IP to overflow from.
        #expect(simulation.model.service.dedicatedIPPools[0].days.map(\.overflowToShared) == [0])
    }

    @Test func anIPIsUsedOnlyFromItsLease() throws {
        let leased = SimTime.start + .days(1)
        let settings = DedicatedIPSettings(ips: [H.ip("192.0.2.20", leasedAt: leased, percentage: 100)])
        var simulation = H.simulation(dedicatedIPs: settings)
        try Pipeline.send(
            &simulation, to: ["before@example.net"], at: leased - H.processing - SimDuration(microseconds: 1))
        try Pipeline.send(&simulation, to: ["at@example.net"], at: leased - H.processing)
        simulation.run(until: leased + .hours(1))
        #expect(H.isShared(H.outgoingIP(simulation, to: "before@example.net")))
        #expect(H.outgoingIP(simulation, to: "at@example.net") == "192.0.2.20")
    }

    @Test func aSetBoundToAMissingPoolCannotSend() throws {
        var simulation = H.simulation(
            dedicatedIPs: Self.twoPools,
            configurationSets: [ConfigurationSet(name: "lost", sendingPoolName: "transactional")])
        #expect(throws: SESError(.invalidSendingPoolName, "SendingPool <transactional> doesn't exist.")) {
            try Pipeline.send(
                &simulation, to: ["a@example.net"], at: .start + .hours(1), configurationSet: "lost")
        }
        simulation.run(until: .start + .hours(2))
        #expect(simulation.model.events.isEmpty)
        #expect(simulation.model.service.recipientsAccepted == 0)
    }

    @Test func rebindingASetToAMissingPoolMakesItsSendsFail() throws {
        var simulation = H.simulation(dedicatedIPs: Self.twoPools, configurationSets: Self.sets)
        try simulation.model.service.account.putConfigurationSetDeliveryOptions(
            named: "plain", sendingPoolName: "gone", maximumDeliveryTime: nil, at: .start)
        #expect(throws: SESError(.invalidSendingPoolName, "SendingPool <gone> doesn't exist.")) {
            try Pipeline.send(
                &simulation, to: ["a@example.net"], at: .start + .hours(1), configurationSet: "plain")
        }
        try simulation.model.service.account.putConfigurationSetDeliveryOptions(
            named: "plain", sendingPoolName: "marketing", maximumDeliveryTime: nil, at: .start + .hours(1))
        try Pipeline.send(
            &simulation, to: ["b@example.net"], at: .start + .hours(1), configurationSet: "plain")
        simulation.run(until: .start + .hours(2))
        #expect(H.outgoingIP(simulation, to: "b@example.net") == "192.0.2.30")
    }
}
