import ScenarioFormat
import ScenarioTesting
import Testing

@testable import SESSimulation

/// What the engine refuses to build.
@Suite("Engine setup")
struct EngineSetupTests {
    /// An audience of 100 members and a client sending to it.
    static let scenarioText = """
        name: demo
        start: 2026-03-02T00:00:00Z
        duration: 1h
        audiences:
          - name: subscribers
            size: 100
            providers: [{ domain: gmail.com, share: 1 }]
        traffic:
          - name: promo
            api: SendEmail
            from: news@example.com
            content: { subject: Hi, text: Hello }
            recipients: { audience: subscribers }
            schedule: { executor: once }
        """

    /// A scenario built or changed in code skips the loader: the runner
    /// reports the problem instead of crashing.
    @Test func theRunnerRefusesAnUndefinedAudienceOrASliceOutsideIt() throws {
        var scenario = try ScenarioFixtures.load(Self.scenarioText)
        scenario.traffic[0].recipients = .audience(name: "gone", from: 0, count: nil)
        #expect {
            _ = try SimulationEngine(scenario: scenario)
        } throws: { error in
            (error as? ScenarioRunError)?.message
                == "traffic client promo: no audience named 'gone' is defined"
        }
        scenario.traffic[0].recipients = .audience(name: "subscribers", from: 150, count: nil)
        #expect {
            _ = try SimulationEngine(scenario: scenario)
        } throws: { error in
            (error as? ScenarioRunError)?.message
                == "traffic client promo: the slice from member 150 does not fit audience 'subscribers', "
                + "which has 100 members"
        }
        scenario.traffic[0].recipients = .audience(name: "subscribers", from: 50, count: 80)
        #expect {
            _ = try SimulationEngine(scenario: scenario)
        } throws: { error in
            (error as? ScenarioRunError)?.message
                == "traffic client promo: the slice from member 50 of 80 members does not fit audience "
                + "'subscribers', which has 100 members"
        }
        scenario.traffic[0].recipients = .audience(name: "subscribers", from: 50, count: 50)
        #expect(throws: Never.self) { _ = try SimulationEngine(scenario: scenario) }
    }
}
