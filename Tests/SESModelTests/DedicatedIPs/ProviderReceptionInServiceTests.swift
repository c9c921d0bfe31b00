import SESEvents
import SimCore
import Testing

@testable import SESModel

/// The provider reception function as the pipeline applies it: per
/// dedicated IP and provider, today's attempts over the volume the IP's
/// history supports. Over 1, extra deferrals (`DeliveryDelay` IPFailure);
/// over the spam level, the spam folder. History builds at each midnight
/// from the day's deliveries; the shared pool is trusted.
@Suite("Provider reception in the pipeline")
struct ProviderReceptionInServiceTests {
    typealias H = DedicatedIPHarness

    static func behavior(coldAllowance: Double, overloadDeferral: Double, spamLevel: Double)
        -> RecipientBehavior
    {
        var behavior = H.acceptingBehavior
        behavior.reception.coldAllowance = coldAllowance
        behavior.reception.overloadDeferral = overloadDeferral
        behavior.reception.spamLevel = spamLevel
        return behavior
    }

    /// Every attempt over the supported volume is deferred (and filed as spam).
    static let strict = behavior(coldAllowance: 3, overloadDeferral: 1, spamLevel: 1)

    /// One warm IP leased at the start: it has no history with any provider.
    static let oneWarmIP = DedicatedIPSettings(ips: [H.ip("192.0.2.10", percentage: 100)])

    @Test func attemptsUpToTheSupportedVolumeAreUnaffected() throws {
        var simulation = H.simulation(dedicatedIPs: Self.oneWarmIP, behavior: Self.strict)
        let recipients = H.recipients(3)
        try H.sendEach(&simulation, recipients, from: .start + .hours(20))
        simulation.run(until: .start + .hours(21))
        for address in recipients {
            #expect(simulation.model.events(to: address).map(\.type) == [.send, .delivery])
        }
        #expect(simulation.model.service.counters.spamFoldered == 0)
    }

    @Test func theFirstAttemptOverTheSupportedVolumeIsDeferredAsIPFailure() throws {
        var simulation = H.simulation(dedicatedIPs: Self.oneWarmIP, behavior: Self.strict)
        try H.sendEach(&simulation, H.recipients(4), from: .start + .hours(20))
        simulation.run(until: .start + .hours(21))
        let delay = try #require(
            simulation.model.events(to: "r4@example.net").first { $0.type == .deliveryDelay })
        #expect(delay.time == .start + .hours(20) + .minutes(3) + .seconds(2))
        #expect(delay.mail.outgoingIp == "192.0.2.10")
        guard case .deliveryDelay(let detail) = delay.detail else { return }
        #expect(detail.delayType == .ipFailure)
        #expect(detail.delayedRecipients.first?.status == "4.7.0")
        #expect(
            detail.delayedRecipients.first?.diagnosticCode
                == "smtp; 421 4.7.0 [TSS04] Messages from 192.0.2.10 temporarily deferred due to unexpected volume or user complaints"
        )
        #expect(detail.reportingMTA == "a2-10.smtp-out.amazonses.com")
    }

    @Test func anOverloadedIPIsDeferredUntilMidnightResetsItsDay() throws {
        var simulation = H.simulation(dedicatedIPs: Self.oneWarmIP, behavior: Self.strict)
        try H.sendEach(&simulation, H.recipients(4), from: .start + .hours(20))
        simulation.run(until: .start + .days(1) + .hours(1))
        let events = simulation.model.events(to: "r4@example.net")
        let delays = events.filter { $0.type == .deliveryDelay }
        // Retries 5, 10, 20, 40 minutes then hourly (each plus the 1 s answer), all on day 1.
        let first = SimTime.start + .hours(20) + .minutes(3) + .seconds(2)
        #expect(
            delays.map(\.time) == [
                first, first + .minutes(5) + .seconds(1), first + .minutes(15) + .seconds(2),
                first + .minutes(35) + .seconds(3), first + .minutes(75) + .seconds(4),
                first + .minutes(135) + .seconds(5), first + .minutes(195) + .seconds(6),
            ])
        // Day 2: the IP's history is half of day 1's 3 deliveries, so 3 are supported again.
        #expect(events.last?.type == .delivery)
        #expect(events.last?.time == first + .minutes(255) + .seconds(7))
        #expect(events.last?.time == .start + .days(1) + .minutes(18) + .seconds(9))
        #expect(simulation.model.settlements.map(\.outcome) == Array(repeating: .delivered, count: 4))
    }

    @Test func mailOverTheSpamLevelIsFiledAsSpam() throws {
        var behavior = Self.behavior(coldAllowance: 2, overloadDeferral: 0, spamLevel: 1.5)
        behavior.open = 1
        behavior.reception.spamOpenFactor = 0
        behavior.openDelay = Pipeline.constant(.minutes(10))
        let tracked = ConfigurationSet(
            name: "tracked",
            eventDestinations: [
                EventDestination(
                    name: "all", enabled: true, matchingTypes: .all, kind: .firehose(deliveryStream: "events")
                )
            ])
        var simulation = H.simulation(
            dedicatedIPs: Self.oneWarmIP, configurationSets: [tracked], behavior: behavior)
        let recipients = H.recipients(4)
        // Loads 0.5, 1, 1.5 (at the spam level) and 2 (over it).
        try H.sendEach(&simulation, recipients, from: .start + .hours(10), configurationSet: "tracked")
        simulation.run(until: .start + .hours(12))
        #expect(
            recipients.map { simulation.model.events(to: $0).map(\.type) } == [
                [.send, .delivery, .open], [.send, .delivery, .open], [.send, .delivery, .open],
                [.send, .delivery],
            ])
        #expect(simulation.model.service.counters.spamFoldered == 1)
    }

    @Test func historyBuildsAtMidnightFromHalfTheDaysDeliveries() throws {
        // Spam iff today's attempts exceed max(4, 2 × history); nothing is deferred.
        let behavior = Self.behavior(coldAllowance: 4, overloadDeferral: 0, spamLevel: 1)
        var simulation = H.simulation(dedicatedIPs: Self.oneWarmIP, behavior: behavior)
        var spamByDay: [Int] = []
        // Day 1: 10 (6 over 4). Day 2: history 5, 11 sent (1 over 10).
        // Day 3: history ½ × 11 + ½ × 5 = 8, 17 sent (1 over 16).
        for (day, count) in [(1, 10), (2, 11), (3, 17)] {
            try H.sendEach(
                &simulation, H.recipients(count, prefix: "d\(day)-"),
                from: H.time(day: day, .hours(1), in: simulation))
            simulation.run(until: H.time(day: day, .hours(2), in: simulation))
            spamByDay.append(simulation.model.service.counters.spamFoldered - spamByDay.reduce(0, +))
        }
        #expect(spamByDay == [6, 1, 1])
        #expect(simulation.model.service.counters.events(.deliveryDelay) == 0)
    }

    @Test func eachProviderJudgesTheIPOnItsOwn() throws {
        let behavior = Self.behavior(coldAllowance: 1, overloadDeferral: 1, spamLevel: 1)
        var simulation = H.simulation(dedicatedIPs: Self.oneWarmIP, behavior: behavior)
        try H.sendEach(
            &simulation, ["a@example.net", "b@example.org", "c@example.net"], from: .start + .hours(1))
        simulation.run(until: .start + .hours(1) + .minutes(3))
        #expect(simulation.model.events(to: "a@example.net").map(\.type) == [.send, .delivery])
        #expect(simulation.model.events(to: "b@example.org").map(\.type) == [.send, .delivery])
        #expect(simulation.model.events(to: "c@example.net").map(\.type) == [.send, .deliveryDelay])
    }

    @Test func anIPLeasedBeforeTheRunHasTheHistoryOfItsCap() throws {
        // Leased 12 hours before: 25% of a two-day plan, cap 3, so a history of 3 (6 supported).
        let behavior = Self.behavior(coldAllowance: 1, overloadDeferral: 1, spamLevel: 1)
        let settings = DedicatedIPSettings(
            plan: H.plan(3, 6), ips: [H.ip("192.0.2.10", leasedAt: .start - .hours(12))])
        var simulation = H.simulation(dedicatedIPs: settings, behavior: behavior)
        let recipients = H.recipients(3)
        try H.sendEach(&simulation, recipients, from: .start + .hours(1))
        simulation.run(until: .start + .hours(2))
        #expect(
            recipients.map { H.outgoingIP(simulation, to: $0) } == Array(repeating: "192.0.2.10", count: 3))
        #expect(simulation.model.service.counters.events(.deliveryDelay) == 0)
    }

    @Test func theSharedPoolIsTrusted() throws {
        let behavior = Self.behavior(coldAllowance: 1, overloadDeferral: 1, spamLevel: 1)
        var simulation = H.simulation(behavior: behavior)
        let recipients = H.recipients(3)
        try H.sendEach(&simulation, recipients, from: .start + .hours(1))
        simulation.run(until: .start + .hours(2))
        for address in recipients {
            #expect(simulation.model.events(to: address).map(\.type) == [.send, .delivery])
        }
        #expect(simulation.model.service.counters.spamFoldered == 0)
    }
}
