import ScenarioTesting
import SimJSON
import Testing

@testable import ScenarioFormat

@Suite("Expectations: metric paths")
struct MetricPathTests {
    static func parse(_ text: String) -> (MetricPath?, String?) {
        var problem: String?
        let path = MetricPath(parsing: text, problem: &problem)
        return (path, problem)
    }

    @Test func quotedKeysAndIndicesAreSegments() {
        let (path, problem) = Self.parse("dedicatedIps.ips[\"192.0.2.10\"].days[0].volume")
        #expect(problem == nil)
        #expect(
            path?.segments == [
                .key("dedicatedIps"), .key("ips"), .key("192.0.2.10"), .key("days"), .index(0),
                .key("volume"),
            ])
        #expect(path?.description == "dedicatedIps.ips[\"192.0.2.10\"].days[0].volume")
    }

    @Test func plainDottedPath() {
        #expect(Self.parse("events.delivery").0?.segments == [.key("events"), .key("delivery")])
        #expect(
            Self.parse("expectations[12].passed").0?.segments == [
                .key("expectations"), .index(12), .key("passed"),
            ])
    }

    @Test(arguments: [
        ("", "a metric path starts with a key, as in events.delivery"),
        ("[0]", "a metric path starts with a key, as in events.delivery"),
        ("events.", "a '.' must be followed by a key"),
        ("events..send", "a '.' must be followed by a key"),
        ("ips[abc]", "brackets hold a list position or a quoted key, as in [0] or [\"192.0.2.1\"]"),
        ("ips[\"192.0.2.1]", "a quoted key must end with '\"]'"),
        ("days[0", "a '[' must be closed by ']'"),
        ("ips[\"a\"x]", "a '[' must be closed by ']'"),
    ])
    func malformedPathSaysWhatIsWrong(text: String, problem: String) {
        let (path, found) = Self.parse(text)
        #expect(path == nil)
        #expect(found == problem)
    }

    @Test func malformedPathInAScenarioIsALoadingError() {
        let messages = ScenarioFixtures.messages(
            """
            name: demo
            start: 2026-03-01T09:00:00Z
            duration: 1h
            expect:
              - { metric: "events.", below: 1 }
              - { metric: events.send, below: lots }
              - { metric: events.send, below: 1, above: 0 }
              - { below: 1 }
            """)
        #expect(
            messages == [
                "test.yaml:5:15: expect[0].metric: not a metric path: a '.' must be followed by a key",
                "test.yaml:6:35: expect[1].below: expected a number, found the text 'lots'",
                "test.yaml:7:5: expect[2]: an expectation has exactly one of below, atMost, equals, atLeast, above",
                "test.yaml:8:5: expect[3]: missing required key 'metric' (a summary path such as events.delivery)",
            ])
    }
}
