import SESEvents
import SimCore
import Testing

@testable import SESModel

@Suite("Representative volume")
struct RepresentativeWindowTests {
    static func window(minimum: Int = 10, period: SimDuration = .days(30)) -> RepresentativeWindow {
        RepresentativeWindow(minimumVolume: minimum, period: period, comparisonWindow: .days(7))
    }

    @Test func theBlogsExampleStaysNearSixTenthsOfAPercent() {
        var window = Self.window(minimum: 1_000)
        var ids: [Int64] = []
        for index in 0..<1_000 { ids.append(window.append(at: .start + .seconds(Int64(index)))) }
        for id in ids.prefix(5) { window.markBounce(id) }
        #expect(window.bounceRate == 0.005)
        var weekTwo: [Int64] = []
        for index in 0..<5 { weekTwo.append(window.append(at: .start + .days(7) + .seconds(Int64(index)))) }
        window.markBounce(weekTwo[0])
        window.advance(to: .start + .days(13))
        #expect(window.size == 1_005)
        #expect(abs(window.bounceRate - 6.0 / 1_005) < 1e-12)
        // A fixed one-week window would read 1 of 5.
        #expect(window.comparisonBounceRate == 0.2)
    }

    @Test func theVolumeFollowsTheTrailingPeriodButNeverFallsBelowTheMinimum() {
        var window = Self.window(minimum: 10, period: .days(1))
        for index in 0..<100 { _ = window.append(at: .start + .minutes(Int64(index))) }
        #expect(window.size == 100)
        window.advance(to: .start + .days(1) + .minutes(50))
        #expect(window.size == 49, "messages sent in the last day: minutes 51 to 99")
        window.advance(to: .start + .days(3))
        #expect(window.size == 10, "the minimum: the 10 most recent")
    }

    @Test func aBounceForAMessageThatLeftTheWindowDoesNotCount() {
        var window = Self.window(minimum: 3, period: .hours(1))
        let first = window.append(at: .start)
        let second = window.append(at: .start + .minutes(1))
        for index in 2..<6 { _ = window.append(at: .start + .minutes(Int64(index))) }
        window.advance(to: .start + .hours(2))
        #expect(window.size == 3)
        window.markBounce(first)
        #expect(window.bounces == 0)
        let recent = window.append(at: .start + .hours(2))
        window.markBounce(recent)
        #expect(window.bounces == 1)
        // A bounce inside the window leaves with its message.
        _ = second
        for index in 0..<3 { _ = window.append(at: .start + .hours(3) + .seconds(Int64(index))) }
        #expect(window.bounces == 0)
    }

    @Test func complaintsAreOverDeliveriesToFeedbackLoopProviders() {
        var window = Self.window(minimum: 1)
        let ids = (0..<10).map { window.append(at: .start + .seconds(Int64($0))) }
        for id in ids.prefix(4) { window.markFeedbackLoopDelivery(id) }
        window.markComplaint(ids[0])
        #expect(window.complaintRate == 0.25)
        // A complaint about a message to a provider without a feedback loop never arrives; if marked, it does not count.
        window.markComplaint(ids[9])
        #expect(window.complaintRate == 0.25)
    }
}

@Suite("Enforcement status")
struct EnforcementTests {
    static func machine(pauseImmediately: Bool = false) -> EnforcementMachine {
        var parameters = ReputationParameters()
        parameters.reviewPeriod = .days(7)
        parameters.pauseImmediately = pauseImmediately
        return EnforcementMachine(parameters: parameters)
    }

    @Test func nothingHappensBelowTheMinimumVolume() {
        var machine = Self.machine()
        let result1 = machine.evaluate(
            bounceRate: 0.5, complaintRate: 0.5, hasMinimumVolume: false, at: .start)
        #expect(result1 == nil)
        #expect(machine.status == .healthy)
    }

    @Test func aReviewEndsHealthyWhenTheRatesFell() {
        var machine = Self.machine()
        let end = machine.evaluate(bounceRate: 0.07, complaintRate: 0, hasMinimumVolume: true, at: .start)
        #expect(end == .start + .days(7))
        #expect(machine.status == .probation)
        #expect(machine.metricStatus(bounce: true, rate: 0.07) == .underReview)
        #expect(machine.metricStatus(bounce: true, rate: 0.02) == .almostHealed)
        #expect(machine.metricStatus(bounce: false, rate: 0) == .healthy)
        let result2 = machine.reviewEnded(bounceRate: 0.02, complaintRate: 0, at: .start + .days(7))
        #expect(result2 == nil)
        #expect(machine.status == .healthy)
        #expect(machine.changes.map(\.to) == [.probation, .healthy])
        #expect(machine.changes[0].reason == "bounce rate 7% ≥ 5%")
    }

    @Test func aReviewEndsInShutdownAtThePauseLevels() {
        var machine = Self.machine()
        _ = machine.evaluate(bounceRate: 0, complaintRate: 0.002, hasMinimumVolume: true, at: .start)
        let result3 = machine.reviewEnded(bounceRate: 0, complaintRate: 0.006, at: .start + .days(7))
        #expect(result3 == nil)
        #expect(machine.status == .shutdown)
        #expect(machine.metricStatus(bounce: false, rate: 0.006) == .sendingPause)
        #expect(machine.changes.last?.reason == "complaint rate 0.6% ≥ 0.5%")
    }

    @Test func aReviewEndsInAnotherReviewBetweenTheLevels() {
        var machine = Self.machine()
        _ = machine.evaluate(bounceRate: 0.06, complaintRate: 0, hasMinimumVolume: true, at: .start)
        let next = machine.reviewEnded(bounceRate: 0.06, complaintRate: 0, at: .start + .days(7))
        #expect(next == .start + .days(14))
        #expect(machine.status == .probation)
        #expect(machine.changes.count == 2)
        let result4 = machine.reviewEnded(bounceRate: 0.06, complaintRate: 0, at: .start + .days(8))
        #expect(result4 == nil, "not the review's end")
    }

    @Test func sesCanPauseAtOnce() {
        var machine = Self.machine(pauseImmediately: true)
        let result5 = machine.evaluate(bounceRate: 0.11, complaintRate: 0, hasMinimumVolume: true, at: .start)
        #expect(result5 == nil)
        #expect(machine.status == .shutdown)
        #expect(machine.changes.map(\.from) == [.healthy])
    }
}

@Suite("Alarms")
struct AlarmTests {
    static func alarm(evaluationPeriods: Int, datapointsToAlarm: Int) -> AlarmRuntime {
        AlarmRuntime(
            definition: AlarmDefinition(
                name: "bounces", metric: .bounceRate, configurationSet: nil,
                comparison: .greaterThanOrEqualToThreshold,
                threshold: 0.05, period: .minutes(5), evaluationPeriods: evaluationPeriods,
                datapointsToAlarm: datapointsToAlarm, actions: []),
            configurationSet: nil)
    }

    @Test func mOutOfNDatapointsTriggerTheAlarm() {
        var alarm = Self.alarm(evaluationPeriods: 3, datapointsToAlarm: 2)
        let result6 = alarm.record(0.06, at: .start + .minutes(5))
        #expect(!result6)
        #expect(alarm.state == .ok)
        let result7 = alarm.record(0.01, at: .start + .minutes(10))
        #expect(!result7)
        let result8 = alarm.record(0.05, at: .start + .minutes(15))
        #expect(result8)
        #expect(alarm.state == .alarm)
        let result9 = alarm.record(0.07, at: .start + .minutes(20))
        #expect(!result9, "already in ALARM: no new transition")
        #expect(alarm.state == .alarm)
        let staying = alarm.record(0.01, at: .start + .minutes(25))
        #expect(!staying)
        #expect(alarm.state == .alarm, "0.05 and 0.07 are two of the last three")
        let result10 = alarm.record(0.01, at: .start + .minutes(30))
        #expect(!result10)
        #expect(alarm.state == .ok)
        #expect(alarm.transitions.map(\.to) == [.ok, .alarm, .ok])
    }

    @Test func missingDataIsInsufficientData() {
        var alarm = Self.alarm(evaluationPeriods: 2, datapointsToAlarm: 1)
        let result11 = alarm.record(nil, at: .start + .minutes(5))
        #expect(!result11)
        #expect(alarm.state == .insufficientData)
        #expect(alarm.transitions.isEmpty)
        let result12 = alarm.record(0.2, at: .start + .minutes(10))
        #expect(result12)
    }
}

@Suite("What counts in reputation")
struct ReputationEligibilityTests {
    static func behavior(_ configure: (inout RecipientBehavior) -> Void) -> RecipientBehavior {
        var behavior = RecipientBehavior()
        behavior.deliveryDelay = Pipeline.constant(.seconds(1))
        configure(&behavior)
        return behavior
    }

    @Test func theMailboxSimulatorAndVerifiedDomainsDoNotCount() throws {
        var simulation = Pipeline.simulation()
        try Pipeline.send(
            &simulation, to: ["bounce@simulator.amazonses.com", "complaint@simulator.amazonses.com"],
            at: .start)
        try Pipeline.send(&simulation, to: ["colleague@example.com"], at: .start)
        try Pipeline.send(&simulation, to: ["customer@example.net"], at: .start)
        simulation.run(until: .start + .hours(1))
        let rates = simulation.model.service.accountReputation
        #expect(rates.volume == 1, "only the unverified, non-simulator recipient counts")
        #expect(rates.bounceRate == 0)
    }

    @Test func hardAndGlobalSuppressionBouncesCountButNotAccountSuppressionOrTransientBounces() throws {
        let invalid = Self.behavior { $0.hardBounce = 1 }
        let global = Self.behavior { $0.globalSuppression = 1 }
        let full = Self.behavior {
            $0.deferral = 1
            $0.deferralTypes = [(.mailboxFull, 1)]
        }
        var suppression = SuppressionList(enabled: false)
        suppression.reasons = []
        var simulation = Pipeline.simulation(
            audiences: [
                ("invalid", 10, [ProviderShare(domain: "dead.example", share: 1, behavior: invalid)]),
                ("global", 10, [ProviderShare(domain: "global.example", share: 1, behavior: global)]),
                ("full", 10, [ProviderShare(domain: "full.example", share: 1, behavior: full)]),
            ],
            configurationSets: [ConfigurationSet(name: "short", maximumDeliveryTime: .minutes(5))],
            suppression: suppression)
        try Pipeline.sendToMember(&simulation, audience: 0, member: 0, at: .start)
        try Pipeline.sendToMember(&simulation, audience: 1, member: 0, at: .start)
        try Pipeline.sendToMember(&simulation, audience: 2, member: 0, at: .start, configurationSet: "short")
        simulation.run(until: .start + .hours(1))
        let bounces = simulation.model.service.counters.bounces
        #expect(bounces["Permanent/Suppressed"] == 1)
        #expect(bounces["Transient/MailboxFull"] == 1)
        let rates = simulation.model.service.accountReputation
        #expect(rates.volume == 3)
        #expect(rates.bounceRate == 2.0 / 3.0, "the hard bounce and the global-suppression bounce")
    }

    @Test func accountSuppressedSendsAreNotCounted() throws {
        var simulation = Pipeline.simulation(suppression: SuppressionList(addresses: ["gone@example.net"]))
        try Pipeline.send(&simulation, to: ["gone@example.net"], at: .start)
        simulation.run(until: .start + .hours(1))
        #expect(simulation.model.service.counters.bounces["Permanent/OnAccountSuppressionList"] == 1)
        #expect(simulation.model.service.accountReputation.volume == 0)
    }

    @Test func onlyFeedbackLoopComplaintsCountOverFeedbackLoopDeliveries() throws {
        let yahoo = Self.behavior {
            $0.complaint = 1
            $0.complaintDelay = Pipeline.constant(.minutes(1))
        }
        var gmail = yahoo
        gmail.feedbackLoop = false
        var simulation = Pipeline.simulation(
            audiences: [
                ("yahoo", 10, [ProviderShare(domain: "yahoo.com", share: 1, behavior: yahoo)]),
                ("gmail", 10, [ProviderShare(domain: "gmail.com", share: 1, behavior: gmail)]),
            ])
        for member in 0..<2 {
            try Pipeline.sendToMember(&simulation, audience: 0, member: member, at: .start)
        }
        for member in 0..<3 {
            try Pipeline.sendToMember(&simulation, audience: 1, member: member, at: .start)
        }
        simulation.run(until: .start + .hours(1))
        let rates = simulation.model.service.accountReputation
        #expect(rates.volume == 5)
        #expect(
            rates.complaintRate == 1, "2 complaints over 2 feedback-loop deliveries; Gmail's 3 are invisible")
    }

    @Test func aFreshStartResetsTheSetsWindowButNotTheAccounts() throws {
        let invalid = Self.behavior { $0.hardBounce = 1 }
        var simulation = Pipeline.simulation(
            audiences: [
                ("invalid", 10, [ProviderShare(domain: "dead.example", share: 1, behavior: invalid)])
            ],
            configurationSets: [ConfigurationSet(name: "risky", reputationMetricsEnabled: true)])
        for member in 0..<4 {
            try Pipeline.sendToMember(
                &simulation, audience: 0, member: member, at: .start, configurationSet: "risky")
        }
        simulation.run(until: .start + .hours(1))
        #expect(simulation.model.service.configurationSetReputation(0).volume == 4)
        try simulation.model.service.updateConfigurationSetSendingEnabled(
            named: "risky", enabled: false, at: .start + .hours(1))
        try simulation.model.service.updateConfigurationSetSendingEnabled(
            named: "risky", enabled: true, at: .start + .hours(1) + .seconds(1))
        #expect(simulation.model.service.configurationSetReputation(0).volume == 0)
        #expect(simulation.model.service.accountReputation.volume == 4)
        #expect(simulation.model.service.accountReputation.bounceRate == 1)
        #expect(
            simulation.model.service.account.configurationSets[0].lastFreshStart == .start + .hours(1)
                + .seconds(1))
    }
}
