import ScenarioTesting
import SimJSON
import Testing

@testable import ScenarioFormat

/// An audience's behaviour keys are read once: a problem in one is reported
/// once, whether the audience has one provider, several, or none.
@Suite("Loader fixes: audience-level behaviour keys")
struct BehaviourTests {
    typealias F = LoaderFixFixtures

    @Test func aProblemAtAudienceLevelIsReportedOnceWithOrWithoutProviders() {
        let messages = F.messages(
            F.head + """
                audiences:
                  - name: subscribers
                    size: 100
                    hardBounce: 2
                    providers:
                      - { domain: gmail.com, share: 1 }
                      - { domain: yahoo.com, share: 1 }
                  - name: others
                    size: 10
                    addressPattern: "o{index}"
                    open: -1
                    providers: []
                """)
        #expect(
            messages == [
                "test.yaml:7:17: audiences[0].hardBounce: 2 is out of range; expected a probability from 0 to 1",
                "test.yaml:14:11: audiences[1].open: -1 is out of range; expected a probability from 0 to 1",
                "test.yaml:15:16: audiences[1].providers: list at least one provider",
            ])
    }

    @Test func aWrongTypeAtAudienceLevelIsReportedOnce() {
        let messages = F.messages(
            F.head + """
                audiences:
                  - name: subscribers
                    size: 100
                    deliveryDelay: { median: 10s, p99: 1s }
                    deferralTypes: { Mailbox: 1 }
                    hardBounce: lots
                    providers:
                      - { domain: gmail.com, share: 1 }
                      - { domain: yahoo.com, share: 1 }
                """)
        #expect(
            messages == [
                "test.yaml:7:20: audiences[0].deliveryDelay: a lognormal 99th percentile (1.0) cannot be below "
                    + "its median (10.0)",
                "test.yaml:8:20: audiences[0].deferralTypes: give at least one delay type a positive weight",
                "test.yaml:8:31: audiences[0].deferralTypes.Mailbox: unknown delay type 'Mailbox'; expected one "
                    + "of InternalFailure, General, MailboxFull, SpamDetected, RecipientServerError, IPFailure, "
                    + "TransientCommunicationFailure, BYOIPHostNameLookupUnavailable, Undetermined, "
                    + "SendingDeferral",
                "test.yaml:9:17: audiences[0].hardBounce: expected a probability between 0 and 1, found the text "
                    + "'lots'",
            ])
    }

    @Test func audienceValuesStillApplyToEveryProviderUnderItsOwn() throws {
        let scenario = try F.load(
            F.head + """
                audiences:
                  - name: subscribers
                    size: 100
                    open: 0.3
                    complaint: 0.01
                    providers:
                      - { domain: gmail.com, share: 1 }
                      - { domain: yahoo.com, share: 1, open: 0.5 }
                """)
        let providers = try #require(scenario.audiences.first?.providers)
        #expect(providers.map(\.behavior.open) == [0.3, 0.5])
        #expect(providers.map(\.behavior.complaint) == [0.01, 0.01])
        // The domain's own defaults are still the bottom layer.
        #expect(providers.map(\.behavior.feedbackLoop) == [false, true])
    }
}
