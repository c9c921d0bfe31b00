import Histogram
import SESEvents
import SimCore

/// What the delivery pipeline has done, for the summary and the timeline.
///
/// Counts are kept in arrays indexed by enum position (the hot path does no
/// hashing); the dictionary views are for the summary.
public struct DeliveryCounters: Sendable {
    /// Events published, by ``EventType`` raw value.
    public internal(set) var events = [Int](repeating: 0, count: EventType.allCases.count)
    private var outcomeCounts = [Int](repeating: 0, count: DeliveryOutcome.allCases.count)
    private var bounceCounts = [Int](
        repeating: 0, count: BounceType.allCases.count * BounceSubType.allCases.count)
    private var deferralCounts = [Int](repeating: 0, count: DelayType.allCases.count)
    private var suppressionCounts = [Int](repeating: 0, count: SuppressionReason.allCases.count)
    /// First delivery attempts (recipients SES tried to deliver to).
    public internal(set) var deliveryAttempts = 0
    /// Retries after deferrals.
    public internal(set) var retries = 0
    /// Complaints made at providers without a feedback loop: never reported to SES.
    public internal(set) var unreportedComplaints = 0
    /// Deliveries a provider filed as spam (the IP was overloaded).
    public internal(set) var spamFoldered = 0
    /// Per provider, by the index ``SESService`` gives it.
    var providerCounts: [ProviderCounters] = []
    var providerNames: [String] = []
    /// Milliseconds from acceptance to delivery.
    public internal(set) var deliveryLatency = Histogram<UInt64>(
        lowestDiscernibleValue: 1, highestTrackableValue: 40 * 86_400_000,
        numberOfSignificantValueDigits: .three)

    /// Published events of `type`.
    public func events(_ type: EventType) -> Int { events[type.rawValue] }

    /// Recipients by final outcome.
    public var outcomes: [DeliveryOutcome: Int] {
        Dictionary(
            uniqueKeysWithValues: DeliveryOutcome.allCases.enumerated().map { ($1, outcomeCounts[$0]) })
    }

    /// Recipients that reached `outcome`.
    public func outcome(_ outcome: DeliveryOutcome) -> Int { outcomeCounts[Self.index(of: outcome)] }

    /// Recipients settled so far.
    public var settled: Int { outcomeCounts.reduce(0, +) }

    /// The bounce type and subtype pairs of SES's table (notification contents).
    public static let documentedBounces: [(BounceType, BounceSubType)] = [
        (.undetermined, .undetermined), (.permanent, .general), (.permanent, .noEmail),
        (.permanent, .suppressed),
        (.permanent, .onAccountSuppressionList), (.transient, .general), (.transient, .mailboxFull),
        (.transient, .messageTooLarge), (.transient, .contentRejected), (.transient, .attachmentRejected),
    ]

    /// Bounces by `type/subtype`, e.g. `Permanent/NoEmail`: every pair of
    /// SES's table (zero when none happened), and any other that happened.
    public var bounces: [String: Int] {
        var result: [String: Int] = [:]
        for (type, subType) in Self.documentedBounces { result["\(type.rawValue)/\(subType.rawValue)"] = 0 }
        for (typeIndex, type) in BounceType.allCases.enumerated() {
            for (subIndex, subType) in BounceSubType.allCases.enumerated() {
                let count = bounceCounts[typeIndex * BounceSubType.allCases.count + subIndex]
                if count > 0 { result["\(type.rawValue)/\(subType.rawValue)"] = count }
            }
        }
        return result
    }

    /// Deferred attempts by delay type (every type, zero when none happened).
    public var deferrals: [DelayType: Int] {
        var result: [DelayType: Int] = [:]
        for (index, type) in DelayType.allCases.enumerated() {
            result[type] = deferralCounts[index]
        }
        return result
    }

    /// Addresses added to the account's suppression list, by reason (only reasons that happened).
    public var suppressionAdditions: [SuppressionReason: Int] {
        var result: [SuppressionReason: Int] = [:]
        for (index, reason) in SuppressionReason.allCases.enumerated() where suppressionCounts[index] > 0 {
            result[reason] = suppressionCounts[index]
        }
        return result
    }

    /// Per provider domain.
    public var providers: [String: ProviderCounters] {
        Dictionary(zip(providerNames, providerCounts), uniquingKeysWith: { $0.merged(with: $1) })
    }

    mutating func recordOutcome(_ outcome: DeliveryOutcome, count: Int) {
        outcomeCounts[Self.index(of: outcome)] += count
    }

    mutating func recordBounce(_ type: BounceType, _ subType: BounceSubType) {
        let typeIndex = BounceType.allCases.firstIndex(of: type)!
        let subIndex = BounceSubType.allCases.firstIndex(of: subType)!
        bounceCounts[typeIndex * BounceSubType.allCases.count + subIndex] += 1
    }

    mutating func recordDeferral(_ type: DelayType) {
        deferralCounts[DelayType.allCases.firstIndex(of: type)!] += 1
    }

    mutating func recordSuppression(_ reason: SuppressionReason) {
        suppressionCounts[SuppressionReason.allCases.firstIndex(of: reason)!] += 1
    }

    mutating func recordLatency(_ duration: SimDuration) {
        _ = deliveryLatency.record(UInt64(max(1, duration.microseconds / 1_000)))
    }

    private static func index(of outcome: DeliveryOutcome) -> Int {
        switch outcome {
        case .delivered: 0
        case .hardBounce: 1
        case .softBounce: 2
        case .suppressed: 3
        case .rejected: 4
        case .renderingFailure: 5
        }
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

    /// The sum of two providers' counts (a domain in two audiences).
    func merged(with other: ProviderCounters) -> ProviderCounters {
        var sum = self
        sum.attempted += other.attempted
        sum.delivered += other.delivered
        sum.hardBounces += other.hardBounces
        sum.softBounces += other.softBounces
        sum.deferrals += other.deferrals
        sum.complaints += other.complaints
        sum.opens += other.opens
        sum.clicks += other.clicks
        sum.unsubscribes += other.unsubscribes
        return sum
    }
}
