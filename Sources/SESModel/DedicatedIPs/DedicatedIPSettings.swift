/// The account's dedicated IPs as a scenario sets them up.
public struct DedicatedIPSettings: Hashable, Sendable {
    /// Automatic warm-up (`PutAccountDedicatedIpWarmupAttributes`); on by default.
    public var autoWarmupEnabled: Bool
    /// Whether the account leases dedicated IPs for the first time: then
    /// volume over the warm-up caps goes to SES's shared IPs; otherwise to
    /// the account's already-warm dedicated IPs.
    public var firstTimeLessee: Bool
    /// The warm-up plan.
    public var plan: WarmupPlan
    /// Named pools (besides SES's default dedicated pool and shared pool).
    public var pools: [String]
    /// The IPs.
    public var ips: [DedicatedIPDefinition]

    public init(
        autoWarmupEnabled: Bool = true, firstTimeLessee: Bool = true, plan: WarmupPlan = .standard,
        pools: [String] = [], ips: [DedicatedIPDefinition] = []
    ) {
        self.autoWarmupEnabled = autoWarmupEnabled
        self.firstTimeLessee = firstTimeLessee
        self.plan = plan
        self.pools = pools
        self.ips = ips
    }

    /// SES's built-in pool names.
    public static let defaultPool = "ses-default-dedicated-pool"
    public static let sharedPool = "ses-shared-pool"
}

/// A pool's overflow on one day of the run.
public struct DailyPoolRecord: Hashable, Sendable {
    public var day: Int
    /// Messages that wanted the pool but found every IP at its cap.
    public var overflowToShared = 0
    public var overflowToWarmIPs = 0
}
