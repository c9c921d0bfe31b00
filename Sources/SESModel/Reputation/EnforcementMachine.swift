import SimCore

/// The account's enforcement status and how reputation moves it:
/// HEALTHY → PROBATION (under review) when a rate reaches its review level
/// (once the minimum volume is reached); at the end of the review period back
/// to HEALTHY if both rates are below their review levels, SHUTDOWN (sending
/// paused) if one is still at or above its pause level, otherwise another
/// review. Optionally, SES pauses at once at the pause levels.
struct EnforcementMachine: Sendable {
    let parameters: ReputationParameters
    private(set) var status = EnforcementStatus.healthy
    /// When the current review ends.
    private(set) var reviewEndsAt: SimTime?
    private(set) var changes: [StatusChange] = []
    /// Which metrics caused the current (or last) review or pause.
    private(set) var bounceCaused = false
    private(set) var complaintCaused = false

    init(parameters: ReputationParameters) {
        self.parameters = parameters
    }

    /// Re-evaluates after the rates changed; returns a review end to schedule, if one started.
    mutating func evaluate(bounceRate: Double, complaintRate: Double, hasMinimumVolume: Bool, at now: SimTime)
        -> SimTime?
    {
        guard hasMinimumVolume, status != .shutdown else { return nil }
        let bounceReview = bounceRate >= parameters.bounceReviewThreshold
        let complaintReview = complaintRate >= parameters.complaintReviewThreshold
        if parameters.pauseImmediately
            && (bounceRate >= parameters.bouncePauseThreshold
                || complaintRate >= parameters.complaintPauseThreshold)
        {
            bounceCaused = bounceCaused || bounceRate >= parameters.bouncePauseThreshold
            complaintCaused = complaintCaused || complaintRate >= parameters.complaintPauseThreshold
            change(
                to: .shutdown, at: now,
                reason: Self.reason(bounceRate, complaintRate, parameters, pause: true))
            reviewEndsAt = nil
            return nil
        }
        guard status == .healthy, bounceReview || complaintReview else { return nil }
        bounceCaused = bounceReview
        complaintCaused = complaintReview
        change(
            to: .probation, at: now, reason: Self.reason(bounceRate, complaintRate, parameters, pause: false))
        let end = now + parameters.reviewPeriod
        reviewEndsAt = end
        return end
    }

    /// The review period ended: SES decides. Returns the next review's end, if another starts.
    mutating func reviewEnded(bounceRate: Double, complaintRate: Double, at now: SimTime) -> SimTime? {
        guard status == .probation, let end = reviewEndsAt, end == now else { return nil }
        if bounceRate < parameters.bounceReviewThreshold
            && complaintRate < parameters.complaintReviewThreshold
        {
            change(to: .healthy, at: now, reason: "rates below the review levels at the end of the review")
            reviewEndsAt = nil
            bounceCaused = false
            complaintCaused = false
            return nil
        }
        if bounceRate >= parameters.bouncePauseThreshold
            || complaintRate >= parameters.complaintPauseThreshold
        {
            bounceCaused = bounceRate >= parameters.bouncePauseThreshold
            complaintCaused = complaintRate >= parameters.complaintPauseThreshold
            change(
                to: .shutdown, at: now,
                reason: Self.reason(bounceRate, complaintRate, parameters, pause: true))
            reviewEndsAt = nil
            return nil
        }
        // Still above a review level but below the pause levels: another review.
        changes.append(
            StatusChange(
                time: now, from: .probation, to: .probation,
                reason: "another review: " + Self.reason(bounceRate, complaintRate, parameters, pause: false))
        )
        let next = now + parameters.reviewPeriod
        reviewEndsAt = next
        return next
    }

    /// The dashboard's per-metric status.
    func metricStatus(bounce: Bool, rate: Double) -> MetricStatus {
        let caused = bounce ? bounceCaused : complaintCaused
        let review = bounce ? parameters.bounceReviewThreshold : parameters.complaintReviewThreshold
        switch status {
        case .shutdown: return caused ? .sendingPause : (rate >= review ? .underReview : .healthy)
        case .probation:
            if rate >= review { return .underReview }
            return caused ? .almostHealed : .healthy
        case .healthy: return .healthy
        }
    }

    private mutating func change(to new: EnforcementStatus, at now: SimTime, reason: String) {
        guard new != status else { return }
        changes.append(StatusChange(time: now, from: status, to: new, reason: reason))
        status = new
    }

    static func reason(_ bounce: Double, _ complaint: Double, _ parameters: ReputationParameters, pause: Bool)
        -> String
    {
        let bounceLevel = pause ? parameters.bouncePauseThreshold : parameters.bounceReviewThreshold
        let complaintLevel = pause ? parameters.complaintPauseThreshold : parameters.complaintReviewThreshold
        var parts: [String] = []
        if bounce >= bounceLevel { parts.append("bounce rate \(percent(bounce)) ≥ \(percent(bounceLevel))") }
        if complaint >= complaintLevel {
            parts.append("complaint rate \(percent(complaint)) ≥ \(percent(complaintLevel))")
        }
        return parts.isEmpty ? "rates still above the review levels" : parts.joined(separator: ", ")
    }

    /// `0.0712` as `7.12%`.
    static func percent(_ rate: Double) -> String {
        let hundredths = Int((rate * 10_000).rounded())
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return "\(whole)%" }
        return fraction % 10 == 0
            ? "\(whole).\(fraction / 10)%" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)%"
    }
}
