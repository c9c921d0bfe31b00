import ScenarioTesting
import SimJSON
import Testing

@testable import ScenarioFormat

@Suite("Loading: every problem in a file is reported")
struct SeveralErrorsTests {
    static let text = """
        name: demo
        seed: -1
        start: 2026-03-01T09:00:00Z
        duration: 1h
        account: { maxSendRate: 0 }
        traffic:
          - name: promo
            api: SendMail
            from: news@example.com
            content: { subject: Hi, text: Hello }
            recipients: { list: [a@example.org] }
            schedule: { executor: once }
        expect:
          - { metric: events.send, beneath: 3 }
        output: { interval: 15x }
        """

    @Test func everyProblemIsReportedInFileOrderNotOnlyTheFirst() {
        do {
            _ = try ScenarioFixtures.load(Self.text)
            Issue.record("an invalid scenario loaded")
        } catch {
            #expect(
                error.issues.map { [$0.line, $0.column] } == [
                    [2, 7], [5, 25], [8, 10], [14, 5], [14, 28], [15, 21],
                ])
            #expect(
                error.description == """
                    test.yaml:2:7: seed: -1 is out of range; expected a seed (a whole number) from 0 to 9223372036854775807
                    test.yaml:5:25: account.maxSendRate: 0 is out of range; expected messages per second from 0.001 to 1000000
                    test.yaml:8:10: traffic[0].api: unknown API 'SendMail' (did you mean 'SendEmail'?); expected one of SendEmail, SendTemplatedEmail, SendBulkTemplatedEmail, SendRawEmail
                    test.yaml:14:5: expect[0]: an expectation has exactly one of below, atMost, equals, atLeast, above
                    test.yaml:14:28: expect[0].beneath: unknown key 'beneath'; expected one of metric, campaign, completesWithin, at, description, over, below, atMost, equals, atLeast, above
                    test.yaml:15:21: output.interval: '15x' is not a duration: unknown unit 'x'; expected a number followed by a unit (us, ms, s, m, h, d), as in 250ms, 90s, 15m, 6h, 45d or 1d12h
                    """)
        }
    }

    @Test func fileNameInMessagesIsTheOneGiven() {
        let issues = ScenarioFixtures.issues(Self.text, file: "scenarios/launch.yaml")
        #expect(issues.count == 6)
        #expect(issues.allSatisfy { $0.file == "scenarios/launch.yaml" })
        #expect(issues.first?.description.hasPrefix("scenarios/launch.yaml:2:7: seed: ") == true)
    }
}
