import SimCore

extension SESAccount {
    /// `PutSuppressedDestination`: lists an address for a reason, whatever
    /// the reasons SES adds addresses for on its own.
    public mutating func putSuppressedDestination(
        _ address: String, reason: SuppressionReason, at now: SimTime
    ) throws(SESError) {
        try admitControlPlaneCall(.putSuppressedDestination, at: now)
        let parsed = try EmailAddress(parsing: address)
        suppressionList.put(parsed.address, reason: reason, at: now)
    }

    /// `GetSuppressedDestination`.
    public mutating func getSuppressedDestination(_ address: String, at now: SimTime) throws(SESError)
        -> SuppressedDestination
    {
        try admitControlPlaneCall(.getSuppressedDestination, at: now)
        guard let entry = suppressionList.entry(for: address) else { throw Self.notSuppressed(address) }
        return entry
    }

    /// `DeleteSuppressedDestination`.
    public mutating func deleteSuppressedDestination(_ address: String, at now: SimTime) throws(SESError) {
        try admitControlPlaneCall(.deleteSuppressedDestination, at: now)
        guard suppressionList.remove(address) else { throw Self.notSuppressed(address) }
    }

    /// `ListSuppressedDestinations`: the entries with one of `reasons` (all
    /// when empty) last updated within `[start, end]`, ordered by address.
    public mutating func listSuppressedDestinations(
        reasons: [SuppressionReason], start: SimTime?, end: SimTime?, at now: SimTime
    ) throws(SESError) -> [SuppressedDestination] {
        try admitControlPlaneCall(.listSuppressedDestinations, at: now)
        return suppressionList.all.filter { entry in
            (reasons.isEmpty || reasons.contains(entry.reason))
                && (start.map { entry.lastUpdateTime >= $0 } ?? true)
                && (end.map { entry.lastUpdateTime <= $0 } ?? true)
        }
    }

    static func notSuppressed(_ address: String) -> SESError {
        SESError(.notFound, "Email address <\(address)> does not exist on your suppression list.")
    }
}
