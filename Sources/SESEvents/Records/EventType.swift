/// The ten kinds of email sending event SES publishes.
///
/// The raw value orders the types as SES's v2 `EventType` enum does, and is
/// the bit index in ``EventTypeSet``.
public enum EventType: Int, CaseIterable, Sendable, Hashable, Comparable {
    case send
    case reject
    case bounce
    case complaint
    case delivery
    case open
    case click
    case renderingFailure
    case deliveryDelay
    case subscription

    /// The `eventType` value in a published record: `Send`, `Reject`, …,
    /// `Rendering Failure` (with its space), `DeliveryDelay`, `Subscription`.
    public var recordName: String {
        switch self {
        case .send: "Send"
        case .reject: "Reject"
        case .bounce: "Bounce"
        case .complaint: "Complaint"
        case .delivery: "Delivery"
        case .open: "Open"
        case .click: "Click"
        case .renderingFailure: "Rendering Failure"
        case .deliveryDelay: "DeliveryDelay"
        case .subscription: "Subscription"
        }
    }

    /// The key of the per-type object in a record: `send`, …, `failure` for a
    /// Rendering Failure, `deliveryDelay`, `subscription`.
    public var detailKey: String {
        switch self {
        case .send: "send"
        case .reject: "reject"
        case .bounce: "bounce"
        case .complaint: "complaint"
        case .delivery: "delivery"
        case .open: "open"
        case .click: "click"
        case .renderingFailure: "failure"
        case .deliveryDelay: "deliveryDelay"
        case .subscription: "subscription"
        }
    }

    /// The name used for matching event types in a configuration set's event
    /// destinations (SES v1 `MatchingEventTypes`, and scenario files):
    /// `send`, `reject`, `bounce`, `complaint`, `delivery`, `open`, `click`,
    /// `renderingFailure`, `deliveryDelay`, `subscription`.
    public var matchingName: String {
        switch self {
        case .send: "send"
        case .reject: "reject"
        case .bounce: "bounce"
        case .complaint: "complaint"
        case .delivery: "delivery"
        case .open: "open"
        case .click: "click"
        case .renderingFailure: "renderingFailure"
        case .deliveryDelay: "deliveryDelay"
        case .subscription: "subscription"
        }
    }

    /// The type named `matchingName` (see ``matchingName``), if any.
    public init?(matchingName: String) {
        guard let type = Self.allCases.first(where: { $0.matchingName == matchingName }) else { return nil }
        self = type
    }

    /// The CloudWatch metric name SES publishes for this type (`Send`,
    /// `Delivery`, …, `RenderingFailure`), or nil for DeliveryDelay and
    /// Subscription, which SES does not publish to CloudWatch.
    public var metricName: String? {
        switch self {
        case .send: "Send"
        case .reject: "Reject"
        case .bounce: "Bounce"
        case .complaint: "Complaint"
        case .delivery: "Delivery"
        case .open: "Open"
        case .click: "Click"
        case .renderingFailure: "RenderingFailure"
        case .deliveryDelay, .subscription: nil
        }
    }

    public static func < (lhs: EventType, rhs: EventType) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A set of event types as a bit mask: how a destination says which events
/// it takes, tested in one instruction per event on the fan-out path.
@frozen
public struct EventTypeSet: OptionSet, Hashable, Sendable {
    public var rawValue: UInt16

    @inlinable
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The set holding only `type`.
    @inlinable
    public init(_ type: EventType) { self.rawValue = 1 << UInt16(type.rawValue) }

    /// The set holding `types`.
    public init(_ types: some Sequence<EventType>) {
        self.rawValue = types.reduce(0) { $0 | 1 << UInt16($1.rawValue) }
    }

    /// Whether `type` is in the set.
    @inlinable
    public func contains(_ type: EventType) -> Bool { rawValue & (1 << UInt16(type.rawValue)) != 0 }

    /// Every event type.
    public static let all = EventTypeSet(EventType.allCases)

    /// The types in the set, in ``EventType`` order.
    public var types: [EventType] { EventType.allCases.filter(contains) }
}
