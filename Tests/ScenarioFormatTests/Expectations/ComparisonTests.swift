import ScenarioTesting
import SimJSON
import Testing

@testable import ScenarioFormat

@Suite("Expectations: comparisons against the summary")
struct ComparisonTests {
    static let summary: JSONValue = .object([
        "events": .object(["send": .int(5), "bounce": .int(0)]),
        "reputation": .object([
            "account": .object(["status": .string("HEALTHY"), "bounceRate": .number(0.05)])
        ]),
        "account": .object(["sendingEnabled": .bool(true)]),
        "dedicatedIps": .object([
            "ips": .object([
                "192.0.2.10": .object([
                    "days": .array([.object(["volume": .int(120)]), .object(["volume": .int(240)])])
                ])
            ])
        ]),
        "odd keys": .object(["a.b": .string("dotted")]),
    ])

    /// Checks `metric` `comparison` against ``summary``.
    static func check(_ metric: String, _ comparison: Comparison) -> ExpectationResult {
        var problem: String?
        let path = MetricPath(parsing: metric, problem: &problem)!
        let definition = ExpectationDefinition(
            check: .metric(path: path, comparison: comparison, at: nil), label: "check", path: "expect[0]")
        return ExpectationEvaluator.evaluate(definition, final: summary, snapshot: nil, campaigns: [:])
    }

    @Test(arguments: [
        (Comparison.below(5), false), (.below(5.01), true),
        (.atMost(5), true), (.atMost(4.99), false),
        (.equals(.number(5)), true), (.equals(.number(5.5)), false),
        (.atLeast(5), true), (.atLeast(5.01), false),
        (.above(5), false), (.above(4.99), true),
    ])
    func eachComparisonHoldsExactlyOnItsSideOfTheBound(comparison: Comparison, passes: Bool) {
        let result = Self.check("events.send", comparison)
        #expect(result.passed == passes)
        #expect(result.observed == "5")
        #expect(result.value == 5)
    }

    @Test func fractionalValuesCompareAsNumbers() {
        #expect(Self.check("reputation.account.bounceRate", .below(0.05)).passed == false)
        #expect(Self.check("reputation.account.bounceRate", .atMost(0.05)).passed)
        #expect(Self.check("reputation.account.bounceRate", .above(0.049)).observed == "0.05")
    }

    @Test func textAndBooleanValuesCompareByEquality() {
        #expect(Self.check("reputation.account.status", .equals(.text("HEALTHY"))).passed)
        let other = Self.check("reputation.account.status", .equals(.text("SHUTDOWN")))
        #expect(!other.passed)
        #expect(other.observed == "HEALTHY")
        #expect(Self.check("account.sendingEnabled", .equals(.text("true"))).passed)
        #expect(!Self.check("account.sendingEnabled", .equals(.text("false"))).passed)
    }

    @Test func numericComparisonOfTextFails() {
        let result = Self.check("reputation.account.status", .below(1))
        #expect(!result.passed)
        #expect(result.observed == "HEALTHY (not a number)")
        #expect(!Self.check("reputation.account.status", .equals(.number(0))).passed)
    }

    @Test func comparingAMappingFails() {
        let result = Self.check("reputation.account", .equals(.text("HEALTHY")))
        #expect(!result.passed)
        #expect(result.observed == "a mapping, not a value")
        #expect(
            Self.check("dedicatedIps.ips[\"192.0.2.10\"].days", .atLeast(0)).observed == "a list, not a value"
        )
    }

    @Test func quotedKeysAndListPositionsReachNestedValues() {
        let first = Self.check("dedicatedIps.ips[\"192.0.2.10\"].days[0].volume", .equals(.number(120)))
        #expect(first.passed)
        let second = Self.check("dedicatedIps.ips[\"192.0.2.10\"].days[1].volume", .above(200))
        #expect(second.passed)
        #expect(second.value == 240)
        #expect(Self.check("odd keys[\"a.b\"]", .equals(.text("dotted"))).passed)
    }

    @Test(arguments: [
        "events.sent", "reputation.account.status.value", "dedicatedIps.ips[\"192.0.2.11\"].days[0].volume",
        "dedicatedIps.ips[\"192.0.2.10\"].days[2].volume", "events[0]", "dedicatedIps.ips.days",
    ])
    func missingPathFailsAndSaysSo(metric: String) {
        let result = Self.check(metric, .atLeast(0))
        #expect(!result.passed)
        #expect(result.observed == "no value at \(metric) in the summary")
        #expect(result.value == nil)
    }
}
