import Runner
import ScenarioFormat
import ScenarioTesting
import SimJSON
import Testing

@testable import Sweeps

@Suite("Expectations over replications")
struct OverExpectationTests {
    private func load(expect: String) throws(ScenarioValidationError) -> Scenario {
        let text = SweepFixtures.scenario().replacingOccurrences(
            of: "expect:\n", with: "expect:\n  \(expect)\n")
        return try ScenarioLoader().load(text: text, file: "test.yaml")
    }

    @Test(arguments: [
        ("each", ReplicationCriterion.each), ("mean", .mean), ("ci95.upper", .upperConfidenceBound),
        ("ci95.lower", .lowerConfidenceBound), ("p(95)", .percentile(95)), ("p(2.5)", .percentile(2.5)),
        ("p(0)", .percentile(0)), ("p(100)", .percentile(100)),
    ])
    func overIsRead(text: String, criterion: ReplicationCriterion) throws {
        let scenario = try load(expect: "- { metric: reputation.bounceRate, below: 0.05, over: \(text) }")
        #expect(scenario.expectations[0].over == criterion)
        #expect(criterion.description == text)
    }

    @Test func campaignExpectationsTakeOver() throws {
        let scenario = try load(expect: "- { campaign: promo, completesWithin: 2d, over: p(90) }")
        #expect(scenario.expectations[0].over == .percentile(90))
        #expect(SweepManifest.Expectation(scenario.expectations[0]).comparison == .atMost(172_800))
    }

    @Test func withoutOverASweepChecksEachRun() throws {
        let scenario = try load(expect: "- { metric: events.bounce, below: 3 }")
        #expect(scenario.expectations[0].over == nil)
        #expect(SweepManifest.Expectation(scenario.expectations[0]).over == .each)
    }

    @Test(arguments: [
        ("- { metric: events.bounce, below: 3, over: average }", "unknown over 'average'"),
        ("- { metric: events.bounce, below: 3, over: ci95.uper }", "(did you mean 'ci95.upper'?)"),
        ("- { metric: events.bounce, below: 3, over: p(101) }", "from 0 to 100"),
        ("- { metric: events.bounce, below: 3, over: p(x) }", "from 0 to 100"),
        ("- { metric: account.status, equals: healthy, over: mean }", "use over: each for a text value"),
    ])
    func badOverIsAnError(expect: String, message: String) {
        #expect {
            try load(expect: expect)
        } throws: { error in
            let description = (error as? ScenarioValidationError)?.description ?? ""
            return description.contains(message) && description.contains("expect[0].over")
        }
    }

    private func verdicts(_ values: [Double?], passed: [Bool]? = nil) -> [ReplicationResult.Verdict] {
        values.enumerated().map { index, value in
            ReplicationResult.Verdict(passed: passed?[index] ?? true, value: value)
        }
    }

    private func expectation(_ over: ReplicationCriterion, _ comparison: Comparison)
        -> SweepManifest.Expectation
    {
        SweepManifest.Expectation(description: "bounce rate", over: over, comparison: comparison)
    }

    @Test func eachNeedsEveryRun() {
        let judged = SweepAggregate.judge(
            expectation(.each, .below(0.05)),
            verdicts: verdicts([0.01, 0.06, 0.02], passed: [true, false, true]))
        #expect(judged.passed == false)
        #expect(judged.passedReplications == 2)
        #expect(judged.observed == "2 of 3 replications passed")
    }

    @Test func statisticsAreCompared() throws {
        // Values 0.02 0.03 0.04 0.05 0.06: mean 0.04, sd 0.0158114, t(0.975, 4) = 2.7764451051977934.
        let values = verdicts([0.02, 0.03, 0.04, 0.05, 0.06])
        let upper = 0.04 + 2.7764451051977934 * (0.00025).squareRoot() / 5.0.squareRoot()
        let judgedUpper = SweepAggregate.judge(
            expectation(.upperConfidenceBound, .below(0.05)), verdicts: values)
        #expect(abs(try #require(judgedUpper.value) - upper) < 1e-12)
        #expect(judgedUpper.passed == false)  // 0.0596 ≥ 0.05
        #expect(SweepAggregate.judge(expectation(.mean, .below(0.05)), verdicts: values).passed == true)
        #expect(
            SweepAggregate.judge(expectation(.lowerConfidenceBound, .above(0.03)), verdicts: values).passed
                == false)
        let p95 = SweepAggregate.judge(expectation(.percentile(95), .atMost(0.058)), verdicts: values)
        #expect(abs(try #require(p95.value) - 0.058) < 1e-15)
        #expect(
            SweepAggregate.judge(expectation(.percentile(50), .equals(.number(0.04))), verdicts: values)
                .passed == true)
    }

    @Test func unfinishedCampaignsCountAsInfinite() {
        let limit = expectation(.percentile(50), .atMost(100))
        #expect(SweepAggregate.judge(limit, verdicts: verdicts([10, 20, .infinity])).passed == true)
        let p95 = SweepAggregate.judge(
            expectation(.percentile(95), .atMost(100)), verdicts: verdicts([10, 20, .infinity]))
        #expect(p95.passed == false)
        #expect(p95.observed.hasPrefix("∞"))
        #expect(
            SweepAggregate.judge(expectation(.mean, .atMost(100)), verdicts: verdicts([10, .infinity])).passed
                == false)
    }

    @Test func missingValuesAndSingleRunsFail() {
        let missing = SweepAggregate.judge(expectation(.mean, .below(1)), verdicts: verdicts([0.5, nil]))
        #expect(missing.passed == false)
        #expect(missing.observed == "no number in 1 of 2 replications")
        let single = SweepAggregate.judge(
            expectation(.upperConfidenceBound, .below(1)), verdicts: verdicts([0.5]))
        #expect(single.passed == false)
        #expect(SweepAggregate.judge(expectation(.mean, .below(1)), verdicts: []).passed == nil)
    }

    @Test func sesimRunIgnoresOver() throws {
        let scenario = try load(expect: "- { metric: events.bounce, below: 100, over: ci95.upper }")
        let result = try ScenarioRunner(scenario: scenario).run()
        #expect(result.expectations[0].passed)
        #expect(result.expectations[0].value != nil)
    }
}
