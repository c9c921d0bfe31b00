/// Why an address is on the account-level suppression list.
public enum SuppressionReason: String, Hashable, Sendable, CaseIterable {
    case bounce = "BOUNCE"
    case complaint = "COMPLAINT"
}

/// The account-level suppression list: addresses SES accepts mail for but
/// does not send to (a `Bounce` of subtype `OnAccountSuppressionList`),
/// excluded from reputation, counted in the daily quota. On by default for
/// BOUNCE and COMPLAINT (AWS-DG sending-email-suppression-list).
public struct SuppressionList: Hashable, Sendable {
    /// Whether the list is in use; when it is off, SES's global list applies instead.
    public var enabled: Bool
    /// The reasons for which SES adds addresses automatically.
    public var reasons: Set<SuppressionReason>
    private var entries: [String: SuppressionReason] = [:]

    public init(
        enabled: Bool = true, reasons: Set<SuppressionReason> = [.bounce, .complaint],
        addresses: [String] = []
    ) {
        self.enabled = enabled
        self.reasons = reasons
        for address in addresses { entries[address.lowercased()] = .bounce }
    }

    /// Whether `address` is listed (and the list is in use).
    public func contains(_ address: String) -> Bool {
        enabled && entries[address.lowercased()] != nil
    }

    /// Adds `address` for `reason` if the account suppresses that reason.
    ///
    /// - Returns: whether it was added now.
    @discardableResult
    public mutating func add(_ address: String, reason: SuppressionReason) -> Bool {
        guard enabled, reasons.contains(reason) else { return false }
        let key = address.lowercased()
        guard entries[key] == nil else { return false }
        entries[key] = reason
        return true
    }

    /// The number of listed addresses.
    public var count: Int { entries.count }

    /// Listed addresses by reason.
    public func count(for reason: SuppressionReason) -> Int { entries.values.filter { $0 == reason }.count }
}
