import SimCore
import Testing

@testable import SESModel

/// `PutAccountDedicatedIpWarmupAttributes`: with automatic warm-up off, IPs
/// leased afterwards arrive warm (DONE, uncapped); IPs already warming up
/// carry on (ses-facts.md §5.1).
@Suite("Automatic warm-up on and off")
struct AutoWarmupTests {
    typealias H = DedicatedIPHarness

    /// .10 leased at the start; .20 leased on day 2.
    static func simulation(autoWarmup: Bool = true) -> Simulation<ServiceDriver> {
        H.simulation(
            dedicatedIPs: DedicatedIPSettings(
                autoWarmupEnabled: autoWarmup,
                ips: [H.ip("192.0.2.10"), H.ip("192.0.2.20", leasedAt: .start + .days(1) + .hours(12))]))
    }

    @Test func autoWarmupIsOnByDefault() {
        let simulation = H.simulation()
        #expect(simulation.model.service.dedicatedIPAutoWarmupEnabled)
    }

    @Test func ipsLeasedAfterDisablingArriveWarm() throws {
        var simulation = Self.simulation()
        try simulation.model.service.putAccountDedicatedIpWarmupAttributes(
            autoWarmupEnabled: false, at: .start + .hours(1))
        #expect(!simulation.model.service.dedicatedIPAutoWarmupEnabled)
        let leased = H.state(&simulation, "192.0.2.20", at: .start + .days(1) + .hours(12))
        #expect(leased?.warmupStatus == .done)
        #expect(leased?.warmupPercentage == 100)
        #expect(leased?.capToday == nil)
    }

    @Test func ipsAlreadyWarmingUpAreUnaffected() throws {
        var simulation = Self.simulation()
        try simulation.model.service.putAccountDedicatedIpWarmupAttributes(
            autoWarmupEnabled: false, at: .start + .hours(1))
        let warming = H.state(&simulation, "192.0.2.10", at: .start + .days(1) + .hours(12))
        #expect(warming?.warmupStatus == .inProgress)
        #expect(warming?.warmupPercentage == 3)
        #expect(warming?.capToday == 227)
    }

    @Test func anIPLeasedLaterTheSameDayHasNoCapInTodaysRecord() throws {
        var simulation = H.simulation(
            dedicatedIPs: DedicatedIPSettings(ips: [H.ip("192.0.2.20", leasedAt: .start + .hours(12))]))
        try simulation.model.service.putAccountDedicatedIpWarmupAttributes(
            autoWarmupEnabled: false, at: .start + .hours(1))
        let leased = H.state(&simulation, "192.0.2.20", at: .start + .hours(12))
        #expect(leased?.capToday == nil)
        #expect(leased?.days.map(\.cap) == [nil])
    }

    @Test func withAutoWarmupOffFromTheStartEveryIPIsWarm() {
        var simulation = Self.simulation(autoWarmup: false)
        #expect(!simulation.model.service.dedicatedIPAutoWarmupEnabled)
        let states = simulation.model.service.dedicatedIPs(at: .start)
        #expect(states.map(\.warmupStatus) == [.done, .done])
        #expect(states.map(\.capToday) == [nil, nil])
    }

    @Test func reenablingWarmsUpIPsLeasedAfterward() throws {
        var simulation = Self.simulation(autoWarmup: false)
        try simulation.model.service.putAccountDedicatedIpWarmupAttributes(
            autoWarmupEnabled: true, at: .start + .hours(1))
        #expect(simulation.model.service.dedicatedIPAutoWarmupEnabled)
        #expect(H.state(&simulation, "192.0.2.10", at: .start + .hours(1))?.warmupStatus == .done)
        let leased = H.state(&simulation, "192.0.2.20", at: .start + .days(1) + .hours(12))
        #expect(leased?.warmupStatus == .inProgress)
        #expect(leased?.warmupPercentage == 0)
        #expect(leased?.capToday == 200)
    }
}
