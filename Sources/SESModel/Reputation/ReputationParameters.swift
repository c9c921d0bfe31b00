import SimCore

/// How reputation is measured and enforced. SES publishes the thresholds;
/// the window's size, the minimum volume and the review period it does not —
/// those defaults are sesim's assumptions (docs/reputation.md), each a
/// scenario key.
public struct ReputationParameters: Hashable, Sendable {
    /// Rates are never judged on fewer eligible messages than this.
    public var minimumVolume = 1_000
    /// The representative volume is the eligible messages of this trailing
    /// period (never fewer than ``minimumVolume``).
    public var representativePeriod = SimDuration.days(30)
    /// How long a review lasts before SES decides.
    public var reviewPeriod = SimDuration.days(14)
    /// Bounce rate that puts the account under review (SES: 5%).
    public var bounceReviewThreshold = 0.05
    /// Bounce rate at which SES may pause sending (SES: 10%).
    public var bouncePauseThreshold = 0.10
    /// Complaint rate that puts the account under review (SES: 0.1%).
    public var complaintReviewThreshold = 0.001
    /// Complaint rate at which SES may pause sending (SES: 0.5%).
    public var complaintPauseThreshold = 0.005
    /// Whether SES pauses at once when a rate reaches the pause level
    /// (SES may do so for serious issues, without a review first).
    public var pauseImmediately = false
    /// How often the reputation metrics are published (and sampled).
    public var metricPeriod = SimDuration.minutes(5)
    /// The trailing window of the fixed-window rate shown beside the
    /// representative one, for comparison (the dashboard blog's one week).
    public var comparisonWindow = SimDuration.days(7)

    public init() {}
}
