import SESEvents
import SimCore

/// How the recipients of one mailbox provider behave: the probabilities and
/// delays that decide what happens to a message sent to them.
///
/// Every field has a default (documented in docs/delivery-model.md); a
/// scenario overrides them for a whole audience and again per provider.
public struct RecipientBehavior: Hashable, Sendable {
    /// Probability that the address does not exist: every send hard-bounces.
    public var hardBounce: Double = 0
    /// Of hard bounces, the share reported as `NoEmail` (the rest `General`).
    public var noEmailShare: Double = 0.8
    /// Probability that the address is on SES's global suppression list
    /// (applies only when the account's own suppression list is off).
    public var globalSuppression: Double = 0
    /// Probability that one delivery attempt is deferred.
    public var deferral: Double = 0
    /// The delay types of deferrals, with relative weights.
    public var deferralTypes: [(DelayType, Double)] = [
        (.mailboxFull, 0.2), (.recipientServerError, 0.4), (.transientCommunicationFailure, 0.4),
    ]
    /// Probability that a delivered message draws a complaint.
    public var complaint: Double = 0
    /// Whether the provider sends complaints to SES (a feedback loop).
    public var feedbackLoop = true
    /// Probability that a delivered, open-tracked message is opened.
    public var open: Double = 0
    /// Probability of each further open after one.
    public var repeatOpen: Double = 0
    /// Probability that a delivered, click-tracked message gets a click.
    public var click: Double = 0
    /// Probability of each further click after one.
    public var repeatClick: Double = 0
    /// Probability that the recipient unsubscribes (a Subscription event).
    public var unsubscribe: Double = 0
    /// How the provider answers the volume an IP sends it.
    public var reception = ProviderReception()
    /// Time from a delivery attempt's start to the provider's answer.
    public var deliveryDelay = DelaySpec.fixed(median: .seconds(1), p99: .seconds(10))
    /// Time from delivery to a complaint.
    public var complaintDelay = DelaySpec.fixed(median: .hours(6), p99: .days(3))
    /// Time from delivery to an open (and between repeated opens).
    public var openDelay = DelaySpec.fixed(median: .hours(1), p99: .days(2))
    /// Time from delivery to a click (and between repeated clicks).
    public var clickDelay = DelaySpec.fixed(median: .hours(1), p99: .days(2))
    /// Time from delivery to an unsubscribe.
    public var unsubscribeDelay = DelaySpec.fixed(median: .hours(2), p99: .days(3))

    public init() {}

    /// The default behaviour of a provider's domain: Gmail sends SES no
    /// complaints (AWS-DG sending-email-suppression-list); other providers are
    /// assumed to have a feedback loop.
    public static func defaults(forDomain domain: String) -> RecipientBehavior {
        var behavior = RecipientBehavior()
        behavior.feedbackLoop = !Self.domainsWithoutFeedbackLoop.contains(domain.lowercased())
        return behavior
    }

    /// Domains whose provider sends SES no complaint feedback.
    public static let domainsWithoutFeedbackLoop: Set<String> = ["gmail.com", "googlemail.com"]

    public static func == (lhs: RecipientBehavior, rhs: RecipientBehavior) -> Bool {
        lhs.hardBounce == rhs.hardBounce && lhs.noEmailShare == rhs.noEmailShare
            && lhs.globalSuppression == rhs.globalSuppression && lhs.deferral == rhs.deferral
            && lhs.deferralTypes.elementsEqual(rhs.deferralTypes, by: { $0.0 == $1.0 && $0.1 == $1.1 })
            && lhs.complaint == rhs.complaint && lhs.feedbackLoop == rhs.feedbackLoop && lhs.open == rhs.open
            && lhs.repeatOpen == rhs.repeatOpen && lhs.click == rhs.click
            && lhs.repeatClick == rhs.repeatClick
            && lhs.unsubscribe == rhs.unsubscribe && lhs.deliveryDelay == rhs.deliveryDelay
            && lhs.complaintDelay == rhs.complaintDelay && lhs.openDelay == rhs.openDelay
            && lhs.clickDelay == rhs.clickDelay && lhs.unsubscribeDelay == rhs.unsubscribeDelay
            && lhs.reception == rhs.reception
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(hardBounce)
        hasher.combine(deferral)
        hasher.combine(complaint)
    }
}
