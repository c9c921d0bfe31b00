import SESEvents
import SimCore

/// A configuration set: rules applied to the mail sent with it — where its
/// events are published, how it is tracked, which IP pool sends it, whether
/// it may send at all, and whether its reputation is measured on its own.
public struct ConfigurationSet: Hashable, Sendable {
    /// `[A-Za-z0-9_-]`, at most 64 characters.
    public let name: String
    /// `UpdateConfigurationSetSendingEnabled`; true by default.
    public var sendingEnabled: Bool
    /// `UpdateConfigurationSetReputationMetricsEnabled`; false by default.
    public var reputationMetricsEnabled: Bool
    /// When the set's reputation metrics were last reset: nil until sending
    /// has been disabled and then re-enabled.
    public var lastFreshStart: SimTime?
    /// The dedicated IP pool the set sends from (`DeliveryOptions.SendingPoolName`).
    public var sendingPoolName: String?
    /// How long SES keeps retrying a soft-bounced message (`MaxDeliverySeconds`,
    /// 5 minutes to 14 hours); nil means the account default.
    public var maximumDeliveryTime: SimDuration?
    /// The custom domain for open and click tracking links, if any.
    public var customRedirectDomain: String?
    /// Where the set's events go.
    public var eventDestinations: [EventDestination]

    /// A set named `name` with SES's defaults.
    public init(
        name: String, sendingEnabled: Bool = true, reputationMetricsEnabled: Bool = false,
        sendingPoolName: String? = nil, maximumDeliveryTime: SimDuration? = nil,
        customRedirectDomain: String? = nil, eventDestinations: [EventDestination] = []
    ) {
        self.name = name
        self.sendingEnabled = sendingEnabled
        self.reputationMetricsEnabled = reputationMetricsEnabled
        self.sendingPoolName = sendingPoolName
        self.maximumDeliveryTime = maximumDeliveryTime
        self.customRedirectDomain = customRedirectDomain
        self.eventDestinations = eventDestinations
    }

    /// The event types any enabled destination of the set publishes.
    public var publishedEventTypes: EventTypeSet {
        eventDestinations.reduce(into: EventTypeSet()) { set, destination in
            if destination.enabled { set.formUnion(destination.matchingTypes) }
        }
    }

    /// Whether mail sent with this set is open-tracked: SES inserts the
    /// tracking pixel only when a destination publishes Open events.
    public var tracksOpens: Bool { publishedEventTypes.contains(.open) }

    /// Whether mail sent with this set is click-tracked.
    public var tracksClicks: Bool { publishedEventTypes.contains(.click) }

    /// The shortest and longest `MaxDeliverySeconds` SES accepts.
    public static let maximumDeliveryTimeRange: ClosedRange<SimDuration> = .minutes(5) ... .hours(14)

    /// Checks a configuration set name: letters, digits, `_` and `-`, 1 to 64 characters.
    public static func validate(name: String) throws(SESError) {
        guard !name.isEmpty, name.utf8.count <= 64,
            name.utf8.allSatisfy({
                $0.isASCIILetterOrDigit || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
            })
        else {
            throw SESError(
                .invalidConfigurationSet,
                "Configuration set name <\(name)> is invalid: it must contain only ASCII letters, "
                    + "numbers, underscores or dashes, and at most 64 characters.")
        }
    }

    /// Checks a maximum delivery time against SES's range (5 minutes to 14 hours).
    public static func validate(maximumDeliveryTime: SimDuration) throws(SESError) {
        guard maximumDeliveryTimeRange.contains(maximumDeliveryTime) else {
            throw SESError(
                .invalidDeliveryOptions,
                "MaxDeliverySeconds must be between 300 and 50400 seconds, got "
                    + "\(maximumDeliveryTime.microseconds / 1_000_000).")
        }
    }
}

extension UInt8 {
    /// Whether the byte is an ASCII letter or digit.
    var isASCIILetterOrDigit: Bool {
        (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A)
    }
}
