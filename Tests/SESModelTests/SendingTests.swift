import SESEvents
import SimCore
import Testing

@testable import SESModel

@Suite("Sending calls")
struct SendingTests {
    @Test func anUnverifiedSourceIsRejectedListingTheIdentities() {
        var account = Fixtures.account(identities: ["other.org"])
        #expect(
            throws: SESError(
                .messageRejected,
                "Email address is not verified. The following identities failed the check in region "
                    + "US-EAST-1: Sender <sender@example.com>, sender@example.com")
        ) {
            try account.sendEmail(Fixtures.email(to: ["a@other.org"]), at: .start)
        }
    }

    @Test func theSandboxRejectsUnverifiedRecipientsButNotTheSimulator() throws {
        var account = Fixtures.account(sandbox: true, identities: ["example.com"])
        #expect(
            throws: SESError(
                .messageRejected,
                "Email address is not verified. The following identities failed the check in region "
                    + "US-EAST-1: friend@gmail.com")
        ) {
            try account.sendEmail(Fixtures.email(to: ["friend@gmail.com", "me@example.com"]), at: .start)
        }
        _ = try account.sendEmail(
            Fixtures.email(to: ["bounce@simulator.amazonses.com"]), at: .start + .seconds(1))
    }

    @Test func invalidTagsAreRefusedWithSESsTexts() throws {
        var account = Fixtures.account()
        #expect(
            throws: SESError(
                .invalidParameterValue,
                "Invalid tag name <event:id>: only alphanumeric ASCII characters, '_', and '-' are allowed.")
        ) {
            try account.sendEmail(
                Fixtures.email(to: ["a@example.com"], tags: [NameValue(name: "event:id", value: "x")]),
                at: .start)
        }
        #expect(
            throws: SESError(
                .invalidParameterValue,
                "Invalid tag value <abc:123>: only alphanumeric ASCII characters, '_', and '-' are allowed.")
        ) {
            try account.sendEmail(
                Fixtures.email(to: ["a@example.com"], tags: [NameValue(name: "campaign", value: "abc:123")]),
                at: .start)
        }
        let long = String(repeating: "x", count: 257)
        #expect(throws: SESError(.invalidParameterValue, SESErrorMessages.tagValueTooLong(long))) {
            try account.sendEmail(
                Fixtures.email(to: ["a@example.com"], tags: [NameValue(name: "campaign", value: long)]),
                at: .start)
        }
        _ = try account.sendEmail(
            Fixtures.email(
                to: ["a@example.com"],
                tags: [
                    NameValue(name: "ses:feedback-id-a", value: "spring"),
                    NameValue(name: "campaign", value: String(repeating: "y", count: 256)),
                ]),
            at: .start)
    }

    @Test func aMissingConfigurationSetIsRefused() {
        var account = Fixtures.account()
        #expect(
            throws: SESError(.configurationSetDoesNotExist, "Configuration set <marketing> does not exist.")
        ) {
            try account.sendEmail(
                Fixtures.email(to: ["a@example.com"], configurationSet: "marketing"), at: .start)
        }
    }

    @Test func pausesAndShutdownRefuseSendsWithTheirOwnErrors() throws {
        var account = Fixtures.account(pools: ["newsletter"])
        try account.addConfigurationSet(ConfigurationSet(name: "marketing"))
        try account.addConfigurationSet(ConfigurationSet(name: "pooled", sendingPoolName: "missing-pool"))
        try account.updateConfigurationSetSendingEnabled(named: "marketing", enabled: false, at: .start)
        #expect(
            throws: SESError(
                .configurationSetSendingPaused,
                "Email sending is disabled for the configuration set <marketing>.")
        ) {
            try account.sendEmail(
                Fixtures.email(to: ["a@example.com"], configurationSet: "marketing"), at: .start)
        }
        #expect(throws: SESError(.invalidSendingPoolName, "SendingPool <missing-pool> doesn't exist.")) {
            try account.sendEmail(
                Fixtures.email(to: ["a@example.com"], configurationSet: "pooled"), at: .start)
        }
        try account.updateAccountSendingEnabled(false, at: .start)
        #expect(
            throws: SESError(
                .accountSendingPaused, "Email sending is disabled for your entire Amazon SES account.")
        ) {
            try account.sendEmail(Fixtures.email(to: ["a@example.com"]), at: .start)
        }
        account.enforcementStatus = .shutdown
        try account.updateAccountSendingEnabled(true, at: .start + .seconds(1))
        #expect(throws: SESError(.accountSuspended, SESErrorMessages.accountSuspended)) {
            try account.sendEmail(Fixtures.email(to: ["a@example.com"]), at: .start + .seconds(1))
        }
    }

    @Test func bulkEntriesCarryMixedStatusesInOneCall() throws {
        var account = Fixtures.account(sandbox: true, maximumSendRate: 3, identities: ["example.com"])
        try account.addTemplate(Fixtures.welcome)
        var request = Fixtures.bulk([
            "success@simulator.amazonses.com", "stranger@gmail.com", "not-an-address", "me@example.com",
            "you@example.com", "them@example.com",
        ])
        request.destinations[3].replacementTags = [NameValue(name: "bad tag", value: "x")]
        let result = try account.sendBulkTemplatedEmail(request, at: .start)
        #expect(
            result.entries.map(\.status) == [
                .success, .messageRejected, .invalidParameterValue, .invalidParameterValue, .success,
                .success,
            ])
        #expect(result.entries[2].error == "Missing final '@domain'")
        #expect(
            result.accepted.map { $0.recipients[0].address } == [
                "success@simulator.amazonses.com", "you@example.com", "them@example.com",
            ])
        // The bucket (3 tokens) is now empty: a second call is throttled entry by entry.
        let again = try account.sendBulkTemplatedEmail(Fixtures.bulk(["me@example.com"]), at: .start)
        #expect(again.entries.map(\.status) == [.accountThrottled])
    }

    @Test func bulkEntriesReportCallLevelProblemsPerDestination() throws {
        var account = Fixtures.account()
        let missingTemplate = try account.sendBulkTemplatedEmail(
            Fixtures.bulk(["a@example.com", "b@example.com"]), at: .start)
        #expect(missingTemplate.entries.map(\.status) == [.templateDoesNotExist, .templateDoesNotExist])
        #expect(missingTemplate.entries[0].error == "Template welcome does not exist.")
        try account.addTemplate(Fixtures.welcome)
        account.setAccountSendingEnabled(false)
        let paused = try account.sendBulkTemplatedEmail(Fixtures.bulk(["a@example.com"]), at: .start)
        #expect(paused.entries.map(\.status) == [.accountSendingPaused])
    }

    @Test func bulkReplacementTagsReplaceDefaultsOfTheSameName() throws {
        var account = Fixtures.account()
        try account.addTemplate(Fixtures.welcome)
        var request = Fixtures.bulk(["a@example.com", "b@example.com"])
        request.defaultTags = [
            NameValue(name: "campaign", value: "spring"), NameValue(name: "team", value: "growth"),
        ]
        request.destinations[1].replacementTags = [
            NameValue(name: "campaign", value: "summer"), NameValue(name: "variant", value: "b"),
        ]
        let result = try account.sendBulkTemplatedEmail(request, at: .start)
        #expect(result.accepted[0].tags == request.defaultTags)
        #expect(
            result.accepted[1].tags == [
                NameValue(name: "team", value: "growth"), NameValue(name: "campaign", value: "summer"),
                NameValue(name: "variant", value: "b"),
            ])
    }

    @Test func templatedSendsCheckTheTemplateButNotItsData() throws {
        var account = Fixtures.account()
        let request = SendTemplatedEmailRequest(
            source: "sender@example.com", destination: Destination(toAddresses: ["a@example.com"]),
            template: "welcome", templateData: "{}")
        #expect(throws: SESError(.templateDoesNotExist, "Template welcome does not exist.")) {
            try account.sendTemplatedEmail(request, at: .start)
        }
        try account.addTemplate(Fixtures.welcome)
        let accepted = try account.sendTemplatedEmail(request, at: .start)
        #expect(accepted.content == .templated(template: "welcome", data: "{}", defaultData: nil))
        #expect(accepted.operation == .sendTemplatedEmail)
    }

    @Test func messageIDsHaveSESsShapeAndAreReproducible() throws {
        var first = Fixtures.account()
        var second = Fixtures.account()
        var ids: [String] = []
        for index in 0..<100 {
            let time = Fixtures.at(seconds: Double(index))
            let a = try first.sendEmail(Fixtures.email(to: ["a@example.com"]), at: time)
            let b = try second.sendEmail(Fixtures.email(to: ["a@example.com"]), at: time)
            #expect(a.messageId == b.messageId)
            ids.append(a.messageId.description)
        }
        #expect(Set(ids).count == 100)
        // 0100 (us-east-1), then 2026-03-01T09:00:00.000Z in milliseconds (0x019ca…), a v4 UUID, -000000.
        let pattern =
            /^0100[0-9a-f]{12}-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}-000000$/
        #expect(ids.allSatisfy { $0.wholeMatch(of: pattern) != nil })
        #expect(ids[0].hasPrefix("0100" + String(1_772_355_600_000, radix: 16).leftPadded(to: 12)))
    }

    @Test func reEnablingAPausedConfigurationSetIsAFreshStart() throws {
        var account = Fixtures.account()
        try account.createConfigurationSet(ConfigurationSet(name: "marketing"), at: .start)
        #expect(
            try account.describeConfigurationSet(named: "marketing", at: .start + .seconds(1)).lastFreshStart
                == nil)
        try account.updateConfigurationSetSendingEnabled(
            named: "marketing", enabled: true, at: .start + .seconds(2))
        #expect(
            try account.describeConfigurationSet(named: "marketing", at: .start + .seconds(3)).lastFreshStart
                == nil)
        try account.updateConfigurationSetSendingEnabled(
            named: "marketing", enabled: false, at: .start + .seconds(4))
        let freshStart = try account.updateConfigurationSetSendingEnabled(
            named: "marketing", enabled: true, at: .start + .hours(2))
        #expect(freshStart)
        let described = try account.describeConfigurationSet(named: "marketing", at: .start + .hours(3))
        #expect(described.lastFreshStart == .start + .hours(2))
        #expect(described.sendingEnabled)
    }

    @Test func configurationSetNamesAndDeliveryOptionsAreChecked() throws {
        var account = Fixtures.account()
        #expect(throws: SESError.self) { try account.addConfigurationSet(ConfigurationSet(name: "bad name")) }
        #expect(throws: SESError.self) {
            try account.addConfigurationSet(ConfigurationSet(name: String(repeating: "a", count: 65)))
        }
        try account.addConfigurationSet(ConfigurationSet(name: String(repeating: "a", count: 64)))
        #expect(
            throws: SESError(
                .invalidDeliveryOptions, "MaxDeliverySeconds must be between 300 and 50400 seconds, got 299.")
        ) {
            try account.addConfigurationSet(
                ConfigurationSet(name: "quick", maximumDeliveryTime: .seconds(299)))
        }
        try account.addConfigurationSet(ConfigurationSet(name: "slow", maximumDeliveryTime: .hours(14)))
        #expect(throws: SESError(.configurationSetAlreadyExists, "Configuration set <slow> already exists."))
        {
            try account.addConfigurationSet(ConfigurationSet(name: "slow"))
        }
        try account.deleteConfigurationSet(named: "slow", at: .start)
        #expect(account.indexOfConfigurationSet(named: "slow") == nil)
        try account.addConfigurationSet(ConfigurationSet(name: "slow"))
        #expect(
            account.indexOfConfigurationSet(named: "slow") == 2, "a new index; the old one stays a tombstone")
    }

    @Test func sendStatisticsAggregateIntoQuarterHours() throws {
        var account = Fixtures.account()
        account.statistics.recordDeliveryAttempts(at: .start + .minutes(1))
        account.statistics.recordDeliveryAttempts(2, at: .start + .minutes(14))
        account.statistics.recordBounce(at: .start + .minutes(14))
        account.statistics.recordComplaint(at: .start + .minutes(15))
        let early = account.statistics.dataPoints(at: .start + .hours(1))
        #expect(early.count == 2)
        #expect(
            early[0]
                == SendDataPoint(
                    timestamp: .start, deliveryAttempts: 3, bounces: 1, complaints: 0, rejects: 0))
        #expect(early[1].timestamp == .start + .minutes(15) && early[1].complaints == 1)
        // Two weeks later only the last interval is left.
        account.statistics.recordReject(at: .start + .days(15))
        let points = try account.getSendStatistics(at: .start + .days(15) + .minutes(1))
        #expect(points.count == 1)
        #expect(points[0].rejects == 1)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
