import SimCore

/// The account as `GetAccount` (v2) reports it.
public struct AccountDetails: Hashable, Sendable {
    public var sendQuota: SendQuota
    /// Whether the account may send (`SendingEnabled`): false when paused
    /// by the account itself or shut down by SES.
    public var sendingEnabled: Bool
    public var enforcementStatus: EnforcementStatus
    /// Out of the sandbox.
    public var productionAccessEnabled: Bool
    public var dedicatedIpAutoWarmupEnabled: Bool
    /// The reasons SES adds addresses to the suppression list for.
    public var suppressedReasons: [SuppressionReason]

    public init(
        sendQuota: SendQuota, sendingEnabled: Bool, enforcementStatus: EnforcementStatus,
        productionAccessEnabled: Bool, dedicatedIpAutoWarmupEnabled: Bool,
        suppressedReasons: [SuppressionReason]
    ) {
        self.sendQuota = sendQuota
        self.sendingEnabled = sendingEnabled
        self.enforcementStatus = enforcementStatus
        self.productionAccessEnabled = productionAccessEnabled
        self.dedicatedIpAutoWarmupEnabled = dedicatedIpAutoWarmupEnabled
        self.suppressedReasons = suppressedReasons
    }
}

extension SESService {
    /// `GetAccount`.
    public mutating func getAccount(at now: SimTime) throws(SESError) -> AccountDetails {
        try account.admitControlPlaneCall(.getAccount, at: now)
        let settings = account.settings
        let list = account.suppressionList
        return AccountDetails(
            sendQuota: SendQuota(
                maximum24HourSend: settings.effectiveMaximum24HourSend,
                maximumSendRate: settings.effectiveMaximumSendRate,
                sentLast24Hours: Double(account.sentLast24Hours(at: now))),
            sendingEnabled: account.sendingEnabled && account.enforcementStatus != .shutdown,
            enforcementStatus: account.enforcementStatus, productionAccessEnabled: !settings.sandbox,
            dedicatedIpAutoWarmupEnabled: dedicatedIPAutoWarmupEnabled,
            suppressedReasons: list.enabled
                ? SuppressionReason.allCases.filter { list.reasons.contains($0) } : [])
    }
}
