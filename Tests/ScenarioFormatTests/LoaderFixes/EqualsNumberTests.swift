import ScenarioTesting
import SimJSON
import Testing

@testable import ScenarioFormat

/// `equals` with a number written with underscores compares numbers, as
/// every other number in a scenario is read.
@Suite("Loader fixes: equals with underscores")
struct EqualsNumberTests {
    typealias F = LoaderFixFixtures

    @Test(arguments: [("1_000", 1_000.0), ("2_500.5", 2_500.5), ("1000", 1_000.0), ("-1_0", -10.0)])
    func numbersWithUnderscoresCompareAsNumbers(_ written: String, _ value: Double) throws {
        let scenario = try F.load(F.head + "expect:\n  - { metric: events.send, equals: \(written) }\n")
        let expectation = try #require(scenario.expectations.first)
        guard case .metric(_, let comparison, nil) = expectation.check else {
            Issue.record("not a metric expectation: \(expectation.check)")
            return
        }
        #expect(comparison == .equals(.number(value)))
        #expect(expectation.label == "events.send equals \(JSONNumber.format(value))")
    }

    @Test func textStillComparesAsText() throws {
        let scenario = try F.load(F.head + "expect:\n  - { metric: account.status, equals: '1_000' }\n")
        guard case .metric(_, let comparison, nil)? = scenario.expectations.first?.check else {
            Issue.record("not a metric expectation")
            return
        }
        #expect(comparison == .equals(.text("1_000")))
    }
}
