import SimCore

/// `WarmupStatus` of a dedicated IP (SES v2 `DedicatedIp`).
public enum WarmupStatus: String, Hashable, Sendable, CaseIterable {
    case inProgress = "IN_PROGRESS"
    case done = "DONE"
}

/// A standard dedicated IP as a scenario leases it.
public struct DedicatedIPDefinition: Hashable, Sendable {
    /// The address (sesim uses documentation ranges by convention).
    public var address: String
    /// The pool it is in; nil means the default pool.
    public var pool: String?
    /// When it was leased; may be before the run's start (negative).
    public var leasedAt: SimTime
    /// The warm-up percentage it had when leased (0 for a new IP).
    public var initialWarmupPercentage: Double

    public init(address: String, pool: String? = nil, leasedAt: SimTime = .start, initialWarmupPercentage: Double = 0) {
        self.address = address
        self.pool = pool
        self.leasedAt = leasedAt
        self.initialWarmupPercentage = initialWarmupPercentage
    }
}

/// One dedicated IP while the run goes on: its warm-up and its daily volume.
struct DedicatedIP: Sendable {
    let address: String
    /// The pool's index in the fleet.
    let pool: Int
    let leasedAt: SimTime
    /// Its index in the service's IP table.
    let tableIndex: Int32
    /// Warm-up percentage at `anchorTime`; it grows with time from there.
    var anchorPercentage: Double
    var anchorTime: SimTime
    /// Whether warm-up is over (by time, or marked complete, or never applied).
    var isWarm: Bool
    /// Messages sent today (the UTC day ``day``).
    var sentToday = 0
    /// Messages sent over the whole run.
    var sentTotal = 0
    /// Today's cap (nil when warm).
    var capToday: Int?
    /// Per day of the run: volume, cap and percentage at the day's start.
    var days: [DailyIPRecord] = []

    /// The warm-up percentage at `time`.
    func percentage(at time: SimTime, plan: WarmupPlan) -> Double {
        if isWarm { return 100 }
        let elapsedDays = Double((time - anchorTime).microseconds) / Double(SimDuration.microsecondsPerDay)
        return min(100, max(0, anchorPercentage + elapsedDays * plan.percentagePerDay))
    }
}

/// One IP's day.
public struct DailyIPRecord: Hashable, Sendable {
    /// The day of the run (1 = the start's UTC date).
    public var day: Int
    public var volume: Int
    /// The warm-up cap that day, nil when warm.
    public var cap: Int?
    public var warmupPercentage: Double
}
