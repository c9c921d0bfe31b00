import Testing

@testable import SESModel

/// The mailbox provider's response to an IP's volume, at and around each
/// level: up to the supported volume (load 1) no effect; above it, extra
/// deferrals rising linearly to `overloadDeferral` at `spamLevel`; above
/// `spamLevel`, the spam folder as well.
@Suite("Provider reception function")
struct ProviderReceptionFunctionTests {
    static let reception = ProviderReception()

    @Test func theDefaultsAreSesimsDocumentedAssumptions() {
        #expect(Self.reception.coldAllowance == 1_000)
        #expect(Self.reception.growth == 2)
        #expect(Self.reception.overloadDeferral == 0.6)
        #expect(Self.reception.spamLevel == 3)
        #expect(Self.reception.spamOpenFactor == 0.2)
        #expect(Self.reception.spamComplaintFactor == 3)
    }

    @Test func aColdIPIsSupportedUpToTheColdAllowance() {
        #expect(Self.reception.supportedVolume(history: 0) == 1_000)
        #expect(Self.reception.supportedVolume(history: 499.5) == 1_000)
    }

    @Test func theSupportedVolumeIsGrowthTimesHistoryAtAndAboveTheColdAllowance() {
        // 2 × 500 meets the allowance exactly; just over, the history decides.
        #expect(Self.reception.supportedVolume(history: 500) == 1_000)
        #expect(Self.reception.supportedVolume(history: 500.5) == 1_001)
        #expect(Self.reception.supportedVolume(history: 20_000) == 40_000)
    }

    @Test func noExtraDeferralUpToTheSupportedVolume() {
        #expect(Self.reception.extraDeferral(load: 0) == 0)
        #expect(Self.reception.extraDeferral(load: 1.0.nextDown) == 0)
        #expect(Self.reception.extraDeferral(load: 1) == 0)
    }

    @Test func justOverTheSupportedVolumeDeferralsBegin() {
        let justOver = 1.0.nextUp
        #expect(Self.reception.extraDeferral(load: justOver) > 0)
        #expect(Self.reception.extraDeferral(load: justOver) == 0.6 * ((justOver - 1) / 2))
        #expect(Self.reception.extraDeferral(load: 1.001) < 0.0004)
    }

    @Test func deferralsRiseLinearlyToTheSpamLevel() {
        #expect(Self.reception.extraDeferral(load: 1.25) == 0.075)
        #expect(Self.reception.extraDeferral(load: 1.5) == 0.15)
        #expect(Self.reception.extraDeferral(load: 2) == 0.3)
        #expect(abs(Self.reception.extraDeferral(load: 2.5) - 0.45) < 1e-15)
    }

    @Test func deferralsReachTheirMaximumAtTheSpamLevelAndStayThere() {
        #expect(Self.reception.extraDeferral(load: 3.0.nextDown) < 0.6)
        #expect(Self.reception.extraDeferral(load: 3) == 0.6)
        #expect(Self.reception.extraDeferral(load: 3.0.nextUp) == 0.6)
        #expect(Self.reception.extraDeferral(load: 100) == 0.6)
    }

    @Test func theSpamFolderStartsJustOverTheSpamLevel() {
        #expect(!Self.reception.isSpamFoldered(load: 1))
        #expect(!Self.reception.isSpamFoldered(load: 3.0.nextDown))
        #expect(!Self.reception.isSpamFoldered(load: 3))
        #expect(Self.reception.isSpamFoldered(load: 3.0.nextUp))
        #expect(Self.reception.isSpamFoldered(load: 10))
    }

    @Test func aSpamLevelAtOrBelowOneDefersFullyAsSoonAsTheIPIsOverloaded() {
        var reception = ProviderReception()
        reception.spamLevel = 1
        reception.overloadDeferral = 0.8
        #expect(reception.extraDeferral(load: 1) == 0)
        #expect(reception.extraDeferral(load: 1.0.nextUp) == 0.8)
        #expect(!reception.isSpamFoldered(load: 1))
        #expect(reception.isSpamFoldered(load: 1.0.nextUp))
    }

    @Test func customLevelsMoveTheBoundaries() {
        var reception = ProviderReception()
        reception.coldAllowance = 10
        reception.growth = 1.5
        reception.overloadDeferral = 1
        reception.spamLevel = 5
        #expect(reception.supportedVolume(history: 6) == 10)
        #expect(reception.supportedVolume(history: 8) == 12)
        #expect(reception.extraDeferral(load: 3) == 0.5)
        #expect(reception.extraDeferral(load: 5) == 1)
        #expect(!reception.isSpamFoldered(load: 5))
        #expect(reception.isSpamFoldered(load: 5.0.nextUp))
    }
}
