import SimCore

/// A delay distribution as scenarios state it: a median and a 99th percentile,
/// sampled as a lognormal (or a constant when the two are equal).
public struct DelaySpec: Hashable, Sendable {
    public var median: SimDuration
    public var p99: SimDuration
    @usableFromInline let distribution: LogNormalDistribution

    /// A delay with the given median and 99th percentile; `p99 ≥ median > 0`.
    public init(median: SimDuration, p99: SimDuration) throws(DistributionError) {
        self.median = median
        self.p99 = p99
        self.distribution = try LogNormalDistribution(median: median.seconds, p99: p99.seconds)
    }

    /// One delay.
    @inlinable
    public func sample<Generator: RandomNumberGenerator>(using generator: inout Generator) -> SimDuration {
        SimDuration(seconds: distribution.sample(using: &generator))
    }

    public static func == (lhs: DelaySpec, rhs: DelaySpec) -> Bool {
        lhs.median == rhs.median && lhs.p99 == rhs.p99
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(median)
        hasher.combine(p99)
    }

    /// A delay known to be valid.
    static func fixed(median: SimDuration, p99: SimDuration) -> DelaySpec {
        // The arguments are constants of this module, checked by the tests.
        try! DelaySpec(median: median, p99: p99)
    }
}
