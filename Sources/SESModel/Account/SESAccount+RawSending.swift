import MIME
import SESEvents
import SimCore

extension SESAccount {
    /// `SendRawEmail`, v2 `SendEmail` with `Content.Raw`, or a message that
    /// came in over SMTP: a message given whole as MIME.
    ///
    /// The checks, in order (docs/raw-email.md gives each error's source):
    /// the size limit of `request.interface`; the MIME structure (a
    /// multipart without a delimiter); duplicated single header fields; the
    /// Source, or the From header when no Source is given, and the From,
    /// Sender and Return-Path addresses; the tags (the request's, else
    /// `X-SES-MESSAGE-TAGS`); the recipients (the request's Destinations,
    /// else To, Cc and Bcc: at least one, at most 50, each well formed);
    /// attachments with a blocked extension; base64 bodies that do not
    /// decode; then, as for every send, the configuration set (the request's,
    /// else `X-SES-CONFIGURATION-SET`), the identities (Source, From, Sender
    /// and Return-Path; recipients in the sandbox), the account's and the
    /// set's sending state, the daily quota and the send rate.
    public mutating func sendRawEmail(_ request: SendRawEmailRequest, at now: SimTime) throws(SESError)
        -> AcceptedMessage
    {
        let limit = request.interface.maximumMessageSize
        guard request.rawMessage.count <= limit else {
            throw SESError(
                .invalidParameterValue,
                SESErrorMessages.messageTooLong(limit: limit, size: request.rawMessage.count))
        }
        let message: MIMEMessage
        do throws(MIMEError) {
            message = try MIMEMessage(parsing: request.rawMessage)
        } catch {
            throw SESError(.invalidParameterValue, error.message)
        }
        try RawMessageRules.checkDuplicates(message)

        let fromMailboxes = try RawMessageRules.mailboxes(message, "From")
        let source: EmailAddress
        if let text = request.source, !text.isEmpty {
            source = try EmailAddress(parsing: text)
        } else if let first = fromMailboxes.first {
            source = try EmailAddress(parsing: first.address)
        } else {
            throw SESError(.invalidParameterValue, SESErrorMessages.missingFromHeader)
        }
        let from = try RawMessageRules.addresses(fromMailboxes)
        var senders = from
        senders += try RawMessageRules.addresses(RawMessageRules.mailboxes(message, "Sender"))
        senders += try RawMessageRules.addresses(
            RawMessageRules.mailboxes(message, "Return-Path").filter { !$0.address.isEmpty })

        let tags = request.tags.isEmpty ? RawMessageRules.headerTags(message) : request.tags
        try Self.validate(tags: tags)

        let toMailboxes = try RawMessageRules.mailboxes(message, "To")
        let destination: Destination
        if request.destinations.isEmpty {
            destination = Destination(
                toAddresses: toMailboxes.map(\.address),
                ccAddresses: try RawMessageRules.mailboxes(message, "Cc").map(\.address),
                bccAddresses: try RawMessageRules.mailboxes(message, "Bcc").map(\.address))
        } else {
            destination = Destination(toAddresses: request.destinations)
        }
        let count = destination.recipientCount
        guard count > 0 else { throw SESError(.invalidParameterValue, SESErrorMessages.noRawRecipients) }
        guard count <= Destination.maximumRecipients else {
            throw SESError(.invalidParameterValue, SESErrorMessages.recipientCountExceeds50)
        }
        var recipients: [EmailAddress] = []
        recipients.reserveCapacity(count)
        for text in destination.allAddresses { recipients.append(try EmailAddress(parsing: text)) }

        try RawMessageRules.checkAttachments(message)
        do throws(MIMEError) {
            try message.checkTransferEncodings()
        } catch {
            throw SESError(.invalidParameterValue, error.message)
        }

        var setName = request.configurationSetName
        if setName?.isEmpty ?? true {
            setName = message.field(named: "X-SES-CONFIGURATION-SET").map { message.value(of: $0) }
            if setName?.isEmpty == true { setName = nil }
        }
        let configurationSet = try resolveConfigurationSet(setName)
        try checkIdentities(source: source, senders: senders, recipients: recipients)
        try checkSendingAllowed(configurationSet: configurationSet)
        try admitRecipients(recipients, at: now)
        let content = RawContent(
            message: message, summary: rawHeaderSummary(message, from: fromMailboxes, to: toMailboxes),
            fromDomain: from.first?.domain, interface: request.interface)
        return accept(
            operation: request.interface.operation, source: source, destination: destination,
            recipients: recipients, configurationSet: configurationSet, tags: tags, content: .raw(content),
            at: now)
    }

    /// The events' view of `message`'s header, shared with the last message
    /// when the two headers are the same bytes (a client sending one message
    /// file again and again keeps one copy).
    private mutating func rawHeaderSummary(_ message: MIMEMessage, from: [Mailbox], to: [Mailbox])
        -> RawHeaderSummary
    {
        let header = message.bytes[0..<message.parts[0].bodyStart]
        if let last = lastRawHeader, last.header.count == header.count, last.header.elementsEqual(header) {
            return last.summary
        }
        let summary = RawHeaderSummary(message: message, from: from, to: to)
        lastRawHeader = header.count <= 65_536 ? (Array(header), summary) : nil
        return summary
    }
}
