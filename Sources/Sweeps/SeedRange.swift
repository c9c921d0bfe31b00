import Runner
import SESSimulation
import ScenarioFormat

/// The seeds of a sweep's replications, `A-B` on the command line: every
/// whole number from `first` to `last`, both included.
public struct SeedRange: Hashable, Sendable, CustomStringConvertible {
    public let first: UInt64
    public let last: UInt64

    /// The most seeds one sweep runs.
    public static let maximumCount = 10_000_000

    public init(first: UInt64, last: UInt64) throws(SweepError) {
        guard first <= last else {
            throw SweepError("--seeds \(first)-\(last): the first seed is larger than the last")
        }
        guard last <= UInt64(Int64.max) else {
            throw SweepError("--seeds: seeds go up to \(Int64.max)")
        }
        guard last - first < UInt64(Self.maximumCount) else {
            throw SweepError("--seeds \(first)-\(last): at most \(Self.maximumCount) seeds in one sweep")
        }
        self.first = first
        self.last = last
    }

    /// Reads `A-B` (or a single seed `A`).
    public init(parsing text: String) throws(SweepError) {
        let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = UInt64(parts[0]), parts.count == 1 || UInt64(parts[1]) != nil else {
            throw SweepError("--seeds '\(text)': expected a range of whole numbers such as 1-200")
        }
        try self.init(first: first, last: parts.count == 1 ? first : UInt64(parts[1])!)
    }

    /// How many seeds.
    public var count: Int { Int(last - first) + 1 }

    /// The `offset`-th seed.
    public func seed(at offset: Int) -> UInt64 { first + UInt64(offset) }

    public var description: String { first == last ? "\(first)" : "\(first)-\(last)" }
}
