import ScenarioTesting
import SimJSON
import Testing

@testable import ScenarioFormat

@Suite("Loading: unknown and duplicate keys")
struct UnknownKeyTests {
    static let topLevelKeys =
        "name, description, seed, start, duration, account, templates, configurationSets, audiences, "
        + "delivery, dedicatedIps, reputation, alarms, pricing, traffic, actions, expect, output"

    @Test func unknownTopLevelKeyIsReportedWithLineColumnAndSuggestion() {
        let issues = ScenarioFixtures.issues(
            """
            name: demo
            start: 2026-03-01T09:00:00Z
            duration: 1h
            durration: 2h
            """)
        #expect(issues.count == 1)
        #expect(issues.first?.line == 4)
        #expect(issues.first?.column == 1)
        #expect(issues.first?.path == "durration")
        #expect(
            issues.first?.description
                == "test.yaml:4:1: durration: unknown key 'durration' (did you mean 'duration'?); "
                + "expected one of \(Self.topLevelKeys)")
    }

    @Test func unknownNestedKeyNamesItsFullPath() {
        let messages = ScenarioFixtures.messages(
            """
            name: demo
            start: 2026-03-01T09:00:00Z
            duration: 1h
            account:
              region: eu-west-1
              maxSendRat: 14
            """)
        #expect(
            messages == [
                "test.yaml:6:3: account.maxSendRat: unknown key 'maxSendRat' (did you mean 'maxSendRate'?); "
                    + "expected one of region, accountId, sandbox, maxSendRate, max24HourSend, burst, "
                    + "identities, callerIdentity, sourceIp, sendingEnabled, mailFromDomainFailures, suppression, autoVerifySenders, controlPlaneRate"
            ])
    }

    @Test func unknownKeyInAListItemNamesTheItemIndex() {
        let messages = ScenarioFixtures.messages(
            """
            name: demo
            start: 2026-03-01T09:00:00Z
            duration: 1h
            templates:
              - name: a
                subject: A
                text: A
              - name: b
                subject: B
                txt: B
                html: <p>B</p>
            """)
        #expect(
            messages == [
                "test.yaml:10:5: templates[1].txt: unknown key 'txt' (did you mean 'text'?); "
                    + "expected one of name, subject, text, html, file"
            ])
    }

    @Test func unknownKeyFarFromEveryKnownKeyHasNoSuggestion() {
        let messages = ScenarioFixtures.messages(
            """
            name: demo
            start: 2026-03-01T09:00:00Z
            duration: 1h
            colour: blue
            """)
        #expect(
            messages == [
                "test.yaml:4:1: colour: unknown key 'colour'; expected one of \(Self.topLevelKeys)"
            ])
    }

    @Test func keyThatDoesNotApplyToTheExecutorIsReported() {
        let issues = ScenarioFixtures.issues(
            """
            name: demo
            start: 2026-03-01T09:00:00Z
            duration: 1h
            traffic:
              - name: promo
                api: SendEmail
                from: news@example.com
                content: { subject: Hi, text: Hello }
                recipients: { list: [a@example.org] }
                schedule: { executor: once, times: 3 }
            """)
        #expect(
            issues.map(\.description) == [
                "test.yaml:10:40: traffic[0].schedule.times: 'times' does not apply to the once executor"
            ])
    }

    @Test func misspeltChoiceIsReportedWithSuggestion() {
        let messages = ScenarioFixtures.messages(
            """
            name: demo
            start: 2026-03-01T09:00:00Z
            duration: 1h
            configurationSets:
              - name: marketing
                eventDestinations:
                  - name: all
                    types: [send, bounced]
                    firehose: { deliveryStream: events }
            """)
        #expect(
            messages == [
                "test.yaml:8:23: configurationSets[0].eventDestinations[0].types[1]: unknown event type "
                    + "'bounced' (did you mean 'bounce'?); expected one of send, reject, bounce, complaint, "
                    + "delivery, open, click, renderingFailure, deliveryDelay, subscription"
            ])
    }

    @Test func duplicateKeyIsReportedAtItsFirstAppearance() {
        let messages = ScenarioFixtures.messages(
            """
            name: demo
            start: 2026-03-01T09:00:00Z
            duration: 1h
            account:
              region: eu-west-1
              maxSendRate: 14
              region: us-east-1
            """)
        #expect(
            messages == ["test.yaml:5:3: duplicate key 'region': a key may appear only once in a mapping"])
    }
}
