/// The account's enforcement status, as `GetAccount.EnforcementStatus`
/// reports it (SES v2): the reputation model moves it.
public enum EnforcementStatus: String, Sendable, Hashable, CaseIterable {
    /// Sending normally.
    case healthy = "HEALTHY"
    /// Under review: SES has warned the account; sending continues.
    case probation = "PROBATION"
    /// Sending paused by SES: every send is refused with `AccountSuspended`.
    case shutdown = "SHUTDOWN"
}

/// `GetSendQuota`'s answer. SES reports all three as doubles.
public struct SendQuota: Hashable, Sendable {
    /// The most recipients in any 24 hours; -1 for unlimited.
    public var maximum24HourSend: Double
    /// The most messages per second.
    public var maximumSendRate: Double
    /// Recipients counted in the last 24 hours.
    public var sentLast24Hours: Double

    public init(maximum24HourSend: Double, maximumSendRate: Double, sentLast24Hours: Double) {
        self.maximum24HourSend = maximum24HourSend
        self.maximumSendRate = maximumSendRate
        self.sentLast24Hours = sentLast24Hours
    }
}
