import ScenarioTesting
import SimJSON
import Testing

@testable import ScenarioFormat

@Suite("Loading: references to things not defined")
struct ReferenceTests {
    static let definitions = """
        name: demo
        start: 2026-03-01T09:00:00Z
        duration: 1h
        templates:
          - { name: welcome, subject: Hi, text: Hello }
        configurationSets:
          - name: marketing
          - name: transactional
        audiences:
          - { name: subscribers, size: 10, providers: [{ domain: example.org, share: 1 }] }
        """

    @Test func undefinedTemplateSetAudienceAndCampaignAreAllReported() {
        let messages = ScenarioFixtures.messages(
            Self.definitions + """

                traffic:
                  - name: promo
                    api: SendTemplatedEmail
                    from: news@example.com
                    template: welcom
                    configurationSet: marketting
                    recipients: { audience: subscriber }
                    schedule: { executor: once }
                expect:
                  - { campaign: promos, completesWithin: 1h }
                """)
        #expect(
            messages == [
                "test.yaml:15:15: traffic[0].template: no template named 'welcom' is defined "
                    + "(did you mean 'welcome'?); defined: welcome",
                "test.yaml:16:23: traffic[0].configurationSet: no configuration set named 'marketting' "
                    + "is defined (did you mean 'marketing'?); defined: marketing, transactional",
                "test.yaml:17:29: traffic[0].recipients.audience: no audience named 'subscriber' is defined "
                    + "(did you mean 'subscribers'?); defined: subscribers",
                "test.yaml:20:5: expect[0]: no traffic client (campaign) named 'promos' is defined "
                    + "(did you mean 'promo'?); defined: promo",
            ])
    }

    @Test func referenceFarFromEveryNameListsTheDefinedOnes() {
        let messages = ScenarioFixtures.messages(
            Self.definitions + """

                traffic:
                  - name: promo
                    api: SendTemplatedEmail
                    from: news@example.com
                    template: newsletter
                    recipients: { audience: subscribers }
                    schedule: { executor: once }
                """)
        #expect(
            messages == [
                "test.yaml:15:15: traffic[0].template: no template named 'newsletter' is defined; "
                    + "defined: welcome"
            ])
    }

    @Test func referenceWithNothingDefinedSaysOnlyThat() {
        let messages = ScenarioFixtures.messages(
            """
            name: demo
            start: 2026-03-01T09:00:00Z
            duration: 1h
            traffic:
              - name: promo
                api: SendTemplatedEmail
                from: news@example.com
                template: welcome
                configurationSet: marketing
                recipients: { list: [a@example.org] }
                schedule: { executor: once }
            """)
        #expect(
            messages == [
                "test.yaml:8:15: traffic[0].template: no template named 'welcome' is defined",
                "test.yaml:9:23: traffic[0].configurationSet: no configuration set named 'marketing' is defined",
            ])
    }

    @Test func actionOnAnUndefinedConfigurationSetIsReported() {
        let messages = ScenarioFixtures.messages(
            Self.definitions + """

                actions:
                  - { at: +10m, call: UpdateConfigurationSetSendingEnabled, configurationSet: marketin,
                      enabled: false }
                """)
        #expect(
            messages == [
                "test.yaml:12:79: actions[0].configurationSet: no configuration set named 'marketin' is "
                    + "defined (did you mean 'marketing'?); defined: marketing, transactional"
            ])
    }

    @Test func validReferencesLoad() throws {
        let scenario = try ScenarioFixtures.load(
            Self.definitions + """

                traffic:
                  - name: promo
                    api: SendTemplatedEmail
                    from: news@example.com
                    template: welcome
                    configurationSet: marketing
                    recipients: { audience: subscribers, from: 9 }
                    schedule: { executor: once }
                expect:
                  - { campaign: promo, completesWithin: 1h }
                """)
        #expect(scenario.traffic.first?.template == "welcome")
        #expect(scenario.traffic.first?.configurationSet == "marketing")
        #expect(scenario.traffic.first?.recipients == .audience(name: "subscribers", from: 9, count: nil))
    }
}
