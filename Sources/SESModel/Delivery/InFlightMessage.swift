import SESEvents
import SimCore

/// An accepted message while anything about it is still to happen.
///
/// A class: the pipeline updates one record in place from many events
/// (rendering, routing, each recipient's outcome), and a reference avoids
/// copying the record — its arrays and strings — at every step.
final class InFlightMessage: @unchecked Sendable {
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
    /// The dedicated IP (index in the fleet) it goes out on; -1 for the shared pool.
    var dedicatedIP: Int32 = -1
    /// The `mail` object of its events, built on first use (and again when
    /// the subject becomes known).
    var mail: MailObject?
    /// The message tags followed by the auto-tags, built once.
    var publishedTags: [NameValue]
    /// The ARN of the identity that sent it.
    var sourceArn = ""

    var isFinished: Bool { recipientsInDelivery == 0 && pendingFollowUps == 0 }

    init(accepted: AcceptedMessage, origin: MessageOrigin, publishedTags: [NameValue]) {
        self.accepted = accepted
        self.origin = origin
        self.publishedTags = publishedTags
    }
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
    /// Whether the provider filed the message as spam (it was sent while the IP was overloaded).
    var spamFoldered = false
    /// The recipient's per-message random draws.
    var draws: KeyedDrawGenerator
    var expiresAt: SimTime
}
