import SimCore

/// Why an address is on the account-level suppression list.
public enum SuppressionReason: String, Hashable, Sendable, CaseIterable {
    case bounce = "BOUNCE"
    case complaint = "COMPLAINT"
}

/// One address on the account-level suppression list (v2 `SuppressedDestination`).
public struct SuppressedDestination: Hashable, Sendable {
    /// The address as it was first listed.
    public var emailAddress: String
    public var reason: SuppressionReason
    /// When it was listed, or last listed again (`LastUpdateTime`).
    public var lastUpdateTime: SimTime
    /// The message whose bounce or complaint listed it; nil when listed by a call.
    public var messageId: String?
    /// The bounce's or complaint's feedback ID; nil when listed by a call.
    public var feedbackId: String?

    public init(
        emailAddress: String, reason: SuppressionReason, lastUpdateTime: SimTime, messageId: String? = nil,
        feedbackId: String? = nil
    ) {
        self.emailAddress = emailAddress
        self.reason = reason
        self.lastUpdateTime = lastUpdateTime
        self.messageId = messageId
        self.feedbackId = feedbackId
    }
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
    /// By lowercased address.
    private var entries: [String: SuppressedDestination] = [:]

    public init(
        enabled: Bool = true, reasons: Set<SuppressionReason> = [.bounce, .complaint],
        addresses: [String] = []
    ) {
        self.enabled = enabled
        self.reasons = reasons
        for address in addresses {
            entries[address.lowercased()] = SuppressedDestination(
                emailAddress: address, reason: .bounce, lastUpdateTime: .start)
        }
    }

    /// Whether `address` is listed (and the list is in use).
    public func contains(_ address: String) -> Bool {
        enabled && entries[address.lowercased()] != nil
    }

    /// Adds `address` for `reason` if the account suppresses that reason:
    /// what SES does after a hard bounce or a complaint.
    ///
    /// - Returns: whether it was added now.
    @discardableResult
    public mutating func add(
        _ address: String, reason: SuppressionReason, at now: SimTime = .start, messageId: String? = nil,
        feedbackId: String? = nil
    ) -> Bool {
        guard enabled, reasons.contains(reason) else { return false }
        let key = address.lowercased()
        guard entries[key] == nil else { return false }
        entries[key] = SuppressedDestination(
            emailAddress: address, reason: reason, lastUpdateTime: now, messageId: messageId,
            feedbackId: feedbackId)
        return true
    }

    /// `PutSuppressedDestination`: lists `address` for `reason` whatever the
    /// account's automatic reasons, replacing an earlier entry's reason and time.
    public mutating func put(_ address: String, reason: SuppressionReason, at now: SimTime) {
        entries[address.lowercased()] = SuppressedDestination(
            emailAddress: address, reason: reason, lastUpdateTime: now)
    }

    /// The entry of `address`, listed whether or not the list is in use.
    public func entry(for address: String) -> SuppressedDestination? {
        entries[address.lowercased()]
    }

    /// `DeleteSuppressedDestination`: removes `address`.
    ///
    /// - Returns: whether it was listed.
    @discardableResult
    public mutating func remove(_ address: String) -> Bool {
        entries.removeValue(forKey: address.lowercased()) != nil
    }

    /// Every entry, ordered by address (a stable order; SES documents none).
    public var all: [SuppressedDestination] {
        entries.keys.sorted().map { entries[$0]! }
    }

    /// The number of listed addresses.
    public var count: Int { entries.count }

    /// Listed addresses by reason.
    public func count(for reason: SuppressionReason) -> Int {
        entries.values.filter { $0.reason == reason }.count
    }
}
