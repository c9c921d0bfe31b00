import SimCore
import Testing

@testable import SESModel

/// `PutDedicatedIpWarmupAttributes` and the console's actions on one IP:
/// edit the percentage (which moves the IP to that day of the plan, and so
/// sets today's cap), mark as complete (DONE, 100%, uncapped), reset
/// (IN_PROGRESS, 0%, the plan's first cap).
@Suite("Warm-up attributes")
struct WarmupAttributesTests {
    typealias H = DedicatedIPHarness

    static func simulation(plan: WarmupPlan = .standard) -> Simulation<ServiceDriver> {
        H.simulation(dedicatedIPs: DedicatedIPSettings(plan: plan, ips: [H.ip("192.0.2.10")]))
    }

    @Test func aPercentageStandsForADayOfThePlan() {
        let plan = WarmupPlan.standard
        // 100/45 ≈ 2.22% a day: day n starts at (n − 1) × 2.22%.
        #expect(plan.day(atPercentage: 0) == 1)
        #expect(plan.day(atPercentage: 2.2) == 1)
        #expect(plan.day(atPercentage: 100.0 / 45) == 2)
        #expect(plan.day(atPercentage: 20) == 10)
        #expect(plan.day(atPercentage: 19.99) == 9)
        #expect(plan.day(atPercentage: 50) == 23)
        #expect(plan.day(atPercentage: 99) == 45)
        #expect(plan.cap(atPercentage: 0) == 200)
        #expect(plan.cap(atPercentage: 2.2) == 200)
        #expect(plan.cap(atPercentage: 3) == 227)
        #expect(plan.cap(atPercentage: 20) == 619)
        #expect(plan.cap(atPercentage: 50) == 3162)
        #expect(plan.cap(atPercentage: 99.9) == 50_000)
        #expect(plan.cap(atPercentage: 100) == 50_000)
    }

    @Test func settingThePercentageSetsTodaysCapToThatDayOfThePlan() throws {
        var simulation = Self.simulation()
        let noon = H.time(day: 1, .hours(12), in: simulation)
        try simulation.model.service.putDedicatedIpWarmupAttributes(
            ip: "192.0.2.10", warmupPercentage: 50, at: noon)
        let state = H.state(&simulation, "192.0.2.10", at: noon)
        #expect(state?.warmupStatus == .inProgress)
        #expect(state?.warmupPercentage == 50)
        #expect(state?.capToday == 3162)
        #expect(state?.days.last?.cap == 3162)
    }

    @Test func warmUpGoesOnFromTheSetPercentage() throws {
        var simulation = Self.simulation()
        let morning = H.time(day: 1, .hours(6), in: simulation)
        try simulation.model.service.putDedicatedIpWarmupAttributes(
            ip: "192.0.2.10", warmupPercentage: 50, at: morning)
        // 18 hours later: 50 + 0.75 × 2.22 = 51.67%, day 24 of the plan.
        let next = H.state(&simulation, "192.0.2.10", at: H.time(day: 2, in: simulation))
        #expect(next?.warmupPercentage == 51)
        #expect(next?.capToday == 3585)
        #expect(next?.days.map(\.cap) == [3162, 3585])
    }

    @Test func theNewCapAppliesToTheRestOfTheDay() throws {
        // 25% a day: the IP is on day 1 (cap 1); 75% moves it to day 4 (cap 4).
        var simulation = Self.simulation(plan: H.plan(1, 2, 3, 4))
        let recipients = H.recipients(5)
        try Pipeline.send(&simulation, to: [recipients[0]], at: .start + .hours(9))
        try Pipeline.send(&simulation, to: [recipients[1]], at: .start + .hours(9) + .minutes(1))
        simulation.run(until: .start + .hours(10))
        try simulation.model.service.putDedicatedIpWarmupAttributes(
            ip: "192.0.2.10", warmupPercentage: 75, at: .start + .hours(10))
        try H.sendEach(&simulation, Array(recipients[2...]), from: .start + .hours(10) + .minutes(1))
        simulation.run(until: .start + .hours(11))
        let routes = recipients.map { H.outgoingIP(simulation, to: $0) }
        #expect(
            routes.map { H.isShared($0) ? "shared" : $0 } == [
                "192.0.2.10", "shared", "192.0.2.10", "192.0.2.10", "192.0.2.10",
            ])
        #expect(H.state(&simulation, "192.0.2.10", at: .start + .hours(11))?.sentToday == 4)
    }

    @Test func settingOneHundredPercentCompletesWarmUp() throws {
        var simulation = Self.simulation()
        try simulation.model.service.putDedicatedIpWarmupAttributes(
            ip: "192.0.2.10", warmupPercentage: 100, at: .start + .hours(1))
        let state = H.state(&simulation, "192.0.2.10", at: .start + .hours(1))
        #expect(state?.warmupStatus == .done)
        #expect(state?.warmupPercentage == 100)
        #expect(state?.capToday == nil)
    }

    @Test func markingCompleteMakesTheIPDoneAndUncapped() throws {
        var simulation = Self.simulation()
        let noon = H.time(day: 3, .hours(12), in: simulation)
        simulation.run(until: noon)
        try simulation.model.service.markDedicatedIpWarmupComplete(ip: "192.0.2.10", at: noon)
        let state = H.state(&simulation, "192.0.2.10", at: noon)
        #expect(state?.warmupStatus == .done)
        #expect(state?.warmupPercentage == 100)
        #expect(state?.capToday == nil)
        #expect(state?.days.map(\.cap) == [200, 227, nil])
        // And it stays warm.
        let later = H.state(&simulation, "192.0.2.10", at: H.time(day: 4, in: simulation))
        #expect(later?.warmupStatus == .done)
        #expect(later?.days.last?.cap == nil)
    }

    @Test func resettingStartsWarmUpAgainFromZero() throws {
        var simulation = Self.simulation()
        let noon = H.time(day: 21, .hours(12), in: simulation)
        #expect(H.state(&simulation, "192.0.2.10", at: noon)?.capToday == 2460)
        try simulation.model.service.resetDedicatedIpWarmup(ip: "192.0.2.10", at: noon)
        let state = H.state(&simulation, "192.0.2.10", at: noon)
        #expect(state?.warmupStatus == .inProgress)
        #expect(state?.warmupPercentage == 0)
        #expect(state?.capToday == 200)
        // Half a day later: 1.11%, still the plan's first day.
        let next = H.state(&simulation, "192.0.2.10", at: H.time(day: 22, in: simulation))
        #expect(next?.warmupPercentage == 1)
        #expect(next?.capToday == 200)
        #expect(H.state(&simulation, "192.0.2.10", at: H.time(day: 23, in: simulation))?.capToday == 227)
    }

    @Test func resettingAWarmIPPutsItBackUnderTheCap() throws {
        var simulation = H.simulation(
            dedicatedIPs: DedicatedIPSettings(plan: H.plan(1, 2), ips: [H.ip("192.0.2.10", percentage: 100)]))
        try H.sendEach(&simulation, ["a@example.net", "b@example.net"], from: .start + .hours(9))
        simulation.run(until: .start + .hours(10))
        try simulation.model.service.resetDedicatedIpWarmup(ip: "192.0.2.10", at: .start + .hours(10))
        try Pipeline.send(&simulation, to: ["c@example.net"], at: .start + .hours(10) + .minutes(1))
        simulation.run(until: .start + .hours(11))
        #expect(H.outgoingIP(simulation, to: "b@example.net") == "192.0.2.10")
        #expect(H.isShared(H.outgoingIP(simulation, to: "c@example.net")))
        let state = H.state(&simulation, "192.0.2.10", at: .start + .hours(11))
        #expect(state?.warmupStatus == .inProgress)
        #expect(state?.capToday == 1)
    }

    @Test func aPercentageOutsideZeroToOneHundredIsInvalid() {
        var simulation = Self.simulation()
        #expect(
            throws: SESError(.invalidParameterValue, "WarmupPercentage must be between 0 and 100, got 101.")
        ) {
            try simulation.model.service.putDedicatedIpWarmupAttributes(
                ip: "192.0.2.10", warmupPercentage: 101, at: .start)
        }
        #expect(
            throws: SESError(.invalidParameterValue, "WarmupPercentage must be between 0 and 100, got -1.")
        ) {
            try simulation.model.service.putDedicatedIpWarmupAttributes(
                ip: "192.0.2.10", warmupPercentage: -1, at: .start + .seconds(1))
        }
        #expect(H.state(&simulation, "192.0.2.10", at: .start + .seconds(1))?.capToday == 200)
    }

    @Test func anUnknownIPIsNotFound() {
        var simulation = Self.simulation()
        #expect(throws: SESError(.notFound, "Dedicated IP 192.0.2.99 does not exist.")) {
            try simulation.model.service.putDedicatedIpWarmupAttributes(
                ip: "192.0.2.99", warmupPercentage: 10, at: .start)
        }
        #expect(throws: SESError(.notFound, "Dedicated IP 192.0.2.99 does not exist.")) {
            try simulation.model.service.markDedicatedIpWarmupComplete(
                ip: "192.0.2.99", at: .start + .seconds(1))
        }
        #expect(throws: SESError(.notFound, "Dedicated IP 192.0.2.99 does not exist.")) {
            try simulation.model.service.resetDedicatedIpWarmup(ip: "192.0.2.99", at: .start + .seconds(2))
        }
    }
}
