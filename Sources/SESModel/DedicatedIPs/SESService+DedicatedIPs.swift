import SimCore

/// A dedicated IP as `GetDedicatedIps` reports it, with sesim's daily record.
public struct DedicatedIPState: Hashable, Sendable {
    public var ip: String
    public var warmupStatus: WarmupStatus
    /// 0–100.
    public var warmupPercentage: Int
    public var poolName: String
    public var leasedAt: SimTime
    /// Today's cap; nil when warm.
    public var capToday: Int?
    public var sentToday: Int
    public var sentTotal: Int
    public var days: [DailyIPRecord]
}

extension SESService {
    /// `GetDedicatedIps`, with each IP's daily record.
    public mutating func dedicatedIPs(at now: SimTime) -> [DedicatedIPState] {
        fleet.advance(to: now)
        return fleet.ips.map { ip in
            // An IP still capped today is not yet 100% warm, even once its
            // percentage has reached 100 in the middle of the day.
            let percentage = ip.isWarm ? 100 : min(99, ip.percentage(at: now, plan: fleet.settings.plan))
            return DedicatedIPState(
                ip: ip.address, warmupStatus: ip.isWarm ? .done : .inProgress,
                warmupPercentage: Int(percentage.rounded(.down)), poolName: fleet.pools[ip.pool],
                leasedAt: ip.leasedAt,
                capToday: ip.capToday, sentToday: ip.sentToday, sentTotal: ip.sentTotal, days: ip.days)
        }
    }

    /// The account's pools (SES's default dedicated pool first) with their daily overflow.
    public var dedicatedIPPools: [(name: String, days: [DailyPoolRecord])] {
        zip(fleet.pools, fleet.poolDays).map { ($0, $1) }
    }

    /// Recipients sent through SES's shared pool: per day of the run, and in all.
    public var sharedPoolVolume: (days: [Int], total: Int) { (fleet.sharedDays, fleet.sharedTotal) }

    /// Whether automatic warm-up is on.
    public var dedicatedIPAutoWarmupEnabled: Bool { fleet.settings.autoWarmupEnabled }

    /// `PutDedicatedIpWarmupAttributes`: sets an IP's warm-up percentage.
    public mutating func putDedicatedIpWarmupAttributes(ip: String, warmupPercentage: Int, at now: SimTime)
        throws(SESError)
    {
        try account.admitControlPlaneCall(.putDedicatedIpWarmupAttributes, at: now)
        guard (0...100).contains(warmupPercentage) else {
            throw SESError(
                .invalidParameterValue, "WarmupPercentage must be between 0 and 100, got \(warmupPercentage)."
            )
        }
        fleet.setWarmupPercentage(Double(warmupPercentage), ip: try dedicatedIP(ip), at: now)
    }

    /// `PutAccountDedicatedIpWarmupAttributes`: automatic warm-up on or off
    /// for IPs leased from now on.
    public mutating func putAccountDedicatedIpWarmupAttributes(autoWarmupEnabled: Bool, at now: SimTime)
        throws(SESError)
    {
        try account.admitControlPlaneCall(.putAccountDedicatedIpWarmupAttributes, at: now)
        fleet.setAutoWarmup(autoWarmupEnabled, at: now)
    }

    /// The console's "Mark as complete" for an IP: DONE at 100%.
    public mutating func markDedicatedIpWarmupComplete(ip: String, at now: SimTime) throws(SESError) {
        try account.admitControlPlaneCall(.putDedicatedIpWarmupAttributes, at: now)
        fleet.markWarmupComplete(ip: try dedicatedIP(ip), at: now)
    }

    /// The console's "Reset percentage" for an IP: IN_PROGRESS at 0%.
    public mutating func resetDedicatedIpWarmup(ip: String, at now: SimTime) throws(SESError) {
        try account.admitControlPlaneCall(.putDedicatedIpWarmupAttributes, at: now)
        fleet.resetWarmup(ip: try dedicatedIP(ip), at: now)
    }

    private func dedicatedIP(_ address: String) throws(SESError) -> Int {
        guard let index = fleet.index(of: address) else {
            throw SESError(.notFound, "Dedicated IP \(address) does not exist.")
        }
        return index
    }
}
