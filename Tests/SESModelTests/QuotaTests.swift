import SESEvents
import SimCore
import Testing

@testable import SESModel

@Suite("Quotas and the send rate")
struct QuotaTests {
    @Test func theSandboxRefusesThe201stMessageUntil24HoursAfterTheFirst() throws {
        var account = Fixtures.account(sandbox: true, identities: ["example.com"])
        for second in 0..<200 {
            _ = try account.sendEmail(
                Fixtures.email(to: ["user@example.com"]), at: Fixtures.at(seconds: Double(second)))
        }
        #expect(throws: SESError(.throttling, "Daily message quota exceeded.")) {
            try account.sendEmail(Fixtures.email(to: ["user@example.com"]), at: Fixtures.at(seconds: 200))
        }
        #expect(throws: SESError(.throttling, "Daily message quota exceeded.")) {
            try account.sendEmail(
                Fixtures.email(to: ["user@example.com"]), at: .start + .hours(24) - .init(microseconds: 1))
        }
        _ = try account.sendEmail(Fixtures.email(to: ["user@example.com"]), at: .start + .hours(24))
        #expect(try account.getSendQuota(at: .start + .hours(24)).sentLast24Hours == 200)
    }

    @Test func mailboxSimulatorRecipientsBypassTheDailyQuotaButNotTheRate() throws {
        var account = Fixtures.account(sandbox: true, identities: ["example.com"])
        for second in 0..<200 {
            _ = try account.sendEmail(
                Fixtures.email(to: ["user@example.com"]), at: Fixtures.at(seconds: Double(second)))
        }
        let simulator = Fixtures.email(to: ["success@simulator.amazonses.com"])
        _ = try account.sendEmail(simulator, at: Fixtures.at(seconds: 200))
        #expect(throws: SESError(.throttling, "Maximum sending rate exceeded.")) {
            try account.sendEmail(simulator, at: Fixtures.at(seconds: 200.5))
        }
        _ = try account.sendEmail(simulator, at: Fixtures.at(seconds: 201))
        #expect(try account.getSendQuota(at: Fixtures.at(seconds: 202)).sentLast24Hours == 200)
    }

    @Test func aBulkCallEverySecondAt14PerSecondAcceptsFourteenAndRecovers() throws {
        var account = Fixtures.account(maximumSendRate: 14)
        try account.addTemplate(Fixtures.welcome)
        let recipients = (0..<50).map { "user\($0)@example.com" }
        for second in 0..<3 {
            let result = try account.sendBulkTemplatedEmail(
                Fixtures.bulk(recipients), at: Fixtures.at(seconds: Double(second)))
            #expect(result.entries.prefix(14).allSatisfy { $0.status == .success && $0.messageId != nil })
            #expect(
                result.entries.dropFirst(14).allSatisfy {
                    $0.status == .accountThrottled && $0.error == "Maximum sending rate exceeded."
                        && $0.messageId == nil
                })
            #expect(result.accepted.count == 14)
        }
        // Half a second later only 7 tokens have come back.
        let half = try account.sendBulkTemplatedEmail(
            Fixtures.bulk(recipients), at: Fixtures.at(seconds: 2.5))
        #expect(half.accepted.count == 7)
        // After a quiet period the bucket is full again, and no fuller.
        let recovered = try account.sendBulkTemplatedEmail(
            Fixtures.bulk(recipients), at: Fixtures.at(seconds: 60))
        #expect(recovered.accepted.count == 14)
        #expect(account.acceptedCount == 14 * 3 + 7 + 14)
    }

    @Test func aMultiRecipientMessageOverdrawsTheRateAndLaterCallsWait() throws {
        var account = Fixtures.account(maximumSendRate: 14)
        let fifty = (0..<50).map { "user\($0)@example.com" }
        _ = try account.sendEmail(Fixtures.email(to: fifty), at: .start)
        for second in [1.0, 2.0] {
            #expect(throws: SESError(.throttling, "Maximum sending rate exceeded.")) {
                try account.sendEmail(Fixtures.email(to: ["a@example.com"]), at: Fixtures.at(seconds: second))
            }
        }
        // 50 − 14 = 36 tokens of debt, repaid at 14 a second: one token is back
        // at 37/14 s, rounded up to the microsecond.
        let ready = TokenBucketProbe.microsecondsUntilOneToken(debt: 36, rate: 14)
        #expect(ready == 2_642_858)
        #expect(throws: SESError.self) {
            try account.sendEmail(
                Fixtures.email(to: ["a@example.com"]), at: .start + .init(microseconds: ready - 1))
        }
        _ = try account.sendEmail(
            Fixtures.email(to: ["a@example.com"]), at: .start + .init(microseconds: ready))
    }

    @Test func fiftyDestinationsAreAcceptedAndFiftyOneRefusedWithNothingSent() throws {
        var account = Fixtures.account(maximumSendRate: 100)
        try account.addTemplate(Fixtures.welcome)
        let fiftyOne = (0..<51).map { "user\($0)@example.com" }
        #expect(
            throws: SESError(
                .invalidParameterValue,
                "Too many destinations: SendBulkTemplatedEmail accepts at most 50 destinations per call.")
        ) {
            try account.sendBulkTemplatedEmail(Fixtures.bulk(fiftyOne), at: .start)
        }
        #expect(account.acceptedCount == 0)
        #expect(account.sentLast24Hours(at: .start) == 0)
        let result = try account.sendBulkTemplatedEmail(Fixtures.bulk(Array(fiftyOne.prefix(50))), at: .start)
        #expect(result.entries.count == 50 && result.entries.allSatisfy { $0.status == .success })
        #expect(account.sentLast24Hours(at: .start) == 50)
    }

    @Test func aMessageToMoreThanFiftyRecipientsIsRefused() {
        var account = Fixtures.account()
        let recipients = (0..<51).map { "user\($0)@example.com" }
        #expect(throws: SESError(.invalidParameterValue, "Recipient count exceeds 50.")) {
            try account.sendEmail(Fixtures.email(to: recipients), at: .start)
        }
    }

    @Test func theRollingWindowCountsExactlyTheLast24Hours() {
        var window = RollingQuotaWindow()
        window.record(3, at: .start)
        window.record(2, at: .start + .hours(1))
        #expect(window.total(at: .start + .hours(24) - .init(microseconds: 1)) == 5)
        #expect(window.total(at: .start + .hours(24)) == 2)
        #expect(window.total(at: .start + .hours(25)) == 0)
    }

    @Test func controlPlaneCallsAreLimitedToOnePerSecondPerAction() throws {
        var account = Fixtures.account()
        try account.updateAccountSendingEnabled(false, at: .start)
        #expect(throws: SESError(.throttling, "Rate exceeded")) {
            try account.updateAccountSendingEnabled(true, at: .start + .milliseconds(500))
        }
        _ = try account.getSendQuota(at: .start + .milliseconds(500))
        try account.updateAccountSendingEnabled(true, at: .start + .seconds(1))
        #expect(account.sendingEnabled)
    }

    @Test func getSendQuotaReportsTheDefaults() throws {
        var sandbox = Fixtures.account(sandbox: true)
        #expect(
            try sandbox.getSendQuota(at: .start)
                == SendQuota(maximum24HourSend: 200, maximumSendRate: 1, sentLast24Hours: 0))
        var production = Fixtures.account()
        #expect(
            try production.getSendQuota(at: .start)
                == SendQuota(maximum24HourSend: 50_000, maximumSendRate: 14, sentLast24Hours: 0))
    }

    @Test func anUnlimitedDailyQuotaNeverRefuses() throws {
        var account = Fixtures.account(maximum24HourSend: -1, maximumSendRate: 1_000_000)
        for index in 0..<60_000 {
            _ = try account.sendEmail(Fixtures.email(to: ["u\(index)@example.com"]), at: .start)
        }
        #expect(account.sentLast24Hours(at: .start) == 60_000)
    }
}

/// The arithmetic the token bucket should follow, stated independently.
enum TokenBucketProbe {
    static func microsecondsUntilOneToken(debt: Int64, rate: Int64) -> Int64 {
        ((debt + 1) * 1_000_000 + rate - 1) / rate
    }
}
