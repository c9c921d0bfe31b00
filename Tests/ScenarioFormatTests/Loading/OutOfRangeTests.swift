import ScenarioTesting
import SimJSON
import Testing

@testable import ScenarioFormat

@Suite("Loading: values out of range")
struct OutOfRangeTests {
    @Test(arguments: [
        (
            "account: { maxSendRate: -5 }",
            "test.yaml:4:25: account.maxSendRate: -5 is out of range; "
                + "expected messages per second from 0.001 to 1000000"
        ),
        (
            "account: { max24HourSend: -2 }",
            "test.yaml:4:27: account.max24HourSend: -2 is out of range; "
                + "expected messages per 24 hours (-1 for unlimited) from -1 to 1000000000000"
        ),
        (
            "account: { max24HourSend: -0.5 }",
            "test.yaml:4:27: account.max24HourSend: expected messages per 24 hours, or -1 for unlimited"
        ),
        (
            "audiences: [{ name: list, size: 0, providers: [{ domain: example.org, share: 1 }] }]",
            "test.yaml:4:33: audiences[0].size: 0 is out of range; "
                + "expected a number of recipients from 1 to 1000000000"
        ),
        (
            "audiences: [{ name: list, size: 5, providers: [{ domain: example.org, share: -1 }] }]",
            "test.yaml:4:78: audiences[0].providers[0].share: -1 is out of range; "
                + "expected a relative share from 0 to 1000000000"
        ),
        (
            "audiences: [{ name: list, size: 5, providers: [{ domain: example.org, share: 1, open: 1.5 }] }]",
            "test.yaml:4:87: audiences[0].providers[0].open: 1.5 is out of range; "
                + "expected a probability from 0 to 1"
        ),
        (
            "output: { interval: 0s }",
            "test.yaml:4:21: output.interval: 0s is out of range; expected a duration from 1s to 7d"
        ),
        (
            "output: { interval: 8d }",
            "test.yaml:4:21: output.interval: 8d is out of range; expected a duration from 1s to 7d"
        ),
    ])
    func outOfRangeValueIsReportedWithTheRange(line: String, message: String) {
        #expect(ScenarioFixtures.messages(WrongTypeTests.scenario(line)) == [message])
    }

    @Test func zeroRunDurationIsOutOfRange() {
        let messages = ScenarioFixtures.messages(
            """
            name: demo
            start: 2026-03-01T09:00:00Z
            duration: 0s
            """)
        #expect(
            messages == ["test.yaml:3:11: duration: 0s is out of range; expected a duration from 1s to 3650d"]
        )
    }

    @Test func negativeCallRateAndImpossibleRetriesAreEachReported() {
        let messages = ScenarioFixtures.messages(
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
                schedule: { executor: once, callRate: -2 }
                retry: { maxAttempts: 0, backoff: 5s, maxBackoff: 1s }
            """)
        #expect(
            messages == [
                "test.yaml:10:43: traffic[0].schedule.callRate: -2 is out of range; "
                    + "expected calls per second from 0.001 to 1000000",
                "test.yaml:11:27: traffic[0].retry.maxAttempts: 0 is out of range; "
                    + "expected attempts from 1 to 1000",
                "test.yaml:11:55: traffic[0].retry.maxBackoff: maxBackoff (1s) is shorter than backoff (5s)",
            ])
    }

    @Test func ratesOfArrivalExecutorsAreChecked() {
        let messages = ScenarioFixtures.messages(
            """
            name: demo
            start: 2026-03-01T09:00:00Z
            duration: 1h
            traffic:
              - name: steady
                api: SendEmail
                from: news@example.com
                content: { subject: Hi, text: Hello }
                recipients: { list: [a@example.org] }
                schedule: { executor: constant-arrival-rate, rate: 0, duration: 10m }
              - name: ramp
                api: SendEmail
                from: news@example.com
                content: { subject: Hi, text: Hello }
                recipients: { list: [a@example.org] }
                schedule:
                  executor: ramping-arrival-rate
                  startRate: -1
                  stages: [{ target: 5, duration: 0s }]
            """)
        #expect(
            messages == [
                "test.yaml:10:56: traffic[0].schedule.rate: 0 is out of range; "
                    + "expected calls per time unit from 1e-06 to 1000000",
                "test.yaml:18:18: traffic[1].schedule.startRate: -1 is out of range; "
                    + "expected calls per time unit from 0 to 1000000",
                "test.yaml:19:39: traffic[1].schedule.stages[0].duration: 0s is out of range; "
                    + "expected a duration from 1s to 3650d",
            ])
    }
}
