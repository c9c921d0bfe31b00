/// The samplers every run uses, written here rather than taken from the
/// standard library, whose `random(in:using:)` may change algorithm between
/// Swift versions and so change a run's output.
extension RandomNumberGenerator {
    /// A uniform double in [0, 1): the top 53 bits of one draw.
    @inlinable
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in `0..<bound`, without modulo bias (Lemire's
    /// multiply-and-reject method). `bound` must be positive.
    @inlinable
    public mutating func nextInt(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "the bound must be positive")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// A uniform integer in `range`.
    @inlinable
    public mutating func nextInt(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(bitPattern: Int64(range.upperBound) &- Int64(range.lowerBound)) &+ 1
        if width == 0 { return Int(truncatingIfNeeded: next()) }
        return range.lowerBound &+ Int(truncatingIfNeeded: nextInt(below: width))
    }

    /// `true` with probability `probability` (clamped to [0, 1]).
    @inlinable
    public mutating func nextBernoulli(_ probability: Double) -> Bool {
        nextUniform() < probability
    }

    /// An exponential variate with mean `mean`, by inversion.
    @inlinable
    public mutating func nextExponential(mean: Double) -> Double {
        -mean * ElementaryFunctions.naturalLogarithm(1 - nextUniform())
    }

    /// A normal variate (Box–Muller; each call uses two draws).
    @inlinable
    public mutating func nextNormal(mean: Double = 0, standardDeviation: Double = 1) -> Double {
        let u1 = 1 - nextUniform()  // (0, 1]
        let u2 = nextUniform()
        let radius = (-2 * ElementaryFunctions.naturalLogarithm(u1)).squareRoot()
        return mean + standardDeviation * radius * ElementaryFunctions.cosine(2 * .pi * u2)
    }
}
