import SimCore
import Testing

@Suite("Seeded random streams")
struct RandomTests {
    /// Reference outputs computed with the authors' C code (splitmix64.c,
    /// xoshiro256starstar.c), seeding xoshiro with four SplitMix64 outputs.
    @Test func splitMix64MatchesTheReferenceImplementation() {
        var zero = SplitMix64(seed: 0)
        #expect(
            [zero.next(), zero.next(), zero.next()] == [
                0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F,
            ])
        var other = SplitMix64(seed: 1_234_567)
        #expect(
            [other.next(), other.next(), other.next()] == [
                0x599E_D017_FB08_FC85, 0x2C73_F084_5854_0FA5, 0x883E_BCE5_A3F2_7C77,
            ])
    }

    @Test func xoshiro256StarStarMatchesTheReferenceImplementation() {
        var generator = Xoshiro256StarStar(seed: 42)
        let first = (0..<5).map { _ in generator.next() }
        #expect(
            first == [
                0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1, 0xECB8_AD47_03B3_60A1,
                0xFDE6_DC7F_E2EC_5E64,
            ])
        var zero = Xoshiro256StarStar(seed: 0)
        #expect(
            [zero.next(), zero.next(), zero.next()] == [
                0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0,
            ])
    }

    /// Pins the derivation (the FNV-1a value is checked against an independent
    /// Python computation) of named and keyed streams: changing it would change
    /// every run's output, so it must be a deliberate, versioned decision.
    @Test func streamDerivationIsPinned() {
        #expect(StableHash.hash("") == SplitMix64.mix(0xCBF2_9CE4_8422_2325))
        #expect(StableHash.hash("arrivals") == 0x3618_5148_9931_6990)
        let streams = RandomStreams(seed: 2026)
        var arrivals = streams.generator("arrivals")
        #expect(arrivals.next() == 0x9610_91EB_2283_C033)
        #expect(streams.keyed("outcomes").bits(key: 17, index: 3) == 0xB366_264A_6D96_9D44)
    }

    @Test func substreamsWithDifferentNamesOrKeysDiffer() {
        let streams = RandomStreams(seed: 1)
        var a = streams.generator("arrivals")
        var b = streams.generator("message-ids")
        var c = streams.generator("arrivals", key: 1)
        let first = (0..<4).map { _ in a.next() }
        #expect(first != (0..<4).map { _ in b.next() })
        #expect(first != (0..<4).map { _ in c.next() })
        var again = RandomStreams(seed: 1).generator("arrivals")
        #expect(first == (0..<4).map { _ in again.next() })
        var otherSeed = RandomStreams(seed: 2).generator("arrivals")
        #expect(first != (0..<4).map { _ in otherSeed.next() })
    }

    @Test func aKeyedDrawDoesNotDependOnOtherDraws() {
        let stream = RandomStreams(seed: 99).keyed("recipient-outcomes")
        let direct = stream.uniform(key: 12_345, index: 2)
        // Draw a great deal of other keys and indices, in scrambled order.
        var scrambler = Xoshiro256StarStar(seed: 3)
        var sink = 0.0
        for _ in 0..<10_000 {
            sink += stream.uniform(key: scrambler.next(), index: scrambler.nextInt(below: 8))
        }
        #expect(sink > 0)
        #expect(stream.uniform(key: 12_345, index: 2) == direct)
        var draws = stream.draws(for: 12_345)
        _ = draws.next()
        _ = draws.next()
        #expect(Double(draws.next() >> 11) * 0x1.0p-53 == direct)
        #expect(stream.uniform(key: 12_345, index: 1) != direct)
        #expect(stream.uniform(key: 12_346, index: 2) != direct)
    }

    @Test func uniformDoublesAreInTheUnitIntervalWithTheRightMoments() {
        var generator = Xoshiro256StarStar(seed: 11)
        let statistics = Moments((0..<1_000_000).map { _ in generator.nextUniform() })
        #expect(statistics.minimum >= 0 && statistics.maximum < 1)
        #expect(abs(statistics.mean - 0.5) < 0.002)
        #expect(abs(statistics.variance - 1.0 / 12) < 0.001)
    }

    @Test func boundedIntegersAreUnbiased() {
        var generator = Xoshiro256StarStar(seed: 12)
        // A bound that a modulo would bias heavily: 3 · 2^62.
        let bound: UInt64 = 3 << 62
        var low = 0
        let draws = 1_000_000
        for _ in 0..<draws {
            let value = generator.nextInt(below: bound)
            precondition(value < bound)
            if value < bound / 2 { low += 1 }
        }
        // With modulo bias the lower half would get about 2/3 of the draws.
        #expect(abs(Double(low) / Double(draws) - 0.5) < 0.003)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<700_000 { counts[Int(generator.nextInt(below: 7))] += 1 }
        #expect(counts.allSatisfy { abs($0 - 100_000) < 1_500 })
        var seen = Set<Int>()
        for _ in 0..<1_000 { seen.insert(generator.nextInt(in: -3...3)) }
        #expect(seen == Set(-3...3))
    }

    @Test func bernoulliHitsItsProbability() {
        var generator = Xoshiro256StarStar(seed: 13)
        let hits = (0..<1_000_000).filter { _ in generator.nextBernoulli(0.07) }.count
        #expect(abs(Double(hits) / 1_000_000 - 0.07) < 0.001)
        var never = 0
        var always = 0
        for _ in 0..<1_000 {
            if generator.nextBernoulli(0) { never += 1 }
            if generator.nextBernoulli(1) { always += 1 }
        }
        #expect(never == 0)
        #expect(always == 1_000)
    }

    @Test func exponentialHasItsMeanAndSpread() {
        var generator = Xoshiro256StarStar(seed: 14)
        let distribution = ExponentialDistribution(mean: 2.5)
        let statistics = Moments((0..<1_000_000).map { _ in distribution.sample(using: &generator) })
        #expect(statistics.minimum >= 0)
        #expect(abs(statistics.mean - 2.5) < 0.02)
        #expect(abs(statistics.standardDeviation - 2.5) < 0.03)
    }

    @Test func normalHasItsMeanAndSpread() {
        var generator = Xoshiro256StarStar(seed: 15)
        let distribution = NormalDistribution(mean: -4, standardDeviation: 3)
        let statistics = Moments((0..<1_000_000).map { _ in distribution.sample(using: &generator) })
        #expect(abs(statistics.mean + 4) < 0.01)
        #expect(abs(statistics.standardDeviation - 3) < 0.01)
    }

    @Test func lognormalFromMedianAndP99HasThatMedianAndP99() throws {
        var generator = Xoshiro256StarStar(seed: 16)
        let distribution = try LogNormalDistribution(median: 2, p99: 30)
        #expect(abs(distribution.median - 2) < 1e-12)
        #expect(abs(distribution.quantile(standardScore: LogNormalDistribution.z99) - 30) < 1e-9)
        var samples = (0..<1_000_000).map { _ in distribution.sample(using: &generator) }
        samples.sort()
        #expect(abs(samples[500_000] / 2 - 1) < 0.01)
        #expect(abs(samples[990_000] / 30 - 1) < 0.02)
        let statistics = Moments(samples)
        #expect(abs(statistics.mean / distribution.mean - 1) < 0.02)
    }

    @Test func lognormalWithEqualMedianAndP99IsConstant() throws {
        var generator = Xoshiro256StarStar(seed: 17)
        let distribution = try LogNormalDistribution(median: 1.5, p99: 1.5)
        for _ in 0..<100 {
            let sample = distribution.sample(using: &generator)
            #expect(abs(sample - 1.5) < 1e-12)
        }
    }

    @Test func lognormalRefusesImpossibleParameters() {
        #expect(
            throws: DistributionError("a lognormal 99th percentile (1.0) cannot be below its median (2.0)")
        ) {
            try LogNormalDistribution(median: 2, p99: 1)
        }
        #expect(throws: DistributionError.self) { try LogNormalDistribution(median: 0, p99: 1) }
    }

    @Test func aliasTableDrawsInProportionToWeights() throws {
        var generator = Xoshiro256StarStar(seed: 18)
        let weights = [0.45, 0.25, 0.2, 0.0, 0.1]
        let table = try AliasTable(weights: weights)
        var counts = [Int](repeating: 0, count: weights.count)
        for _ in 0..<1_000_000 { counts[table.sample(using: &generator)] += 1 }
        for (index, weight) in weights.enumerated() {
            #expect(abs(Double(counts[index]) / 1_000_000 - weight) < 0.002)
        }
        #expect(counts[3] == 0)
        #expect(throws: DistributionError.self) { try AliasTable(weights: []) }
        #expect(throws: DistributionError.self) { try AliasTable(weights: [0, 0]) }
        #expect(throws: DistributionError.self) { try AliasTable(weights: [1, -1]) }
    }
}

/// Sample statistics of a list of numbers.
struct Moments {
    let mean: Double
    let variance: Double
    let minimum: Double
    let maximum: Double

    init(_ values: [Double]) {
        let count = Double(values.count)
        let mean = values.reduce(0, +) / count
        self.mean = mean
        variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
        minimum = values.min() ?? .nan
        maximum = values.max() ?? .nan
    }

    var standardDeviation: Double { variance.squareRoot() }
}
