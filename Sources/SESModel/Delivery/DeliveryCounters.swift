import Histogram
import SESEvents
import SimCore

/// What the delivery pipeline has done, for the summary and the timeline.
public struct DeliveryCounters: Sendable {
    /// Events published, by ``EventType`` raw value.
    public internal(set) var events = [Int](repeating: 0, count: EventType.allCases.count)
    /// Recipients by final outcome.
    public internal(set) var outcomes: [DeliveryOutcome: Int] = [:]
    /// Bounces by `type/subtype`, e.g. `Permanent/NoEmail`.
    public internal(set) var bounces: [String: Int] = [:]
    /// Deferred attempts by delay type.
    public internal(set) var deferrals: [DelayType: Int] = [:]
    /// First delivery attempts (recipients SES tried to deliver to).
    public internal(set) var deliveryAttempts = 0
    /// Retries after deferrals.
    public internal(set) var retries = 0
    /// Complaints made at providers without a feedback loop: never reported to SES.
    public internal(set) var unreportedComplaints = 0
    /// Addresses added to the account's suppression list, by reason.
    public internal(set) var suppressionAdditions: [SuppressionReason: Int] = [:]
    /// Per provider domain.
    public internal(set) var providers: [String: ProviderCounters] = [:]
    /// Milliseconds from acceptance to delivery.
    public internal(set) var deliveryLatency = Histogram<UInt64>(
        lowestDiscernibleValue: 1, highestTrackableValue: 40 * 86_400_000,
        numberOfSignificantValueDigits: .three)

    /// Published events of `type`.
    public func events(_ type: EventType) -> Int { events[type.rawValue] }

    mutating func recordLatency(_ duration: SimDuration) {
        _ = deliveryLatency.record(UInt64(max(1, duration.microseconds / 1_000)))
    }
}

/// What happened at one mailbox provider.
public struct ProviderCounters: Sendable, Hashable {
    public internal(set) var attempted = 0
    public internal(set) var delivered = 0
    public internal(set) var hardBounces = 0
    public internal(set) var softBounces = 0
    public internal(set) var deferrals = 0
    public internal(set) var complaints = 0
    public internal(set) var opens = 0
    public internal(set) var clicks = 0
    public internal(set) var unsubscribes = 0
}
