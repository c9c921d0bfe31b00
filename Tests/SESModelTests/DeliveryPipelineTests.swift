import SESEvents
import SimCore
import Testing

@testable import SESModel

@Suite("Delivery pipeline")
struct DeliveryPipelineTests {
    static func behavior(_ configure: (inout RecipientBehavior) -> Void) -> RecipientBehavior {
        var behavior = RecipientBehavior()
        behavior.deliveryDelay = Pipeline.constant(.seconds(2))
        configure(&behavior)
        return behavior
    }

    @Test func deferredAttemptsRetryOnScheduleThenExpireAsTransientBounces() throws {
        var parameters = DeliveryParameters()
        parameters.processingTime = Pipeline.constant(.seconds(1))
        let alwaysFull = Self.behavior {
            $0.deferral = 1
            $0.deferralTypes = [(.mailboxFull, 1)]
        }
        var simulation = Pipeline.simulation(
            audiences: [("full", 10, [ProviderShare(domain: "example.org", share: 1, behavior: alwaysFull)])],
            configurationSets: [ConfigurationSet(name: "short", maximumDeliveryTime: .hours(1))], parameters: parameters)
        try Pipeline.sendToMember(&simulation, audience: 0, member: 3, at: .start, configurationSet: "short")
        simulation.run(until: .start + .hours(2))
        let events = simulation.model.events
        let delays = events.filter { $0.type == .deliveryDelay }
        // Attempts at 1s + 2s, then +5m, +10m, +20m (each plus the 2s answer); the next
        // (+40m) would pass the hour, so the message expires at the hour.
        let expected: [SimDuration] = [
            .seconds(3), .seconds(3) + .minutes(5) + .seconds(2), .seconds(7) + .minutes(15),
            .seconds(9) + .minutes(35),
        ]
        #expect(delays.map { $0.time.sinceStart } == expected)
        for delay in delays {
            guard case .deliveryDelay(let detail) = delay.detail else { continue }
            #expect(detail.delayType == .mailboxFull)
            #expect(detail.expirationTime == .start + .hours(1))
            #expect(detail.delayedRecipients.first?.status == "4.2.2")
        }
        let last = try #require(events.last)
        #expect(last.time == .start + .hours(1))
        guard case .bounce(let bounce) = last.detail else {
            Issue.record("the message did not end in a bounce")
            return
        }
        #expect(bounce.bounceType == .transient && bounce.bounceSubType == .mailboxFull)
        #expect(simulation.model.settlements.map(\.outcome) == [.softBounce])
        #expect(simulation.model.service.counters.retries == 3)
        #expect(simulation.model.violations.isEmpty)
    }

    @Test func aHardBounceSuppressesTheAddressForLaterSends() throws {
        let invalid = Self.behavior { $0.hardBounce = 1 }
        var simulation = Pipeline.simulation(
            audiences: [("dead", 5, [ProviderShare(domain: "example.org", share: 1, behavior: invalid)])])
        try Pipeline.sendToMember(&simulation, audience: 0, member: 1, at: .start)
        simulation.run(until: .start + .minutes(1))
        let address = simulation.model.service.audiences[0].address(of: 1)
        #expect(simulation.model.service.account.suppressionList.contains(address))
        try Pipeline.sendToMember(&simulation, audience: 0, member: 1, cycle: 1, at: .start + .minutes(2))
        simulation.run(until: .start + .minutes(5))
        let bounces = simulation.model.events(to: address).compactMap { event -> Bounce? in
            if case .bounce(let bounce) = event.detail { return bounce }
            return nil
        }
        #expect(bounces.map(\.bounceType) == [.permanent, .permanent])
        #expect([BounceSubType.noEmail, .general].contains(bounces[0].bounceSubType))
        #expect(bounces[1].bounceSubType == .onAccountSuppressionList)
        #expect(
            bounces[1].bouncedRecipients.first?.diagnosticCode
                == "Amazon SES did not send the message to this address because it is on the suppression list for your account.")
        #expect(simulation.model.settlements.map(\.outcome) == [.hardBounce, .suppressed])
        #expect(simulation.model.service.counters.deliveryAttempts == 1, "a suppressed send is not attempted")
    }

    @Test func aRenderingFailureEndsTheMessageWithSESsMessage() throws {
        var simulation = Pipeline.simulation()
        _ = try simulation.model.service.sendTemplatedEmail(
            SendTemplatedEmailRequest(
                source: "news@example.com", destination: Destination(toAddresses: ["a@example.net"]),
                template: "welcome", templateData: #"{"nickname":"Ana"}"#),
            origin: MessageOrigin(token: 0), at: .start)
        simulation.model.drain(&simulation.queue)
        simulation.run(until: .start + .minutes(1))
        #expect(simulation.model.events.map(\.type) == [.send, .renderingFailure])
        guard case .renderingFailure(let failure) = simulation.model.events[1].detail else { return }
        #expect(failure.templateName == "welcome")
        #expect(failure.errorMessage == "Attribute 'name' is not present in the rendering data.")
        #expect(simulation.model.settlements.map(\.outcome) == [.renderingFailure])
    }

    @Test func theRenderedSubjectAppearsAfterTheSendEvent() throws {
        var simulation = Pipeline.simulation()
        _ = try simulation.model.service.sendTemplatedEmail(
            SendTemplatedEmailRequest(
                source: "news@example.com", destination: Destination(toAddresses: ["success@simulator.amazonses.com"]),
                template: "welcome", templateData: #"{"name":"Ana"}"#),
            origin: MessageOrigin(token: 0), at: .start)
        simulation.model.drain(&simulation.queue)
        simulation.run(until: .start + .minutes(1))
        #expect(simulation.model.events.map(\.type) == [.send, .delivery])
        #expect(simulation.model.events[0].mail.commonHeaders.subject == nil)
        #expect(simulation.model.events[1].mail.commonHeaders.subject == "Welcome, Ana")
    }

    @Test func theEICARStringIsRejectedAsAVirus() throws {
        var simulation = Pipeline.simulation()
        try Pipeline.send(
            &simulation, to: ["a@example.net"], at: .start, text: "see " + DeliveryParameters.eicarSignature)
        simulation.run(until: .start + .minutes(1))
        #expect(simulation.model.events.map(\.type) == [.send, .reject])
        guard case .reject(let reject) = simulation.model.events[1].detail else { return }
        #expect(reject.reason == "Bad content")
        #expect(simulation.model.settlements.map(\.outcome) == [.rejected])
        #expect(simulation.model.service.account.statistics.dataPoints(at: .start + .minutes(1)).map(\.rejects) == [1])
    }

    @Test func opensAndClicksNeedAConfigurationSetThatPublishesThem() throws {
        let engaged = Self.behavior {
            $0.open = 1
            $0.click = 1
            $0.openDelay = Pipeline.constant(.minutes(10))
            $0.clickDelay = Pipeline.constant(.minutes(20))
        }
        let tracking = ConfigurationSet(
            name: "tracked",
            eventDestinations: [
                EventDestination(
                    name: "all", enabled: true, matchingTypes: .all, kind: .firehose(deliveryStream: "events"))
            ])
        var simulation = Pipeline.simulation(
            audiences: [("readers", 10, [ProviderShare(domain: "example.org", share: 1, behavior: engaged)])],
            configurationSets: [tracking])
        try Pipeline.sendToMember(&simulation, audience: 0, member: 1, at: .start)
        try Pipeline.sendToMember(&simulation, audience: 0, member: 2, at: .start, configurationSet: "tracked")
        simulation.run(until: .start + .hours(1))
        let untracked = simulation.model.events(to: simulation.model.service.audiences[0].address(of: 1))
        let tracked = simulation.model.events(to: simulation.model.service.audiences[0].address(of: 2))
        #expect(untracked.map(\.type) == [.send, .delivery])
        #expect(tracked.map(\.type) == [.send, .delivery, .open, .click])
        guard case .click(let click) = tracked[3].detail else { return }
        #expect(click.link == "https://example.com/x")
        #expect(simulation.model.service.messagesInFlight == 0)
    }

    @Test func complaintsFromProvidersWithoutAFeedbackLoopNeverReachSES() throws {
        let complainer = Self.behavior {
            $0.complaint = 1
            $0.complaintDelay = Pipeline.constant(.minutes(1))
        }
        var gmail = complainer
        gmail.feedbackLoop = false
        var simulation = Pipeline.simulation(
            audiences: [
                ("fbl", 10, [ProviderShare(domain: "yahoo.com", share: 1, behavior: complainer)]),
                ("nofbl", 10, [ProviderShare(domain: "gmail.com", share: 1, behavior: gmail)]),
            ])
        try Pipeline.sendToMember(&simulation, audience: 0, member: 1, at: .start)
        try Pipeline.sendToMember(&simulation, audience: 1, member: 1, at: .start)
        simulation.run(until: .start + .hours(1))
        #expect(simulation.model.events.filter { $0.type == .complaint }.count == 1)
        #expect(simulation.model.service.counters.unreportedComplaints == 1)
        let yahooAddress = simulation.model.service.audiences[0].address(of: 1)
        #expect(simulation.model.service.account.suppressionList.contains(yahooAddress))
    }
}

@Suite("Delivery outcomes are keyed by recipient")
struct KeyedOutcomeTests {
    static let mixed: RecipientBehavior = {
        var behavior = RecipientBehavior()
        behavior.hardBounce = 0.05
        behavior.deferral = 0.2
        behavior.complaint = 0.01
        behavior.open = 0.3
        behavior.click = 0.1
        return behavior
    }()

    static let tracked = ConfigurationSet(
        name: "tracked",
        eventDestinations: [
            EventDestination(name: "all", enabled: true, matchingTypes: .all, kind: .firehose(deliveryStream: "events"))
        ])

    /// Per address of audience 0, the types of its events.
    static func outcomes(withUnrelatedCampaignFirst: Bool) throws -> [String: [EventType]] {
        var simulation = Pipeline.simulation(
            audiences: [
                ("customers", 2_000, [ProviderShare(domain: "example.org", share: 1, behavior: mixed)]),
                ("prospects", 2_000, [ProviderShare(domain: "example.net", share: 1, behavior: mixed)]),
            ],
            configurationSets: [tracked])
        if withUnrelatedCampaignFirst {
            for member in 0..<300 {
                try Pipeline.sendToMember(&simulation, audience: 1, member: member, at: .start, configurationSet: "tracked")
            }
        }
        for member in 0..<500 {
            try Pipeline.sendToMember(&simulation, audience: 0, member: member, at: .start, configurationSet: "tracked")
        }
        simulation.run(until: .start + .days(5))
        var byAddress: [String: [EventType]] = [:]
        for event in simulation.model.events where event.mail.destination[0].hasSuffix("@example.org") {
            byAddress[event.mail.destination[0], default: []].append(event.type)
        }
        return byAddress
    }

    @Test func outcomesAreUnchangedWhenAnUnrelatedCampaignIsAdded() throws {
        let alone = try Self.outcomes(withUnrelatedCampaignFirst: false)
        let together = try Self.outcomes(withUnrelatedCampaignFirst: true)
        #expect(alone.count == 500)
        #expect(alone == together)
        // And the outcomes are varied enough for the comparison to mean something.
        #expect(alone.values.contains { $0.contains(.bounce) } && alone.values.contains { $0.contains(.open) })
    }

    @Test func outcomeFrequenciesMatchTheirProbabilitiesOver100000Recipients() throws {
        var behavior = Self.mixed
        behavior.deliveryDelay = Pipeline.constant(.seconds(1))
        behavior.openDelay = Pipeline.constant(.hours(1))
        behavior.clickDelay = Pipeline.constant(.hours(2))
        behavior.complaintDelay = Pipeline.constant(.hours(3))
        var parameters = DeliveryParameters()
        parameters.processingTime = Pipeline.constant(.milliseconds(100))
        let size = 100_000
        var simulation = Pipeline.simulation(
            audiences: [("large", size, [ProviderShare(domain: "example.org", share: 1, behavior: behavior)])],
            configurationSets: [Self.tracked], parameters: parameters)
        for member in 0..<size {
            try Pipeline.sendToMember(&simulation, audience: 0, member: member, at: .start, configurationSet: "tracked")
        }
        simulation.run(until: .start + .days(10))
        let counters = simulation.model.service.counters
        func within(_ observed: Int, _ probability: Double, of trials: Int) -> Bool {
            let expected = probability * Double(trials)
            let sigma = (Double(trials) * probability * (1 - probability)).squareRoot()
            return abs(Double(observed) - expected) < 5 * sigma
        }
        let hardBounces = counters.outcomes[.hardBounce] ?? 0
        let delivered = counters.outcomes[.delivered] ?? 0
        #expect(within(hardBounces, 0.05, of: size), "hard bounces \(hardBounces)")
        #expect(hardBounces + delivered + (counters.outcomes[.softBounce] ?? 0) == size)
        // Deferrals per attempt: every attempt of a deliverable recipient defers with p = 0.2.
        let attempts = counters.deliveryAttempts + counters.retries
        #expect(within(counters.deferrals.values.reduce(0, +), 0.2, of: attempts - hardBounces))
        #expect(within(counters.events(.complaint), 0.01, of: delivered))
        #expect(within(counters.events(.open), 0.3, of: delivered))
        #expect(within(counters.events(.click), 0.1, of: delivered))
        #expect(simulation.model.violations.isEmpty)
        #expect(simulation.model.service.messagesInFlight == 0)
    }
}
