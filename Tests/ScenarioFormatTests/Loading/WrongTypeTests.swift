import ScenarioTesting
import SimJSON
import Testing

@testable import ScenarioFormat

@Suite("Loading: values of the wrong type")
struct WrongTypeTests {
    /// Three valid lines; the line under test is line 4.
    static func scenario(_ line: String) -> String {
        """
        name: demo
        start: 2026-03-01T09:00:00Z
        duration: 1h
        \(line)
        """
    }

    @Test(arguments: [
        ("seed: lots", "test.yaml:4:7: seed: expected a seed (a whole number), found the text 'lots'"),
        ("seed: 2.5", "test.yaml:4:7: seed: expected a seed (a whole number), found a number (2.5)"),
        (
            "account: { sandbox: 3 }",
            "test.yaml:4:21: account.sandbox: expected true or false, found a number (3)"
        ),
        ("traffic: { name: promo }", "test.yaml:4:10: traffic: expected a list, found a mapping"),
        ("templates: welcome", "test.yaml:4:12: templates: expected a list, found the text 'welcome'"),
        ("account: [us-east-1]", "test.yaml:4:10: account: expected a mapping, found a list"),
        ("description: [a, b]", "test.yaml:4:14: description: expected text, found a list"),
        (
            "audiences: [{ name: list, size: many }]",
            "test.yaml:4:33: audiences[0].size: expected a number of recipients, found the text 'many'"
        ),
        (
            "output: { events: 1 }",
            "test.yaml:4:19: output.events: expected true or false, found a number (1)"
        ),
    ])
    func wrongTypeIsReportedWithWhatWasExpected(line: String, message: String) {
        #expect(ScenarioFixtures.messages(Self.scenario(line)) == [message])
    }

    @Test func missingRequiredKeyIsReportedAtItsMapping() {
        let messages = ScenarioFixtures.messages(
            """
            name: demo
            start: 2026-03-01T09:00:00Z
            audiences:
              - { name: list, size: 10 }
            """)
        #expect(
            messages == [
                "test.yaml:1:1: missing required key 'duration'",
                "test.yaml:4:5: audiences[0]: missing required key 'providers' "
                    + "(the mailbox providers and their shares)",
            ])
    }
}
