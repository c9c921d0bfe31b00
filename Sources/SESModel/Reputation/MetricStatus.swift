import SimCore

/// The status the reputation dashboard shows for one metric (bounce or complaint).
public enum MetricStatus: String, Hashable, Sendable, CaseIterable {
    case healthy = "Healthy"
    /// The metric caused a review and is still at or above the review level.
    case underReview = "Under review"
    /// The metric caused a review but has since stayed below the review level.
    case almostHealed = "Almost healed"
    /// The metric caused SES to pause sending.
    case sendingPause = "Sending pause"
}

/// One change of the account's enforcement status.
public struct StatusChange: Hashable, Sendable {
    public var time: SimTime
    public var from: EnforcementStatus
    public var to: EnforcementStatus
    /// Why, e.g. `bounce rate 7.1% ≥ 5%`.
    public var reason: String
}
