/// A categorical distribution sampled in constant time by Walker's alias
/// method (Vose's construction).
///
/// Build it once from weights (a provider mix, an outcome table); each sample
/// then costs one bounded integer and one uniform draw. Construction is
/// deterministic: the same weights give the same table on every machine.
public struct AliasTable: Hashable, Sendable {
    /// Per column, the probability of keeping the column rather than its alias.
    public private(set) var probabilities: [Double]
    /// Per column, the category taken when the column is not kept.
    public private(set) var aliases: [Int]

    /// A table over `weights.count` categories with the given relative
    /// weights; categories of weight zero are never drawn.
    ///
    /// - Throws: ``DistributionError`` if there are no weights, one is negative
    ///   or not finite, or they sum to zero.
    public init(weights: [Double]) throws(DistributionError) {
        guard !weights.isEmpty else {
            throw DistributionError("a categorical distribution needs at least one weight")
        }
        guard weights.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw DistributionError("categorical weights must be finite and not negative")
        }
        let total = weights.reduce(0, +)
        guard total > 0 else { throw DistributionError("categorical weights must not all be zero") }
        let count = weights.count
        var scaled = weights.map { $0 * Double(count) / total }
        var probabilities = [Double](repeating: 0, count: count)
        var aliases = [Int](repeating: 0, count: count)
        var small: [Int] = []
        var large: [Int] = []
        for index in 0..<count {
            if scaled[index] < 1 { small.append(index) } else { large.append(index) }
        }
        while !small.isEmpty && !large.isEmpty {
            let less = small.removeLast()
            let more = large[large.count - 1]
            probabilities[less] = scaled[less]
            aliases[less] = more
            scaled[more] = (scaled[more] + scaled[less]) - 1
            if scaled[more] < 1 {
                large.removeLast()
                small.append(more)
            }
        }
        // What is left is 1 up to rounding.
        for index in large {
            probabilities[index] = 1
            aliases[index] = index
        }
        for index in small {
            probabilities[index] = 1
            aliases[index] = index
        }
        self.probabilities = probabilities
        self.aliases = aliases
    }

    /// The number of categories.
    public var count: Int { probabilities.count }

    /// One category index, drawn with probability proportional to its weight.
    @inlinable
    public func sample(using generator: inout some RandomNumberGenerator) -> Int {
        let column = Int(generator.nextInt(below: UInt64(probabilities.count)))
        return generator.nextUniform() < probabilities[column] ? column : aliases[column]
    }
}
