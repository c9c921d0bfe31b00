import SimCore
import Testing

@testable import SESModel

/// `WarmupStatus` and `WarmupPercentage` as `GetDedicatedIps` reports them:
/// IN_PROGRESS with a whole percentage rising with time over the plan, then
/// DONE at 100 from the day after the plan's last day.
@Suite("Warm-up status and percentage")
struct WarmupStatusTests {
    typealias H = DedicatedIPHarness

    static func report(_ simulation: inout Simulation<ServiceDriver>, day: Int, _ offset: SimDuration = .zero)
        -> (WarmupStatus?, Int?)
    {
        let state = H.state(&simulation, "192.0.2.10", at: H.time(day: day, offset, in: simulation))
        return (state?.warmupStatus, state?.warmupPercentage)
    }

    @Test func aNewIPStartsInProgressAtZeroPercent() {
        var simulation = H.simulation(dedicatedIPs: DedicatedIPSettings(ips: [H.ip("192.0.2.10")]))
        let (status, percentage) = Self.report(&simulation, day: 1)
        #expect(status == .inProgress)
        #expect(percentage == 0)
    }

    @Test func thePercentageRisesWithTimeAndIsReportedRoundedDown() {
        var simulation = H.simulation(dedicatedIPs: DedicatedIPSettings(ips: [H.ip("192.0.2.10")]))
        // 100/45 ≈ 2.22% a day.
        #expect(Self.report(&simulation, day: 1, .hours(12)) == (.inProgress, 1))
        #expect(Self.report(&simulation, day: 2) == (.inProgress, 2))
        #expect(Self.report(&simulation, day: 10) == (.inProgress, 20))
        #expect(Self.report(&simulation, day: 23) == (.inProgress, 48))
        #expect(Self.report(&simulation, day: 23, .hours(12)) == (.inProgress, 50))
        #expect(Self.report(&simulation, day: 45) == (.inProgress, 97))
    }

    @Test func anIPIsInProgressUntilTheLastInstantOfThePlansLastDay() {
        var simulation = H.simulation(dedicatedIPs: DedicatedIPSettings(ips: [H.ip("192.0.2.10")]))
        #expect(
            Self.report(&simulation, day: 45, .hours(24) - SimDuration(microseconds: 1)) == (.inProgress, 99))
    }

    @Test func anIPIsDoneAt100PercentFromTheDayAfterThePlan() {
        var simulation = H.simulation(dedicatedIPs: DedicatedIPSettings(ips: [H.ip("192.0.2.10")]))
        #expect(Self.report(&simulation, day: 46) == (.done, 100))
        #expect(Self.report(&simulation, day: 60, .hours(7)) == (.done, 100))
    }

    @Test func aScenarioPlanSetsThePaceOfThePercentage() {
        let settings = DedicatedIPSettings(plan: H.plan(10, 20, 30, 40), ips: [H.ip("192.0.2.10")])
        var simulation = H.simulation(dedicatedIPs: settings)
        #expect(Self.report(&simulation, day: 2) == (.inProgress, 25))
        #expect(Self.report(&simulation, day: 3, .hours(6)) == (.inProgress, 56))
        #expect(Self.report(&simulation, day: 4, .hours(23)) == (.inProgress, 98))
        #expect(Self.report(&simulation, day: 5) == (.done, 100))
    }

    /// A lease that is not at midnight: the percentage reaches 100 in the
    /// middle of a day, but the IP is warm (uncapped) only from the next
    /// midnight. Until then it is still warming up, and reports so.
    @Test func anIPStillCappedTodayDoesNotReport100Percent() {
        let settings = DedicatedIPSettings(plan: H.plan(10, 20), ips: [H.ip("192.0.2.10")])
        var simulation = H.simulation(start: H.morning, dedicatedIPs: settings)
        // Leased at 09:00 on day 1: 50% a day, so 100% at 09:00 on day 3.
        #expect(Self.report(&simulation, day: 3, .hours(8)) == (.inProgress, 97))
        let afternoon = H.state(&simulation, "192.0.2.10", at: H.time(day: 3, .hours(15), in: simulation))
        #expect(afternoon?.capToday == 20)
        #expect(afternoon?.warmupStatus == .inProgress)
        #expect(afternoon?.warmupPercentage == 99)
        #expect(Self.report(&simulation, day: 4) == (.done, 100))
    }

    @Test func anIPLeasedBeforeTheRunHasWarmedForTheTimeSince() {
        let settings = DedicatedIPSettings(ips: [
            H.ip("192.0.2.10", leasedAt: .start - .days(9)), H.ip("192.0.2.11", leasedAt: .start - .days(50)),
        ])
        var simulation = H.simulation(dedicatedIPs: settings)
        let states = simulation.model.service.dedicatedIPs(at: .start)
        #expect(states.map(\.warmupPercentage) == [20, 100])
        #expect(states.map(\.warmupStatus) == [.inProgress, .done])
        #expect(states.map(\.capToday) == [619, nil])
    }

    @Test func anIPLeasedAt100PercentIsDone() {
        let settings = DedicatedIPSettings(ips: [H.ip("192.0.2.10", percentage: 100)])
        var simulation = H.simulation(dedicatedIPs: settings)
        #expect(Self.report(&simulation, day: 1) == (.done, 100))
        #expect(H.state(&simulation, "192.0.2.10", at: .start)?.capToday == nil)
    }

    @Test func anIPLeasedPartWayResumesFromItsPercentage() {
        let settings = DedicatedIPSettings(ips: [H.ip("192.0.2.10", percentage: 40)])
        var simulation = H.simulation(dedicatedIPs: settings)
        // 40% is day 19 of the standard plan; a day later, 42.2% is day 20.
        #expect(Self.report(&simulation, day: 1) == (.inProgress, 40))
        #expect(H.state(&simulation, "192.0.2.10", at: .start)?.capToday == 1914)
        #expect(Self.report(&simulation, day: 2) == (.inProgress, 42))
        #expect(H.state(&simulation, "192.0.2.10", at: H.time(day: 2, in: simulation))?.capToday == 2170)
    }

    @Test func anIPLeasedLaterInTheRunStaysAtZeroUntilItsLease() {
        let leased = SimTime.start + .days(3)
        let settings = DedicatedIPSettings(ips: [H.ip("192.0.2.10", leasedAt: leased)])
        var simulation = H.simulation(dedicatedIPs: settings)
        #expect(Self.report(&simulation, day: 3) == (.inProgress, 0))
        #expect(H.state(&simulation, "192.0.2.10", at: leased)?.capToday == 200)
        #expect(Self.report(&simulation, day: 4, .hours(12)) == (.inProgress, 1))
    }
}
