import SimCore

/// The delivery pipeline's settings: how long SES takes to process a
/// message, how it retries soft bounces, and how recipients outside any
/// audience behave. Each default is a documented assumption
/// (docs/delivery-model.md) where SES publishes nothing.
public struct DeliveryParameters: Hashable, Sendable {
    /// Time from acceptance to the first delivery attempt (rendering, checks, queueing).
    public var processingTime = DelaySpec.fixed(median: .milliseconds(300), p99: .seconds(3))
    /// Waits between delivery attempts after a deferral; the last repeats.
    /// SES publishes no schedule: 5 minutes doubling to an hour is sesim's assumption.
    public var retrySchedule: [SimDuration] = [
        .minutes(5), .minutes(10), .minutes(20), .minutes(40), .hours(1),
    ]
    /// How long SES keeps retrying when the configuration set does not say:
    /// 12 hours, the commonly reported window (third-party; SES says "an extended period").
    public var defaultMaximumDeliveryTime = SimDuration.hours(12)
    /// Probability that a message is found to carry a virus (a Reject).
    public var virusRate: Double = 0
    /// Text that marks content as infected, as the EICAR test string does in SES.
    public var virusSignatures = [Self.eicarSignature]
    /// How recipients that belong to no audience behave.
    public var defaultBehavior = RecipientBehavior()
    /// The mailbox simulator's answer delay (observed: about 1–3 s).
    public var simulatorDelay = DelaySpec.fixed(median: .milliseconds(1_500), p99: .seconds(3))
    /// The contact list named in Subscription events.
    public var contactList = "sesim-contacts"

    /// The anti-virus test string (eicar.org); SES rejects a message containing it.
    public static let eicarSignature =
        #"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"#

    public init() {}

    /// The wait before attempt `attempt + 1` after `attempt` deferred attempts.
    public func retryDelay(afterAttempt attempt: Int) -> SimDuration {
        guard !retrySchedule.isEmpty else { return .minutes(5) }
        return retrySchedule[min(max(attempt, 1), retrySchedule.count) - 1]
    }
}
