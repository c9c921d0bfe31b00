import ScenarioTesting
import SimCore
import SimJSON
import Testing

@testable import ScenarioFormat

@Suite("Loading: JSON scenario files")
struct JSONInputTests {
    static let yaml = """
        name: demo
        seed: 9
        start: 2026-03-01T09:00:00Z
        duration: 2h
        account: { maxSendRate: 5, identities: [example.com] }
        templates:
          - { name: welcome, subject: "Hi {{name}}", text: "Hello {{name}}" }
        audiences:
          - { name: list, size: 20, providers: [{ domain: example.org, share: 1 }] }
        traffic:
          - name: promo
            api: SendTemplatedEmail
            from: news@example.com
            template: welcome
            templateData: { name: { oneOf: [Ana, Ben] } }
            recipients: { audience: list }
            schedule: { executor: repeating, start: +10m, every: 30m, times: 3, callRate: 2 }
            retry: { maxAttempts: 4, backoff: 2s, jitter: equal }
        expect:
          - { metric: events.send, atLeast: 60 }
        """

    static let json = """
        {
          "name": "demo",
          "seed": 9,
          "start": "2026-03-01T09:00:00Z",
          "duration": "2h",
          "account": { "maxSendRate": 5, "identities": ["example.com"] },
          "templates": [{ "name": "welcome", "subject": "Hi {{name}}", "text": "Hello {{name}}" }],
          "audiences": [{ "name": "list", "size": 20, "providers": [{ "domain": "example.org", "share": 1 }] }],
          "traffic": [{
            "name": "promo",
            "api": "SendTemplatedEmail",
            "from": "news@example.com",
            "template": "welcome",
            "templateData": { "name": { "oneOf": ["Ana", "Ben"] } },
            "recipients": { "audience": "list" },
            "schedule": { "executor": "repeating", "start": "+10m", "every": "30m", "times": 3, "callRate": 2 },
            "retry": { "maxAttempts": 4, "backoff": "2s", "jitter": "equal" }
          }],
          "expect": [{ "metric": "events.send", "atLeast": 60 }]
        }
        """

    @Test func jsonScenarioReadsAsItsYAMLTwin() throws {
        let fromJSON = try ScenarioFixtures.load(Self.json, file: "demo.json")
        let fromYAML = try ScenarioFixtures.load(Self.yaml)
        #expect(fromJSON.name == "demo")
        #expect(fromJSON.seed == 9)
        #expect(fromJSON.duration == .hours(2))
        #expect(fromJSON.account.maximumSendRate == 5)
        #expect(fromJSON.templates == fromYAML.templates)
        #expect(fromJSON.audiences == fromYAML.audiences)
        #expect(fromJSON.traffic == fromYAML.traffic)
        #expect(fromJSON.expectations == fromYAML.expectations)
        #expect(
            fromJSON.traffic.first?.schedule
                == .repeating(start: .start + .minutes(10), every: .minutes(30), times: 3, callRate: 2))
        #expect(fromJSON.traffic.first?.retry.jitter == .equal)
    }

    @Test func jsonFileOnDiskLoads() throws {
        let path = ScenarioFixtures.write(Self.json, named: "demo.json")
        let scenario = try ScenarioLoader().load(file: path)
        #expect(scenario.file == path)
        #expect(scenario.traffic.count == 1)
    }

    @Test func problemInJSONIsReportedWithItsLineAndColumn() {
        let text = Self.json.replacingOccurrences(of: "\"times\": 3", with: "\"times\": \"thrice\"")
        #expect(
            ScenarioFixtures.messages(text, file: "demo.json") == [
                "demo.json:16:86: traffic[0].schedule.times: expected a number of runs, found the text 'thrice'"
            ])
    }
}
