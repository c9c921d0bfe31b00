import SimCore

/// The per-type object of a record (`bounce`, `delivery`, `failure`, …).
public enum EventDetail: Hashable, Sendable {
    /// `send`: always `{}`.
    case send
    /// `reject`: SES found a virus; the reason is always `Bad content`.
    case reject(Reject)
    case bounce(Bounce)
    case complaint(Complaint)
    case delivery(Delivery)
    case open(Open)
    case click(Click)
    /// `failure`: the template could not be rendered.
    case renderingFailure(RenderingFailure)
    case deliveryDelay(DeliveryDelay)
    case subscription(Subscription)

    /// The event type this detail belongs to.
    public var type: EventType {
        switch self {
        case .send: .send
        case .reject: .reject
        case .bounce: .bounce
        case .complaint: .complaint
        case .delivery: .delivery
        case .open: .open
        case .click: .click
        case .renderingFailure: .renderingFailure
        case .deliveryDelay: .deliveryDelay
        case .subscription: .subscription
        }
    }
}

/// The `reject` object.
public struct Reject: Hashable, Sendable {
    /// Always `Bad content` in SES.
    public var reason: String

    public init(reason: String = "Bad content") { self.reason = reason }
}

/// `bounceType` values.
public enum BounceType: String, Hashable, Sendable, CaseIterable {
    case undetermined = "Undetermined"
    case permanent = "Permanent"
    case transient = "Transient"
}

/// `bounceSubType` values, as SES's table lists them.
public enum BounceSubType: String, Hashable, Sendable, CaseIterable {
    case undetermined = "Undetermined"
    case general = "General"
    case noEmail = "NoEmail"
    case suppressed = "Suppressed"
    case onAccountSuppressionList = "OnAccountSuppressionList"
    case mailboxFull = "MailboxFull"
    case messageTooLarge = "MessageTooLarge"
    case contentRejected = "ContentRejected"
    case attachmentRejected = "AttachmentRejected"
}

/// One entry of `bouncedRecipients`; the DSN fields appear only when a DSN was attached.
public struct BouncedRecipient: Hashable, Sendable {
    public var emailAddress: String
    public var action: String?
    public var status: String?
    public var diagnosticCode: String?

    public init(
        emailAddress: String, action: String? = nil, status: String? = nil, diagnosticCode: String? = nil
    ) {
        self.emailAddress = emailAddress
        self.action = action
        self.status = status
        self.diagnosticCode = diagnosticCode
    }
}

/// The `bounce` object.
public struct Bounce: Hashable, Sendable {
    public var bounceType: BounceType
    public var bounceSubType: BounceSubType
    public var bouncedRecipients: [BouncedRecipient]
    /// When the provider sent the bounce.
    public var timestamp: SimTime
    public var feedbackId: MessageID
    /// `dsn; <host>`, present only with a DSN.
    public var reportingMTA: String?
    /// The remote MTA's IP, when SES reached it.
    public var remoteMtaIp: String?

    public init(
        bounceType: BounceType, bounceSubType: BounceSubType, bouncedRecipients: [BouncedRecipient],
        timestamp: SimTime, feedbackId: MessageID, reportingMTA: String? = nil, remoteMtaIp: String? = nil
    ) {
        self.bounceType = bounceType
        self.bounceSubType = bounceSubType
        self.bouncedRecipients = bouncedRecipients
        self.timestamp = timestamp
        self.feedbackId = feedbackId
        self.reportingMTA = reportingMTA
        self.remoteMtaIp = remoteMtaIp
    }
}

/// The `complaint` object.
public struct Complaint: Hashable, Sendable {
    public var complainedRecipients: [String]
    public var timestamp: SimTime
    public var feedbackId: MessageID
    /// nil, or `OnAccountSuppressionList`.
    public var complaintSubType: String?
    /// Present when the provider attached a feedback report.
    public var userAgent: String?
    /// `abuse`, `auth-failure`, `fraud`, `not-spam`, `other` or `virus`.
    public var complaintFeedbackType: String?
    public var arrivalDate: SimTime?

    public init(
        complainedRecipients: [String], timestamp: SimTime, feedbackId: MessageID,
        complaintSubType: String? = nil, userAgent: String? = nil, complaintFeedbackType: String? = nil,
        arrivalDate: SimTime? = nil
    ) {
        self.complainedRecipients = complainedRecipients
        self.timestamp = timestamp
        self.feedbackId = feedbackId
        self.complaintSubType = complaintSubType
        self.userAgent = userAgent
        self.complaintFeedbackType = complaintFeedbackType
        self.arrivalDate = arrivalDate
    }
}

/// The `delivery` object.
public struct Delivery: Hashable, Sendable {
    public var timestamp: SimTime
    /// Milliseconds from acceptance to the provider's acceptance.
    public var processingTimeMillis: Int64
    public var recipients: [String]
    public var smtpResponse: String
    /// The SES host that handed the message over.
    public var reportingMTA: String
    public var remoteMtaIp: String?

    public init(
        timestamp: SimTime, processingTimeMillis: Int64, recipients: [String], smtpResponse: String,
        reportingMTA: String, remoteMtaIp: String? = nil
    ) {
        self.timestamp = timestamp
        self.processingTimeMillis = processingTimeMillis
        self.recipients = recipients
        self.smtpResponse = smtpResponse
        self.reportingMTA = reportingMTA
        self.remoteMtaIp = remoteMtaIp
    }
}

/// The `open` object.
public struct Open: Hashable, Sendable {
    public var ipAddress: String
    public var timestamp: SimTime
    public var userAgent: String

    public init(ipAddress: String, timestamp: SimTime, userAgent: String) {
        self.ipAddress = ipAddress
        self.timestamp = timestamp
        self.userAgent = userAgent
    }
}

/// The `click` object.
public struct Click: Hashable, Sendable {
    public var ipAddress: String
    public var timestamp: SimTime
    public var userAgent: String
    /// The original link (before SES rewrote it for tracking).
    public var link: String
    /// The link's `ses:tags`, published as `{name: [values]}` in first-seen order.
    public var linkTags: [NameValue]

    public init(ipAddress: String, timestamp: SimTime, userAgent: String, link: String, linkTags: [NameValue])
    {
        self.ipAddress = ipAddress
        self.timestamp = timestamp
        self.userAgent = userAgent
        self.link = link
        self.linkTags = linkTags
    }
}

/// The `failure` object of a Rendering Failure.
public struct RenderingFailure: Hashable, Sendable {
    public var templateName: String
    /// E.g. `Attribute 'name' is not present in the rendering data.`
    public var errorMessage: String

    public init(templateName: String, errorMessage: String) {
        self.templateName = templateName
        self.errorMessage = errorMessage
    }
}

/// `delayType` values.
public enum DelayType: String, Hashable, Sendable, CaseIterable {
    case internalFailure = "InternalFailure"
    case general = "General"
    case mailboxFull = "MailboxFull"
    case spamDetected = "SpamDetected"
    case recipientServerError = "RecipientServerError"
    case ipFailure = "IPFailure"
    case transientCommunicationFailure = "TransientCommunicationFailure"
    case byoipHostNameLookupUnavailable = "BYOIPHostNameLookupUnavailable"
    case undetermined = "Undetermined"
    case sendingDeferral = "SendingDeferral"
}

/// One entry of `delayedRecipients`.
public struct DelayedRecipient: Hashable, Sendable {
    public var emailAddress: String
    /// The SMTP enhanced status code, e.g. `4.4.1`.
    public var status: String
    /// E.g. `smtp; 421 4.4.1 Unable to connect to remote host`.
    public var diagnosticCode: String

    public init(emailAddress: String, status: String, diagnosticCode: String) {
        self.emailAddress = emailAddress
        self.status = status
        self.diagnosticCode = diagnosticCode
    }
}

/// The `deliveryDelay` object.
public struct DeliveryDelay: Hashable, Sendable {
    public var timestamp: SimTime
    public var delayType: DelayType
    /// When SES will stop trying.
    public var expirationTime: SimTime
    public var delayedRecipients: [DelayedRecipient]
    /// The IP of the MTA that reported the delay, when known.
    public var reportingMTA: String?

    public init(
        timestamp: SimTime, delayType: DelayType, expirationTime: SimTime,
        delayedRecipients: [DelayedRecipient], reportingMTA: String? = nil
    ) {
        self.timestamp = timestamp
        self.delayType = delayType
        self.expirationTime = expirationTime
        self.delayedRecipients = delayedRecipients
        self.reportingMTA = reportingMTA
    }
}

/// A topic's subscription status in a `subscription` object.
public struct TopicSubscriptionStatus: Hashable, Sendable {
    public var topicName: String
    /// `OptIn` or `OptOut`.
    public var subscriptionStatus: String

    public init(topicName: String, subscriptionStatus: String) {
        self.topicName = topicName
        self.subscriptionStatus = subscriptionStatus
    }
}

/// `newTopicPreferences` / `oldTopicPreferences`.
public struct TopicPreferences: Hashable, Sendable {
    public var unsubscribeAll: Bool
    public var topicSubscriptionStatus: [TopicSubscriptionStatus]

    public init(unsubscribeAll: Bool, topicSubscriptionStatus: [TopicSubscriptionStatus]) {
        self.unsubscribeAll = unsubscribeAll
        self.topicSubscriptionStatus = topicSubscriptionStatus
    }
}

/// The `subscription` object.
public struct Subscription: Hashable, Sendable {
    public var contactList: String
    public var timestamp: SimTime
    /// E.g. `UnsubscribeHeader`.
    public var source: String
    public var newTopicPreferences: TopicPreferences
    public var oldTopicPreferences: TopicPreferences

    public init(
        contactList: String, timestamp: SimTime, source: String, newTopicPreferences: TopicPreferences,
        oldTopicPreferences: TopicPreferences
    ) {
        self.contactList = contactList
        self.timestamp = timestamp
        self.source = source
        self.newTopicPreferences = newTopicPreferences
        self.oldTopicPreferences = oldTopicPreferences
    }
}
