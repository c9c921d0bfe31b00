import ScenarioTesting
import SimCore
import SimJSON
import Testing

@testable import ScenarioFormat

@Suite("Loading: durations and instants")
struct TimeFormatTests {
    static let durationForms =
        "expected a number followed by a unit (us, ms, s, m, h, d), as in 250ms, 90s, 15m, 6h, 45d or 1d12h"
    static let instantForms =
        "expected an ISO 8601 UTC timestamp (2026-03-01T09:00:00Z), an offset from the start (+36h), "
        + "a day of the run with an optional UTC time of day (day 3 09:00), or 'start'"

    /// A scenario whose single client's schedule is `schedule` (on line 10).
    static func client(schedule: String) -> String {
        """
        name: demo
        start: 2026-03-01T09:00:00Z
        duration: 2d
        traffic:
          - name: promo
            api: SendEmail
            from: news@example.com
            content: { subject: Hi, text: Hello }
            recipients: { list: [a@example.org] }
            schedule: \(schedule)
        """
    }

    @Test(arguments: [
        (
            "output: { interval: 15x }",
            "test.yaml:4:21: output.interval: '15x' is not a duration: unknown unit 'x'"
        ),
        (
            "output: { interval: -1h }",
            "test.yaml:4:21: output.interval: '-1h' is not a duration: a duration cannot be negative"
        ),
        (
            "output: { interval: 1h30 }",
            "test.yaml:4:21: output.interval: '1h30' is not a duration: the number 30 has no unit"
        ),
        (
            "output: { interval: 30m1h }",
            "test.yaml:4:21: output.interval: '30m1h' is not a duration: "
                + "unit 'h' must come after a longer unit and only once"
        ),
    ])
    func badDurationSaysWhyAndWhatIsAccepted(line: String, message: String) {
        #expect(
            ScenarioFixtures.messages(WrongTypeTests.scenario(line)) == [message + "; " + Self.durationForms])
    }

    @Test func durationOfTheWrongTypeSaysWhatIsAccepted() {
        #expect(
            ScenarioFixtures.messages(WrongTypeTests.scenario("output: { interval: [1h] }")) == [
                "test.yaml:4:21: output.interval: expected a duration (a number followed by a unit "
                    + "(us, ms, s, m, h, d), as in 250ms, 90s, 15m, 6h, 45d or 1d12h), found a list"
            ])
    }

    @Test(arguments: [
        ("tomorrow", "'tomorrow' is not an instant: " + instantForms),
        (
            "+1x",
            "'+1x' is not an instant: the offset after '+' is not a duration (unknown unit 'x'); "
                + instantForms
        ),
        (
            "day 0",
            "'day 0' is not an instant: write a day of the run as 'day N' or 'day N HH:MM', N from 1; "
                + instantForms
        ),
        (
            "day 2 25:00",
            "'day 2 25:00' is not an instant: the time of day must be HH:MM or HH:MM:SS, "
                + "from 00:00 to 23:59:59; " + instantForms
        ),
        (
            "2026-02-28T09:00:00Z",
            "'2026-02-28T09:00:00Z' is not an instant: it is before the scenario's start "
                + "(2026-03-01T09:00:00.000Z); " + instantForms
        ),
    ])
    func badInstantSaysWhyAndWhatIsAccepted(text: String, message: String) {
        let messages = ScenarioFixtures.messages(
            Self.client(schedule: "{ executor: once, start: \"\(text)\" }"))
        #expect(messages == ["test.yaml:10:40: traffic[0].schedule.start: " + message])
    }

    static let instants: [(String, SimDuration)] = [
        ("start", .zero),
        ("+90m", .minutes(90)),
        ("day 2", .hours(15)),
        ("day 2 09:30", .hours(24) + .minutes(30)),
        ("2026-03-01T10:00:00Z", .hours(1)),
        ("2026-03-01T12:00:00+02:00", .hours(1)),
    ]

    @Test(arguments: instants)
    func everyInstantFormIsReadOnTheRunsClock(text: String, offset: SimDuration) throws {
        let scenario = try ScenarioFixtures.load(
            Self.client(schedule: "{ executor: once, start: \"\(text)\" }"))
        #expect(scenario.traffic.first?.schedule == .once(start: .start + offset, callRate: nil))
    }

    @Test func runStartMustBeATimestamp() {
        #expect(
            ScenarioFixtures.messages(
                """
                name: demo
                start: +1h
                duration: 1h
                """) == [
                    "test.yaml:2:8: start: '+1h' is not an instant: a run's start must be an ISO 8601 UTC "
                        + "timestamp; " + Self.instantForms
                ])
    }
}
