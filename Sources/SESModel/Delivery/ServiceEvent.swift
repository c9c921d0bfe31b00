/// What the simulated SES does on its own, after accepting messages: small
/// values on the run's event queue, each naming its record by slot.
public enum ServiceEvent: Sendable, Hashable {
    /// A message's processing is done: render, virus check, suppression,
    /// then the first delivery attempts.
    case process(message: Int32)
    /// A recipient's delivery attempt gets its answer.
    case attempt(unit: Int32)
    /// Something a recipient does after delivery, or the simulator's follow-up.
    case followUp(message: Int32, recipient: Int16, kind: FollowUpKind, detail: Int16)
    /// A review of the account ends: SES decides.
    case reviewEnd
    /// The reputation metrics are published (every metric period).
    case reputationSample
    /// Alarm `index` takes a datapoint and is evaluated (every alarm period).
    case alarmEvaluation(Int16)
}

/// What happens after a delivery.
public enum FollowUpKind: UInt8, Sendable, Hashable {
    case complaint
    case open
    case click
    case unsubscribe
    /// The mailbox simulator's out-of-office auto-reply (`ooto@`).
    case autoReply
    /// The mailbox simulator's complaint (`complaint@`).
    case simulatorComplaint
}

/// How a recipient's message ended.
public enum DeliveryOutcome: String, Sendable, Hashable, CaseIterable {
    /// The provider accepted it.
    case delivered
    /// A hard (Permanent) bounce.
    case hardBounce
    /// Soft bounces until the maximum delivery time passed (a Transient bounce).
    case softBounce
    /// On the account's suppression list: not sent.
    case suppressed
    /// SES found a virus.
    case rejected
    /// The template could not be rendered.
    case renderingFailure
}

/// Recipients of one accepted message that reached their final outcome,
/// reported back to whoever sent it (by the token it gave).
public struct Settlement: Sendable, Hashable {
    public var token: UInt64
    public var recipients: Int
    public var outcome: DeliveryOutcome
}

/// Who a message was sent for, and where its recipients come from: what the
/// sender passes with each message so that outcomes can be reported back
/// and audience recipients found by index.
public struct MessageOrigin: Sendable, Hashable {
    /// An opaque value returned with the message's settlements.
    public var token: UInt64
    /// The audience the recipients belong to, if any.
    public var audience: Int?
    /// The audience member of the first recipient; the others follow in order.
    public var firstMember: Int
    /// How many times the sender has cycled through the audience before (a
    /// repeated send to the same recipient draws fresh per-message outcomes).
    public var cycle: Int

    public init(token: UInt64, audience: Int? = nil, firstMember: Int = 0, cycle: Int = 0) {
        self.token = token
        self.audience = audience
        self.firstMember = firstMember
        self.cycle = cycle
    }
}
