import SESEvents
import SimCore
import Testing

@testable import SESModel

@Suite("Mailbox simulator")
struct MailboxSimulatorTests {
    func run(_ address: String) throws -> (ServiceDriver, [SESEvent]) {
        var simulation = Pipeline.simulation()
        try Pipeline.send(&simulation, to: [address], at: .start)
        simulation.run(until: .start + .minutes(5))
        #expect(simulation.model.violations.isEmpty)
        return (simulation.model, simulation.model.events(to: address))
    }

    @Test func successIsDelivered() throws {
        let (driver, events) = try run("success@simulator.amazonses.com")
        #expect(events.map(\.type) == [.send, .delivery])
        guard case .delivery(let delivery) = events[1].detail else { return }
        #expect(delivery.recipients == ["success@simulator.amazonses.com"])
        #expect(delivery.smtpResponse.wholeMatch(of: /250 ok:  Message [0-9]{8} accepted/) != nil)
        #expect(delivery.processingTimeMillis > 0 && delivery.processingTimeMillis < 30_000)
        #expect(events[1].mail.outgoingIp != nil, "delivery-side events carry ses:outgoing-ip")
        #expect(events[0].mail.outgoingIp == nil)
        #expect(driver.settlements.map(\.outcome) == [.delivered])
    }

    @Test func bounceIsAPermanentGeneralBounceNotSuppressed() throws {
        let (driver, events) = try run("bounce@simulator.amazonses.com")
        #expect(events.map(\.type) == [.send, .bounce])
        guard case .bounce(let bounce) = events[1].detail else { return }
        #expect(bounce.bounceType == .permanent && bounce.bounceSubType == .general)
        #expect(
            bounce.bouncedRecipients == [
                BouncedRecipient(
                    emailAddress: "bounce@simulator.amazonses.com", action: "failed", status: "5.1.1",
                    diagnosticCode: "smtp; 550 5.1.1 user unknown")
            ])
        #expect(bounce.reportingMTA?.hasPrefix("dsn; ") == true)
        #expect(!driver.service.account.suppressionList.contains("bounce@simulator.amazonses.com"))
        #expect(driver.service.account.statistics.dataPoints(at: .start + .minutes(5)).allSatisfy { $0.bounces == 0 })
    }

    @Test func labelledAddressesBehaveLikeTheirBase() throws {
        let (_, events) = try run("bounce+run42@simulator.amazonses.com")
        #expect(events.map(\.type) == [.send, .bounce])
    }

    @Test func outOfOfficeIsDeliveredThenAutoReplies() throws {
        let (driver, events) = try run("ooto@simulator.amazonses.com")
        #expect(events.map(\.type) == [.send, .delivery, .bounce])
        guard case .bounce(let bounce) = events[2].detail else { return }
        #expect(bounce.bounceType == .transient && bounce.bounceSubType == .general)
        #expect(bounce.bouncedRecipients == [BouncedRecipient(emailAddress: "ooto@simulator.amazonses.com")])
        #expect(driver.settlements.map(\.outcome) == [.delivered])
    }

    @Test func complaintIsDeliveredThenComplainedAbout() throws {
        let (driver, events) = try run("complaint@simulator.amazonses.com")
        #expect(events.map(\.type) == [.send, .delivery, .complaint])
        guard case .complaint(let complaint) = events[2].detail else { return }
        #expect(complaint.complaintFeedbackType == "abuse")
        #expect(complaint.complainedRecipients == ["complaint@simulator.amazonses.com"])
        #expect(!driver.service.account.suppressionList.contains("complaint@simulator.amazonses.com"))
    }

    @Test func suppressionListIsAPermanentSuppressedBounce() throws {
        let (_, events) = try run("suppressionlist@simulator.amazonses.com")
        #expect(events.map(\.type) == [.send, .bounce])
        guard case .bounce(let bounce) = events[1].detail else { return }
        #expect(bounce.bounceType == .permanent && bounce.bounceSubType == .suppressed)
    }

    @Test func simulatorAnswersComeInAboutOneToThreeSeconds() throws {
        var simulation = Pipeline.simulation()
        for index in 0..<200 {
            try Pipeline.send(&simulation, to: ["success+\(index)@simulator.amazonses.com"], at: .start)
        }
        simulation.run(until: .start + .minutes(1))
        let delays = simulation.model.events.compactMap { event -> Double? in
            guard case .delivery(let delivery) = event.detail else { return nil }
            return Double(delivery.processingTimeMillis) / 1_000
        }
        #expect(delays.count == 200)
        let sorted = delays.sorted()
        #expect(sorted[100] > 1 && sorted[100] < 3, "median \(sorted[100])")
    }
}
