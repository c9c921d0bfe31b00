import SimCore

/// A dedicated IP pool as `GetDedicatedIpPool` reports it.
public struct DedicatedIPPoolInfo: Hashable, Sendable {
    public var name: String
    /// `STANDARD` (sesim models standard dedicated IPs only).
    public var scalingMode: String

    public init(name: String, scalingMode: String = "STANDARD") {
        self.name = name
        self.scalingMode = scalingMode
    }
}

extension SESService {
    /// `GetDedicatedIps`: the account's dedicated IPs, of `pool` when given.
    public mutating func getDedicatedIps(pool: String?, at now: SimTime) throws(SESError)
        -> [DedicatedIPState]
    {
        try account.admitControlPlaneCall(.getDedicatedIps, at: now)
        if let pool, !fleet.pools.contains(pool) { throw Self.poolDoesNotExist(pool) }
        return dedicatedIPs(at: now).filter { pool == nil || $0.poolName == pool }
    }

    /// `GetDedicatedIp`.
    public mutating func getDedicatedIp(_ ip: String, at now: SimTime) throws(SESError) -> DedicatedIPState {
        try account.admitControlPlaneCall(.getDedicatedIps, at: now)
        guard let state = dedicatedIPs(at: now).first(where: { $0.ip == ip }) else {
            throw SESError(.notFound, "Dedicated IP \(ip) does not exist.")
        }
        return state
    }

    /// `ListDedicatedIpPools`: the pools the account created (SES's own
    /// default and shared pools are not listed).
    public mutating func listDedicatedIpPools(at now: SimTime) throws(SESError) -> [String] {
        try account.admitControlPlaneCall(.getDedicatedIpPools, at: now)
        return account.settings.dedicatedIpPools
    }

    /// `GetDedicatedIpPool`.
    public mutating func getDedicatedIpPool(_ name: String, at now: SimTime) throws(SESError)
        -> DedicatedIPPoolInfo
    {
        try account.admitControlPlaneCall(.getDedicatedIpPools, at: now)
        guard account.settings.dedicatedIpPools.contains(name) else { throw Self.poolDoesNotExist(name) }
        return DedicatedIPPoolInfo(name: name)
    }

    static func poolDoesNotExist(_ name: String) -> SESError {
        SESError(.notFound, "Pool <\(name)> does not exist.")
    }
}
