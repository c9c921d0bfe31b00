import ScenarioFormat
import ScenarioTesting
import Testing

/// The settings `sesim serve` added: `autoVerifySenders`, `controlPlaneRate`,
/// and `duration` left out.
@Suite("Loading: settings for sesim serve")
struct ServeSettingsTests {
    static let head = """
        name: s
        start: 2026-03-02T09:00:00Z
        duration: 1h
        """

    @Test func theControlPlaneRateIsOnePerSecondUnlessLifted() throws {
        #expect(try ScenarioFixtures.load(Self.head).account.controlPlaneRate == 1)
        #expect(
            try ScenarioFixtures.load(Self.head + "\naccount: { controlPlaneRate: 5 }").account
                .controlPlaneRate == 5)
        #expect(
            try ScenarioFixtures.load(Self.head + "\naccount: { controlPlaneRate: unlimited }").account
                .controlPlaneRate
                == nil)
        #expect(
            ScenarioFixtures.messages(Self.head + "\naccount: { controlPlaneRate: fast }") == [
                "test.yaml:4:30: account.controlPlaneRate: expected calls per second for each control-plane action, "
                    + "or unlimited, found the text 'fast'"
            ])
    }

    @Test func sendersAreAutoVerifiedOnlyWhenAsked() throws {
        #expect(try ScenarioFixtures.load(Self.head).account.autoVerifySenders == false)
        #expect(
            try ScenarioFixtures.load(Self.head + "\naccount: { autoVerifySenders: true }").account
                .autoVerifySenders)
    }

    @Test func durationMayBeLeftOutOnlyForServe() throws {
        let text = "name: s\nstart: 2026-03-02T09:00:00Z\n"
        #expect(ScenarioFixtures.messages(text).contains { $0.contains("duration") })
        let scenario = try ScenarioLoader(durationOptional: true).load(text: text, file: "test.yaml")
        #expect(scenario.isOpenEnded)
        #expect(scenario.duration == Scenario.openEndDuration)
        let given = try ScenarioLoader(durationOptional: true).load(
            text: text + "duration: 2h\n", file: "test.yaml")
        #expect(!given.isOpenEnded)
        #expect(given.duration == .hours(2))
    }
}
