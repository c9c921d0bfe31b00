import SimCore

/// One email sending event, as the model produces it and the publisher fans
/// it out: what happened (``detail``), to which message (``mail``), when, and
/// under which configuration set.
public struct SESEvent: Hashable, Sendable {
    /// When the event happened on the run's clock.
    public var time: SimTime
    /// The message the event concerns.
    public var mail: MailObject
    /// The per-type object.
    public var detail: EventDetail
    /// The index of the message's configuration set in the publisher's list,
    /// or nil when the message was sent without one (it then publishes to no
    /// destination, but still counts in account-level metrics).
    public var configurationSet: Int?

    public init(time: SimTime, mail: MailObject, detail: EventDetail, configurationSet: Int?) {
        self.time = time
        self.mail = mail
        self.detail = detail
        self.configurationSet = configurationSet
    }

    /// The event's type.
    @inlinable
    public var type: EventType { detail.type }
}
