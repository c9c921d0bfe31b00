/// An exponential distribution: memoryless waiting times, as between the
/// arrivals of a Poisson process.
@frozen
public struct ExponentialDistribution: Hashable, Sendable {
    /// The mean waiting time (the inverse of the rate).
    public let mean: Double

    /// An exponential distribution with mean `mean`, which must be positive.
    public init(mean: Double) {
        precondition(mean > 0 && mean.isFinite, "an exponential mean must be positive and finite")
        self.mean = mean
    }

    /// One sample.
    @inlinable
    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        generator.nextExponential(mean: mean)
    }
}

/// A normal (Gaussian) distribution.
@frozen
public struct NormalDistribution: Hashable, Sendable {
    /// The mean.
    public let mean: Double
    /// The standard deviation.
    public let standardDeviation: Double

    /// A normal distribution; the standard deviation must not be negative.
    public init(mean: Double, standardDeviation: Double) {
        precondition(standardDeviation >= 0, "a standard deviation cannot be negative")
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// One sample.
    @inlinable
    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        generator.nextNormal(mean: mean, standardDeviation: standardDeviation)
    }
}

/// A lognormal distribution, stated the way scenario files state delays: by
/// its median and its 99th percentile.
///
/// `ln X ~ Normal(μ, σ)` with `μ = ln(median)` and
/// `σ = (ln(p99) − μ) / z₀.₉₉`, where `z₀.₉₉ ≈ 2.326` is the standard normal's
/// 99th percentile. A median equal to the p99 gives a constant.
@frozen
public struct LogNormalDistribution: Hashable, Sendable {
    /// The standard normal distribution's 99th percentile.
    public static let z99 = 2.326_347_874_040_840_8

    /// μ, the mean of the logarithm.
    public let logMean: Double
    /// σ, the standard deviation of the logarithm.
    public let logStandardDeviation: Double

    /// A lognormal distribution with the given median and 99th percentile.
    ///
    /// - Throws: ``DistributionError`` unless `0 < median ≤ p99`, both finite.
    public init(median: Double, p99: Double) throws(DistributionError) {
        guard median > 0, median.isFinite, p99.isFinite else {
            throw DistributionError("a lognormal median must be positive and finite, got \(median)")
        }
        guard p99 >= median else {
            throw DistributionError(
                "a lognormal 99th percentile (\(p99)) cannot be below its median (\(median))")
        }
        self.logMean = ElementaryFunctions.naturalLogarithm(median)
        self.logStandardDeviation =
            (ElementaryFunctions.naturalLogarithm(p99) - logMean) / Self.z99
    }

    /// The median, `e^μ`.
    public var median: Double { ElementaryFunctions.exponential(logMean) }

    /// The quantile at the standard normal score `z`: `e^(μ + zσ)`.
    public func quantile(standardScore z: Double) -> Double {
        ElementaryFunctions.exponential(logMean + z * logStandardDeviation)
    }

    /// The mean, `e^(μ + σ²/2)`.
    public var mean: Double {
        ElementaryFunctions.exponential(logMean + logStandardDeviation * logStandardDeviation / 2)
    }

    /// One sample.
    @inlinable
    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        ElementaryFunctions.exponential(
            generator.nextNormal(mean: logMean, standardDeviation: logStandardDeviation))
    }
}

/// Parameters that do not describe a distribution.
public struct DistributionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
