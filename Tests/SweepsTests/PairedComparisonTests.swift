import Runner
import ScenarioFormat
import ScenarioTesting
import SimJSON
import Testing

@testable import Sweeps

@Suite("Paired comparisons")
struct PairedComparisonTests {
    @Test func identicalScenariosDifferByNothing() throws {
        let first = SweepFixtures.write(SweepFixtures.scenario(), named: "a.yaml")
        let second = SweepFixtures.write(SweepFixtures.scenario(), named: "b.yaml")
        let comparison = try PairedComparison.run(
            first: first, second: second, seeds: try SeedRange(parsing: "1-6"), jobs: 2)
        #expect(!comparison.figures.isEmpty)
        for figure in comparison.figures {
            #expect(figure.meanDifference == 0, "\(figure.path)")
            #expect(figure.pairedInterval == nil || figure.pairedInterval == 0...0, "\(figure.path)")
            #expect(figure.firstMean == figure.secondMean)
        }
        let bounces = try #require(comparison.figures.first { $0.path == "events.bounce" })
        #expect(bounces.pairs == 6)
        #expect(try #require(bounces.unpairedInterval).upperBound > 0)
        #expect(bounces.halfWidthRatio == 0)
        #expect(comparison.text.contains("\"meanDifference\": 0"))
    }

    @Test func commonRandomNumbersNarrowTheInterval() throws {
        let first = SweepFixtures.write(SweepFixtures.scenario(sendRate: 5), named: "slow.yaml")
        let second = SweepFixtures.write(SweepFixtures.scenario(sendRate: 14), named: "fast.yaml")
        let comparison = try PairedComparison.run(
            first: first, second: second, seeds: try SeedRange(parsing: "1-8"), jobs: 2)
        let calls = try #require(comparison.figures.first { $0.path == "api.SendEmail.calls" })
        #expect(calls.meanDifference < 0)  // a faster send rate: fewer throttled calls
        let paired = try #require(calls.pairedInterval)
        #expect(paired.upperBound < 0)
        // Recipient outcomes are the same draws in both: bounces do not differ.
        let bounces = try #require(comparison.figures.first { $0.path == "events.bounce" })
        #expect(bounces.pairedInterval == 0...0)
        #expect(bounces.halfWidthRatio == 0)
        #expect(comparison.table.contains("api.SendEmail.calls"))
    }

    @Test func pairedAndWelchIntervalsByHand() throws {
        // first 1 2 3 4, second 2 4 5 7: differences 1 2 2 3 (mean 2, sd √(2/3)).
        let figure = PairedComparison.figure(path: "x", first: [1, 2, 3, 4], second: [2, 4, 5, 7])
        #expect(figure.meanDifference == 2)
        let t3 = 3.1824463052837078  // scipy t.ppf(0.975, 3)
        let pairedHalf = t3 * (2.0 / 3).squareRoot() / 2
        let paired = try #require(figure.pairedInterval)
        #expect(abs(paired.upperBound - (2 + pairedHalf)) < 1e-12)
        // Welch: s1² = 5/3, s2² = 13/3, se² = (5/3 + 13/3)/4 = 1.5, ν = 1.5² / ((5/12)² + (13/12)²)/3 ...
        let s1 = 5.0 / 12
        let s2 = 13.0 / 12
        let degrees = (s1 + s2) * (s1 + s2) / ((s1 * s1 + s2 * s2) / 3)
        let welchHalf = StudentT.quantile(0.975, degreesOfFreedom: degrees) * (s1 + s2).squareRoot()
        let unpaired = try #require(figure.unpairedInterval)
        #expect(abs(unpaired.upperBound - (2 + welchHalf)) < 1e-12)
        #expect(abs(try #require(figure.halfWidthRatio) - pairedHalf / welchHalf) < 1e-12)
    }
}
