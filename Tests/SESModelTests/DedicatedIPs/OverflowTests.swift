import SimCore
import Testing

@testable import SESModel

/// Volume over a pool's warm-up caps: SES's shared pool for an account
/// leasing dedicated IPs for the first time; the account's already-warm
/// dedicated IPs (least used today first) for an existing lessee.
@Suite("Overflow over the warm-up caps")
struct OverflowTests {
    typealias H = DedicatedIPHarness

    static let sets = [
        ConfigurationSet(name: "new", sendingPoolName: "new"),
        ConfigurationSet(name: "warm", sendingPoolName: "warm"),
    ]

    /// A new IP (cap 2 today) in pool "new"; warm IPs in pool "warm".
    static func settings(firstTimeLessee: Bool, warm: [String] = ["192.0.2.20"]) -> DedicatedIPSettings {
        DedicatedIPSettings(
            firstTimeLessee: firstTimeLessee, plan: H.plan(2, 4), pools: ["new", "warm"],
            ips: [H.ip("192.0.2.30", pool: "new")] + warm.map { H.ip($0, pool: "warm", percentage: 100) })
    }

    static func newPoolDay(_ simulation: Simulation<ServiceDriver>, _ day: Int = 1) -> DailyPoolRecord? {
        simulation.model.service.dedicatedIPPools.first { $0.name == "new" }?.days[day - 1]
    }

    @Test func aFirstTimeLesseesOverflowGoesToTheSharedPool() throws {
        var simulation = H.simulation(
            dedicatedIPs: Self.settings(firstTimeLessee: true), configurationSets: Self.sets)
        let recipients = H.recipients(4)
        try H.sendEach(&simulation, recipients, from: .start + .hours(10), configurationSet: "new")
        simulation.run(until: .start + .hours(11))
        let routes = recipients.map { H.outgoingIP(simulation, to: $0) }
        #expect(Array(routes.prefix(2)) == ["192.0.2.30", "192.0.2.30"])
        #expect(routes.dropFirst(2).allSatisfy(H.isShared))
        #expect(
            Self.newPoolDay(simulation) == DailyPoolRecord(day: 1, overflowToShared: 2, overflowToWarmIPs: 0))
        #expect(simulation.model.service.sharedPoolVolume.days == [2])
        #expect(H.state(&simulation, "192.0.2.20", at: .start + .hours(11))?.sentToday == 0)
    }

    @Test func anExistingLesseesOverflowGoesToItsWarmIPs() throws {
        var simulation = H.simulation(
            dedicatedIPs: Self.settings(firstTimeLessee: false), configurationSets: Self.sets)
        let recipients = H.recipients(4)
        try H.sendEach(&simulation, recipients, from: .start + .hours(10), configurationSet: "new")
        simulation.run(until: .start + .hours(11))
        #expect(
            recipients.map { H.outgoingIP(simulation, to: $0) } == [
                "192.0.2.30", "192.0.2.30", "192.0.2.20", "192.0.2.20",
            ])
        #expect(
            Self.newPoolDay(simulation) == DailyPoolRecord(day: 1, overflowToShared: 0, overflowToWarmIPs: 2))
        #expect(simulation.model.service.sharedPoolVolume.total == 0)
        #expect(H.state(&simulation, "192.0.2.20", at: .start + .hours(11))?.sentToday == 2)
    }

    @Test func overflowTakesTheLeastUsedWarmIPTiesByAddress() throws {
        var simulation = H.simulation(
            dedicatedIPs: Self.settings(firstTimeLessee: false, warm: ["192.0.2.21", "192.0.2.20"]),
            configurationSets: Self.sets)
        // The warm pool's own message goes to .20 (a tie, broken by address).
        try Pipeline.send(
            &simulation, to: ["own@example.net"], at: .start + .hours(9), configurationSet: "warm")
        let recipients = H.recipients(6)
        try H.sendEach(&simulation, recipients, from: .start + .hours(10), configurationSet: "new")
        simulation.run(until: .start + .hours(11))
        #expect(H.outgoingIP(simulation, to: "own@example.net") == "192.0.2.20")
        // Sent today by (.20, .21) before each overflow: (1,0) (1,1) (2,1) (2,2).
        #expect(
            recipients.map { H.outgoingIP(simulation, to: $0) } == [
                "192.0.2.30", "192.0.2.30", "192.0.2.21", "192.0.2.20", "192.0.2.21", "192.0.2.20",
            ])
    }

    @Test func anExistingLesseeWithoutWarmIPsOverflowsToTheSharedPool() throws {
        var simulation = H.simulation(
            dedicatedIPs: Self.settings(firstTimeLessee: false, warm: []), configurationSets: Self.sets)
        let recipients = H.recipients(3)
        try H.sendEach(&simulation, recipients, from: .start + .hours(10), configurationSet: "new")
        simulation.run(until: .start + .hours(11))
        #expect(H.isShared(H.outgoingIP(simulation, to: recipients[2])))
        #expect(
            Self.newPoolDay(simulation) == DailyPoolRecord(day: 1, overflowToShared: 1, overflowToWarmIPs: 0))
    }

    @Test func aPoolWithoutIPsOverflowsEverything() throws {
        var settings = Self.settings(firstTimeLessee: true)
        settings.pools.append("empty")
        var simulation = H.simulation(
            dedicatedIPs: settings,
            configurationSets: [ConfigurationSet(name: "empty", sendingPoolName: "empty")])
        try H.sendEach(&simulation, H.recipients(2), from: .start + .hours(10), configurationSet: "empty")
        simulation.run(until: .start + .hours(11))
        let empty = simulation.model.service.dedicatedIPPools.first { $0.name == "empty" }
        #expect(empty?.days == [DailyPoolRecord(day: 1, overflowToShared: 2, overflowToWarmIPs: 0)])
        #expect(simulation.model.service.sharedPoolVolume.total == 2)
    }

    @Test func theDefaultPoolOverflowsLikeANamedPool() throws {
        let settings = DedicatedIPSettings(plan: H.plan(1, 2), ips: [H.ip("192.0.2.10")])
        var simulation = H.simulation(dedicatedIPs: settings)
        let recipients = H.recipients(3)
        try H.sendEach(&simulation, recipients, from: .start + .hours(10))
        simulation.run(until: .start + .hours(11))
        #expect(H.outgoingIP(simulation, to: recipients[0]) == "192.0.2.10")
        #expect(recipients.dropFirst().allSatisfy { H.isShared(H.outgoingIP(simulation, to: $0)) })
        #expect(
            simulation.model.service.dedicatedIPPools[0].days == [
                DailyPoolRecord(day: 1, overflowToShared: 2, overflowToWarmIPs: 0)
            ])
    }
}
