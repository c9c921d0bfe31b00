import SimCore

/// The daily sending caps of SES's automatic warm-up, by day of the plan.
///
/// SES publishes only the shape's end points: "The maximum daily amount of
/// mail increases from the first day until you reach a maximum of 50,000
/// emails within 45 days", and the percentage "steadily increases over 45
/// days, independently from your sending volume" (ses-facts.md §5.1). sesim's
/// default plan is geometric: 200 messages on day 1, growing by the same
/// factor each day (≈13.4%) to 50,000 on day 45 — the shape of the warm-up
/// schedules mailbox providers recommend (start with a few hundred a day,
/// grow steadily, roughly doubling every five to six days). A scenario can
/// replace it with its own list of daily caps.
public struct WarmupPlan: Hashable, Sendable {
    /// The cap of each day of the plan; the last is the warm cap.
    public let dailyCaps: [Int]

    /// The plan of `dailyCaps` (at least two days, non-decreasing, positive).
    public init(dailyCaps: [Int]) throws(WarmupPlanError) {
        guard dailyCaps.count >= 2 else { throw WarmupPlanError("a warm-up plan lists at least two daily caps") }
        guard dailyCaps.allSatisfy({ $0 > 0 }) else { throw WarmupPlanError("daily caps must be positive") }
        guard zip(dailyCaps, dailyCaps.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw WarmupPlanError("daily caps must not decrease from one day to the next")
        }
        self.dailyCaps = dailyCaps
    }

    /// sesim's default: 45 days, 200 to 50,000, geometric.
    public static let standard: WarmupPlan = {
        let days = 45
        let first = 200.0
        let last = 50_000.0
        let factor = ElementaryFunctions.power(last / first, 1.0 / Double(days - 1))
        var caps: [Int] = []
        var cap = first
        for day in 1...days {
            caps.append(day == days ? Int(last) : Int(cap.rounded()))
            cap *= factor
        }
        return try! WarmupPlan(dailyCaps: caps)
    }()

    /// The number of days in the plan.
    public var days: Int { dailyCaps.count }

    /// The warm cap (the plan's last day).
    public var warmCap: Int { dailyCaps[dailyCaps.count - 1] }

    /// Warm-up percentage gained per day: 0% at the start of day 1, 100% at
    /// the end of the plan's last day (the IP is warm from the day after).
    public var percentagePerDay: Double { 100 / Double(days) }

    /// The day of the plan (1-based) a warm-up percentage stands for.
    public func day(atPercentage percentage: Double) -> Int {
        let clamped = min(max(percentage, 0), 100)
        return 1 + Int((clamped / percentagePerDay + 1e-9).rounded(.down))
    }

    /// The daily cap at a warm-up percentage.
    public func cap(atPercentage percentage: Double) -> Int {
        dailyCaps[min(day(atPercentage: percentage), days) - 1]
    }
}

/// A warm-up plan that cannot be used.
public struct WarmupPlanError: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

