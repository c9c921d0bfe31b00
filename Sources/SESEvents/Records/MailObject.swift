import SimCore

/// A name and a value: a message tag, an email header, a link tag.
@frozen
public struct NameValue: Hashable, Sendable {
    public var name: String
    public var value: String

    @inlinable
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The `commonHeaders` object of a record.
public struct CommonHeaders: Hashable, Sendable {
    /// The From addresses, e.g. `["Sender Name <sender@example.com>"]`.
    public var from: [String]
    /// The Date header as the sender wrote it (RFC 5322 text), when the
    /// message had one; SES lists `date` among the common headers.
    public var date: String?
    /// The To addresses.
    public var to: [String]
    /// The Message-ID; SES sets it to the message's ID.
    public var messageId: MessageID
    /// The subject; nil in a templated message's Send event, whose subject is
    /// rendered later (SES omits it there).
    public var subject: String?

    public init(from: [String], date: String? = nil, to: [String], messageId: MessageID, subject: String?) {
        self.from = from
        self.date = date
        self.to = to
        self.messageId = messageId
        self.subject = subject
    }
}

/// The `mail` object every record carries: the message the event concerns.
///
/// One value is built per message and shared by all of its events. Its
/// fields live in one copy-on-write box, so copying a `MailObject` (or an
/// ``SESEvent`` holding one) costs a single reference count rather than one
/// per string and array; mutating a shared copy copies the box first, so it
/// behaves as a plain value. The tags are the message tags followed by SES's
/// auto-tags, in the order they are published; `ses:outgoing-ip` is kept
/// apart because it appears only on events that happen after SES chose a
/// sending IP.
public struct MailObject: Hashable, Sendable {
    /// The fields, shared between copies until one of them is mutated.
    ///
    /// `@unchecked Sendable`, and no dynamic exclusivity checks on its
    /// fields: the box is only ever mutated through ``MailObject``'s setters,
    /// which first copy it unless it is uniquely referenced — and a uniquely
    /// referenced box cannot be seen by another thread or another access. The
    /// record serialiser takes `inout` access to fields of a shared box only
    /// to read them in place, without reference counting; it writes nothing.
    @usableFromInline
    final class Storage: @unchecked Sendable {
        @usableFromInline @exclusivity(unchecked) var timestamp: SimTime
        @usableFromInline @exclusivity(unchecked) var source: String
        @usableFromInline @exclusivity(unchecked) var sourceArn: String
        @usableFromInline @exclusivity(unchecked) var sendingAccountId: String
        @usableFromInline @exclusivity(unchecked) var messageId: MessageID
        @usableFromInline @exclusivity(unchecked) var destination: [String]
        @usableFromInline @exclusivity(unchecked) var headersTruncated: Bool
        @usableFromInline @exclusivity(unchecked) var headers: [NameValue]
        @usableFromInline @exclusivity(unchecked) var commonHeaders: CommonHeaders
        @usableFromInline @exclusivity(unchecked) var tags: [NameValue]
        @usableFromInline @exclusivity(unchecked) var outgoingIp: String?

        init(
            timestamp: SimTime, source: String, sourceArn: String, sendingAccountId: String,
            messageId: MessageID, destination: [String], headersTruncated: Bool, headers: [NameValue],
            commonHeaders: CommonHeaders, tags: [NameValue], outgoingIp: String?
        ) {
            self.timestamp = timestamp
            self.source = source
            self.sourceArn = sourceArn
            self.sendingAccountId = sendingAccountId
            self.messageId = messageId
            self.destination = destination
            self.headersTruncated = headersTruncated
            self.headers = headers
            self.commonHeaders = commonHeaders
            self.tags = tags
            self.outgoingIp = outgoingIp
        }

        func copy() -> Storage {
            Storage(
                timestamp: timestamp, source: source, sourceArn: sourceArn,
                sendingAccountId: sendingAccountId,
                messageId: messageId, destination: destination, headersTruncated: headersTruncated,
                headers: headers, commonHeaders: commonHeaders, tags: tags, outgoingIp: outgoingIp)
        }
    }

    @usableFromInline
    var storage: Storage
    /// The identity of the tags array's storage (see ``identity(of:)``), kept
    /// beside the box so that the fan-out path, which needs only this of the
    /// message to count its metrics, does not read the box at all.
    private(set) var tagsIdentity: UInt

    /// The box, copied first if another value shares it.
    @usableFromInline
    var uniqueStorage: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    /// When SES accepted the message.
    public var timestamp: SimTime {
        get { storage.timestamp }
        set { uniqueStorage.timestamp = newValue }
    }
    /// The envelope MAIL FROM (`source`).
    public var source: String {
        get { storage.source }
        set { uniqueStorage.source = newValue }
    }
    /// The ARN of the identity that sent it.
    public var sourceArn: String {
        get { storage.sourceArn }
        set { uniqueStorage.sourceArn = newValue }
    }
    /// The sending account's 12-digit ID.
    public var sendingAccountId: String {
        get { storage.sendingAccountId }
        set { uniqueStorage.sendingAccountId = newValue }
    }
    /// The message's ID.
    public var messageId: MessageID {
        get { storage.messageId }
        set { uniqueStorage.messageId = newValue }
    }
    /// Every recipient: To, Cc and Bcc.
    public var destination: [String] {
        get { storage.destination }
        _modify { yield &uniqueStorage.destination }
    }
    /// Whether the headers were cut because they reached 10 KB.
    public var headersTruncated: Bool {
        get { storage.headersTruncated }
        set { uniqueStorage.headersTruncated = newValue }
    }
    /// The message's headers, in order. Empty when the message was never
    /// rendered (a Rendering Failure); the record then has neither `headers`
    /// nor `commonHeaders`, as in SES's example.
    public var headers: [NameValue] {
        get { storage.headers }
        _modify { yield &uniqueStorage.headers }
    }
    /// The parsed common headers.
    public var commonHeaders: CommonHeaders {
        get { storage.commonHeaders }
        _modify { yield &uniqueStorage.commonHeaders }
    }
    /// Message tags then auto-tags, except `ses:outgoing-ip`. A name may occur
    /// more than once; the record groups values by name in first-seen order.
    public var tags: [NameValue] {
        get { storage.tags }
        _modify {
            defer { tagsIdentity = Self.identity(of: storage.tags) }
            yield &uniqueStorage.tags
        }
    }

    /// The identity of `array`'s storage: equal for copies of one array,
    /// different for arrays that exist at the same time with separate
    /// storage. Caches that keep the array alive recognise it by this.
    @inline(__always)
    static func identity(of array: [NameValue]) -> UInt {
        unsafeBitCast(array, to: UInt.self)
    }

    /// The IP SES sent from, once chosen; published as the `ses:outgoing-ip`
    /// tag on delivery-side events.
    public var outgoingIp: String? {
        get { storage.outgoingIp }
        set { uniqueStorage.outgoingIp = newValue }
    }

    public init(
        timestamp: SimTime, source: String, sourceArn: String, sendingAccountId: String,
        messageId: MessageID, destination: [String], headersTruncated: Bool = false,
        headers: [NameValue], commonHeaders: CommonHeaders, tags: [NameValue], outgoingIp: String? = nil
    ) {
        storage = Storage(
            timestamp: timestamp, source: source, sourceArn: sourceArn, sendingAccountId: sendingAccountId,
            messageId: messageId, destination: destination, headersTruncated: headersTruncated,
            headers: headers, commonHeaders: commonHeaders, tags: tags, outgoingIp: outgoingIp)
        tagsIdentity = Self.identity(of: tags)
    }

    /// The first value of the message tag (or auto-tag) `name`, if any.
    public func tagValue(_ name: String) -> String? {
        if name == "ses:outgoing-ip" { return outgoingIp }
        return storage.tags.first { $0.name == name }?.value
    }

    /// The value of the first header named `name` (compared ignoring ASCII
    /// case, as header names are), if any.
    public func headerValue(_ name: String) -> String? {
        storage.headers.first { HeaderName.equalIgnoringASCIICase($0.name, name) }?.value
    }

    public static func == (lhs: MailObject, rhs: MailObject) -> Bool {
        if lhs.storage === rhs.storage { return true }
        let left = lhs.storage
        let right = rhs.storage
        return left.timestamp == right.timestamp && left.messageId == right.messageId
            && left.source == right.source && left.sourceArn == right.sourceArn
            && left.sendingAccountId == right.sendingAccountId && left.destination == right.destination
            && left.headersTruncated == right.headersTruncated && left.headers == right.headers
            && left.commonHeaders == right.commonHeaders && left.tags == right.tags
            && left.outgoingIp == right.outgoingIp
    }

    public func hash(into hasher: inout Hasher) {
        let fields = storage
        hasher.combine(fields.timestamp)
        hasher.combine(fields.source)
        hasher.combine(fields.sourceArn)
        hasher.combine(fields.sendingAccountId)
        hasher.combine(fields.messageId)
        hasher.combine(fields.destination)
        hasher.combine(fields.headersTruncated)
        hasher.combine(fields.headers)
        hasher.combine(fields.commonHeaders)
        hasher.combine(fields.tags)
        hasher.combine(fields.outgoingIp)
    }
}
