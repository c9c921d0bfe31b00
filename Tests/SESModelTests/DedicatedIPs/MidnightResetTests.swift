import SimCore
import Testing

@testable import SESModel

/// Daily volumes and caps are per UTC day: they reset at 00:00 UTC of the
/// simulated day — not 24 hours after the run's start.
@Suite("Midnight resets")
struct MidnightResetTests {
    typealias H = DedicatedIPHarness

    static let justUnder = SimDuration(microseconds: 1)

    /// The run starts at 09:00, so its first midnight is 15 hours in. One IP, cap 2 a day.
    static func simulation() -> Simulation<ServiceDriver> {
        H.simulation(
            start: H.morning,
            dedicatedIPs: DedicatedIPSettings(plan: H.plan(2, 2, 2), ips: [H.ip("192.0.2.10")]))
    }

    @Test func theCapIsSpentUntilTheLastInstantBeforeMidnight() throws {
        var simulation = Self.simulation()
        let midnight = H.time(day: 2, in: simulation)
        #expect(midnight == .start + .hours(15))
        try H.sendEach(&simulation, ["a@example.net", "b@example.net"], from: .start + .hours(1))
        // Routed one second after the call: at 23:59:59.999999.
        try Pipeline.send(&simulation, to: ["late@example.net"], at: midnight - H.processing - Self.justUnder)
        let state = H.state(&simulation, "192.0.2.10", at: midnight - Self.justUnder)
        #expect(state?.sentToday == 2)
        #expect(state?.days.count == 1)
        #expect(simulation.model.service.sharedPoolVolume.days == [1])
        simulation.run(until: midnight + .minutes(1))
        #expect(H.isShared(H.outgoingIP(simulation, to: "late@example.net")))
    }

    @Test func theDailyVolumeResetsAtMidnightUTC() throws {
        var simulation = Self.simulation()
        let midnight = H.time(day: 2, in: simulation)
        try H.sendEach(&simulation, ["a@example.net", "b@example.net"], from: .start + .hours(1))
        try Pipeline.send(&simulation, to: ["late@example.net"], at: midnight - H.processing - Self.justUnder)
        // Routed at exactly 00:00:00.000000.
        try Pipeline.send(&simulation, to: ["midnight@example.net"], at: midnight - H.processing)
        simulation.run(until: midnight + .minutes(1))
        #expect(H.isShared(H.outgoingIP(simulation, to: "late@example.net")))
        #expect(H.outgoingIP(simulation, to: "midnight@example.net") == "192.0.2.10")
        let state = H.state(&simulation, "192.0.2.10", at: midnight + .minutes(1))
        #expect(state?.sentToday == 1)
        #expect(state?.sentTotal == 3)
        #expect(state?.days.map(\.day) == [1, 2])
        #expect(state?.days.map(\.volume) == [2, 1])
        #expect(simulation.model.service.sharedPoolVolume.days == [1, 0])
        #expect(simulation.model.service.dedicatedIPPools[0].days.map(\.overflowToShared) == [1, 0])
    }

    @Test func theStateReportedJustBeforeAndJustAfterMidnight() throws {
        var simulation = Self.simulation()
        let midnight = H.time(day: 2, in: simulation)
        try H.sendEach(&simulation, ["a@example.net", "b@example.net"], from: .start + .hours(1))
        #expect(H.state(&simulation, "192.0.2.10", at: midnight - Self.justUnder)?.sentToday == 2)
        #expect(H.state(&simulation, "192.0.2.10", at: midnight)?.sentToday == 0)
    }

    @Test func eachMidnightResetsTheDayAgain() throws {
        var simulation = Self.simulation()
        var routes: [String?] = []
        // Three messages a day at 10:00 UTC, for three days, with a cap of 2 a day.
        for day in 1...3 {
            let recipients = H.recipients(3, prefix: "d\(day)-")
            try H.sendEach(&simulation, recipients, from: H.time(day: day, .hours(10), in: simulation))
            simulation.run(until: H.time(day: day, .hours(11), in: simulation))
            routes += recipients.map { H.outgoingIP(simulation, to: $0) }
        }
        #expect(
            routes.map { H.isShared($0) ? "shared" : $0 } == [
                "192.0.2.10", "192.0.2.10", "shared", "192.0.2.10", "192.0.2.10", "shared",
                "192.0.2.10", "192.0.2.10", "shared",
            ])
        let state = H.state(&simulation, "192.0.2.10", at: H.time(day: 3, .hours(12), in: simulation))
        #expect(state?.days.map(\.cap) == [2, 2, 2])
        #expect(state?.days.map(\.volume) == [2, 2, 2])
        #expect(simulation.model.service.sharedPoolVolume.days == [1, 1, 1])
    }
}
