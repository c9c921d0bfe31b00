import SESEvents
import SimCore

/// An accepted message while anything about it is still to happen.
struct InFlightMessage: Sendable {
    var accepted: AcceptedMessage
    var origin: MessageOrigin
    /// The rendered subject, once known (templated sends render after acceptance).
    var subject: String?
    /// Tracked links, for Click events.
    var links: [TrackedLinkInfo] = []
    /// Whether opens and clicks are tracked (HTML present and the set publishes them).
    var tracksOpens = false
    var tracksClicks = false
    /// Recipients whose delivery is not finished.
    var recipientsInDelivery = 0
    /// Follow-up events still scheduled.
    var pendingFollowUps = 0
    /// The index of the IP it goes out on, once chosen (-1 until then).
    var outgoingIp: Int32 = -1
    /// The `mail` object of its events, built on first use (and again when
    /// the subject becomes known).
    var mail: MailObject?
    /// The message tags followed by the auto-tags, built once.
    var publishedTags: [NameValue]

    var isFinished: Bool { recipientsInDelivery == 0 && pendingFollowUps == 0 }
}

/// A link SES tracks in a message: what a Click event reports.
struct TrackedLinkInfo: Sendable, Hashable {
    var url: String
    var tags: [NameValue]
}

/// One recipient's delivery, attempt by attempt.
struct DeliveryUnit: Sendable {
    var message: Int32
    var recipient: Int16
    /// The audience and provider, or -1 for recipients outside any audience.
    var audience: Int32
    var provider: Int32
    var member: Int
    /// The provider statistics row.
    var statIndex: Int32 = 0
    var attempts: Int16 = 0
    var lastDelay: DelayType?
    /// The recipient's per-message random draws.
    var draws: KeyedDrawGenerator
    var expiresAt: SimTime
}
