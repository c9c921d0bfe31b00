import Runner
import ScenarioFormat
import ScenarioTesting
import SimJSON
import Testing

@testable import Sweeps

@Suite("Aggregate statistics")
struct FigureStatisticsTests {
    @Test func matchesHandComputedValues() throws {
        // 3 1 4 1 5 9 2 6: sum 31, mean 3.875; squared deviations sum 52.875,
        // variance 52.875 / 7, sd 2.7483761439387130; sorted 1 1 2 3 4 5 6 9.
        let statistics = FigureStatistics(values: [3, 1, 4, 1, 5, 9, 2, 6])
        #expect(statistics.count == 8)
        #expect(statistics.mean == 3.875)
        #expect(abs(statistics.standardDeviation! - (52.875 / 7).squareRoot()) < 1e-15)
        #expect(statistics.minimum == 1)
        #expect(statistics.maximum == 9)
        // h = 7 × 0.05 = 0.35 → 1 + 0.35 × (1 − 1); h = 3.5 → 3 + 0.5 × (4 − 3); h = 6.65 → 6 + 0.65 × 3.
        #expect(statistics.p5 == 1)
        #expect(statistics.p50 == 3.5)
        #expect(abs(statistics.p95 - 7.95) < 1e-12)
        // mean ± t(0.975, 7) × sd / √8, t(0.975, 7) = 2.3646242515927844 (scipy).
        let interval = try #require(statistics.confidenceInterval)
        #expect(abs(interval.lowerBound - 1.5773000431592457) < 1e-12)
        #expect(abs(interval.upperBound - 6.172699956840754) < 1e-12)
    }

    @Test func constantValuesHaveNoSpread() throws {
        let statistics = FigureStatistics(values: [0.1, 0.1, 0.1])
        #expect(statistics.mean == 0.1)
        #expect(statistics.standardDeviation == 0)
        #expect(statistics.confidenceInterval == 0.1...0.1)
        #expect(statistics.p95 == 0.1)
    }

    @Test func aSingleValueHasNoInterval() {
        let statistics = FigureStatistics(values: [4])
        #expect(statistics.standardDeviation == nil)
        #expect(statistics.confidenceInterval == nil)
        #expect(statistics.p5 == 4 && statistics.p95 == 4)
        #expect(
            statistics.json.serialized()
                == #"{"ci95":null,"count":1,"max":4,"mean":4,"min":4,"p5":4,"p50":4,"p95":4,"sd":null}"#)
    }

    @Test func percentilesInterpolateLinearly() {
        let sorted: [Double] = [10, 20, 30, 40, 50]
        #expect(FigureStatistics.percentile(0, ofSorted: sorted) == 10)
        #expect(FigureStatistics.percentile(100, ofSorted: sorted) == 50)
        #expect(FigureStatistics.percentile(25, ofSorted: sorted) == 20)
        #expect(FigureStatistics.percentile(90, ofSorted: sorted) == 46)
        #expect(FigureStatistics.percentile(95, ofSorted: [1, 2, .infinity]) == .infinity)
        #expect(FigureStatistics.percentile(50, ofSorted: [1, 2, .infinity]) == 2)
        #expect(FigureStatistics.percentile(25, ofSorted: [1, 2, .infinity]) == 1.5)
    }

    @Test func theOrderOfValuesFixesTheBytes() {
        let values = (0..<1_000).map { Double($0 % 7) * 0.1 + 1e-3 * Double($0) }
        #expect(FigureStatistics(values: values).json == FigureStatistics(values: values).json)
    }
}
