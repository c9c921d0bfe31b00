import SimCore
import Testing

@testable import SESModel

/// The daily caps of automatic warm-up: sesim's default geometric plan
/// (200 on day 1 to 50,000 on day 45), a scenario's own list replacing it,
/// and warm (uncapped) after the plan's last day.
@Suite("Warm-up cap curve")
struct WarmupCapCurveTests {
    typealias H = DedicatedIPHarness

    /// The standard plan: 200 × r^(day − 1) rounded, r = 250^(1/44) ≈ 1.1337,
    /// with day 45 pinned at 50,000.
    static let documentedStandardCaps = [
        200, 227, 257, 291, 330, 375, 425, 481, 546, 619, 701, 795, 902, 1022, 1159, 1314, 1489, 1689, 1914,
        2170, 2460, 2789, 3162, 3585, 4064, 4608, 5224, 5922, 6714, 7612, 8630, 9783, 11091, 12574, 14256,
        16162, 18322, 20772, 23549, 26698, 30267, 34314, 38902, 44103, 50000,
    ]

    @Test func standardPlanRunsFortyFiveDays() {
        #expect(WarmupPlan.standard.days == 45)
        #expect(WarmupPlan.standard.warmCap == 50_000)
        #expect(DedicatedIPSettings().plan == .standard)
    }

    @Test func standardPlanCapOnDay1Is200() {
        #expect(WarmupPlan.standard.dailyCaps[0] == 200)
    }

    @Test func standardPlanCapOnDay45Is50000() {
        #expect(WarmupPlan.standard.dailyCaps[44] == 50_000)
    }

    @Test func standardPlanIsMonotoneNonDecreasing() {
        let caps = WarmupPlan.standard.dailyCaps
        #expect(zip(caps, caps.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test func standardPlanIsTheDocumentedGeometricCurve() {
        #expect(WarmupPlan.standard.dailyCaps == Self.documentedStandardCaps)
        // The middle day is the geometric mean of the ends: √(200 × 50,000) ≈ 3,162.
        #expect(WarmupPlan.standard.dailyCaps[22] == 3162)
    }

    @Test func anIPLeasedAtMidnightHasThePlansCapOnEachDayOfTheRun() {
        var simulation = H.simulation(dedicatedIPs: DedicatedIPSettings(ips: [H.ip("192.0.2.10")]))
        var caps: [Int?] = []
        for day in 1...45 {
            caps.append(
                H.state(&simulation, "192.0.2.10", at: H.time(day: day, .hours(12), in: simulation))?.capToday
            )
        }
        #expect(caps == Self.documentedStandardCaps.map { Optional($0) })
    }

    @Test func capOnDay1Is200AndOnDay45Is50000ThroughTheService() {
        var simulation = H.simulation(dedicatedIPs: DedicatedIPSettings(ips: [H.ip("192.0.2.10")]))
        let first = H.state(&simulation, "192.0.2.10", at: H.time(day: 1, in: simulation))
        #expect(first?.capToday == 200)
        let last = H.state(
            &simulation, "192.0.2.10",
            at: H.time(day: 45, .hours(24) - SimDuration(microseconds: 1), in: simulation))
        #expect(last?.capToday == 50_000)
    }

    @Test func anIPIsUncappedFromTheDayAfterThePlan() {
        var simulation = H.simulation(dedicatedIPs: DedicatedIPSettings(ips: [H.ip("192.0.2.10")]))
        let warm = H.state(&simulation, "192.0.2.10", at: H.time(day: 46, in: simulation))
        #expect(warm?.capToday == nil)
        #expect(warm?.warmupStatus == .done)
        let days = warm?.days ?? []
        #expect(days.count == 46)
        #expect(days.first?.day == 1)
        #expect(days.first?.cap == 200)
        #expect(days[44].cap == 50_000)
        #expect(days[45].cap == nil)
    }

    @Test func aScenarioListOfDailyCapsReplacesTheStandardPlan() {
        let settings = DedicatedIPSettings(plan: H.plan(100, 300, 1_000), ips: [H.ip("192.0.2.10")])
        var simulation = H.simulation(dedicatedIPs: settings)
        var caps: [Int?] = []
        for day in 1...4 {
            caps.append(
                H.state(&simulation, "192.0.2.10", at: H.time(day: day, .hours(6), in: simulation))?.capToday)
        }
        #expect(caps == [100, 300, 1_000, nil])
    }

    @Test func aScenarioPlanMayHoldACapForSeveralDays() throws {
        let plan = try WarmupPlan(dailyCaps: [50, 50, 50, 400])
        #expect(plan.days == 4)
        #expect(plan.warmCap == 400)
        #expect(plan.percentagePerDay == 25)
    }

    @Test func aPlanListsAtLeastTwoDays() {
        #expect(throws: WarmupPlanError("a warm-up plan lists at least two daily caps")) {
            try WarmupPlan(dailyCaps: [50_000])
        }
    }

    @Test func aPlansCapsArePositive() {
        #expect(throws: WarmupPlanError("daily caps must be positive")) {
            try WarmupPlan(dailyCaps: [0, 100])
        }
    }

    @Test func aPlansCapsNeverDecrease() {
        #expect(throws: WarmupPlanError("daily caps must not decrease from one day to the next")) {
            try WarmupPlan(dailyCaps: [100, 300, 299])
        }
    }
}
