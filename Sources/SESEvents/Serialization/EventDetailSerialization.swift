extension EventRecordSerializer {
    /// Appends the per-type member: `"send":{}`, `"bounce":{…}`, …,
    /// `"failure":{…}` for a Rendering Failure.
    func appendDetail(_ detail: EventDetail, to buffer: inout OutputBuffer) {
        switch detail {
        case .send:
            JSONBytes.appendRaw("\"send\":{}", to: &buffer)
        case .reject(let reject):
            appendField("\"reject\":{\"reason\":", reject.reason, to: &buffer)
            buffer.append(UInt8(ascii: "}"))
        case .bounce(let bounce):
            appendBounce(bounce, to: &buffer)
        case .complaint(let complaint):
            appendComplaint(complaint, to: &buffer)
        case .delivery(let delivery):
            appendTimestamp("\"delivery\":{\"timestamp\":", delivery.timestamp, to: &buffer)
            JSONBytes.appendRaw(",\"processingTimeMillis\":", to: &buffer)
            JSONBytes.appendInteger(delivery.processingTimeMillis, to: &buffer)
            JSONBytes.appendRaw(",\"recipients\":", to: &buffer)
            JSONBytes.appendStringArray(delivery.recipients, to: &buffer)
            appendField(",\"smtpResponse\":", delivery.smtpResponse, to: &buffer)
            appendField(",\"reportingMTA\":", delivery.reportingMTA, to: &buffer)
            appendOptionalField(",\"remoteMtaIp\":", delivery.remoteMtaIp, to: &buffer)
            buffer.append(UInt8(ascii: "}"))
        case .open(let open):
            appendField("\"open\":{\"ipAddress\":", open.ipAddress, to: &buffer)
            appendTimestamp(",\"timestamp\":", open.timestamp, to: &buffer)
            appendField(",\"userAgent\":", open.userAgent, to: &buffer)
            buffer.append(UInt8(ascii: "}"))
        case .click(let click):
            appendField("\"click\":{\"ipAddress\":", click.ipAddress, to: &buffer)
            appendField(",\"link\":", click.link, to: &buffer)
            if !click.linkTags.isEmpty {
                JSONBytes.appendRaw(",\"linkTags\":", to: &buffer)
                Self.appendGrouped(click.linkTags, to: &buffer)
            }
            appendTimestamp(",\"timestamp\":", click.timestamp, to: &buffer)
            appendField(",\"userAgent\":", click.userAgent, to: &buffer)
            buffer.append(UInt8(ascii: "}"))
        case .renderingFailure(let failure):
            appendField("\"failure\":{\"errorMessage\":", failure.errorMessage, to: &buffer)
            appendField(",\"templateName\":", failure.templateName, to: &buffer)
            buffer.append(UInt8(ascii: "}"))
        case .deliveryDelay(let delay):
            appendDeliveryDelay(delay, to: &buffer)
        case .subscription(let subscription):
            appendField("\"subscription\":{\"contactList\":", subscription.contactList, to: &buffer)
            appendTimestamp(",\"timestamp\":", subscription.timestamp, to: &buffer)
            appendField(",\"source\":", subscription.source, to: &buffer)
            JSONBytes.appendRaw(",\"newTopicPreferences\":", to: &buffer)
            appendTopicPreferences(subscription.newTopicPreferences, to: &buffer)
            JSONBytes.appendRaw(",\"oldTopicPreferences\":", to: &buffer)
            appendTopicPreferences(subscription.oldTopicPreferences, to: &buffer)
            buffer.append(UInt8(ascii: "}"))
        }
    }

    func appendBounce(_ bounce: Bounce, to buffer: inout OutputBuffer) {
        appendField("\"bounce\":{\"bounceType\":", bounce.bounceType.rawValue, to: &buffer)
        appendField(",\"bounceSubType\":", bounce.bounceSubType.rawValue, to: &buffer)
        JSONBytes.appendRaw(",\"bouncedRecipients\":[", to: &buffer)
        var first = true
        for recipient in bounce.bouncedRecipients {
            appendField(
                first ? "{\"emailAddress\":" : ",{\"emailAddress\":", recipient.emailAddress, to: &buffer)
            first = false
            appendOptionalField(",\"action\":", recipient.action, to: &buffer)
            appendOptionalField(",\"status\":", recipient.status, to: &buffer)
            appendOptionalField(",\"diagnosticCode\":", recipient.diagnosticCode, to: &buffer)
            buffer.append(UInt8(ascii: "}"))
        }
        buffer.append(UInt8(ascii: "]"))
        appendTimestamp(",\"timestamp\":", bounce.timestamp, to: &buffer)
        appendMessageID(",\"feedbackId\":", bounce.feedbackId, to: &buffer)
        appendOptionalField(",\"reportingMTA\":", bounce.reportingMTA, to: &buffer)
        appendOptionalField(",\"remoteMtaIp\":", bounce.remoteMtaIp, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    func appendComplaint(_ complaint: Complaint, to buffer: inout OutputBuffer) {
        JSONBytes.appendRaw("\"complaint\":{\"complainedRecipients\":[", to: &buffer)
        var first = true
        for recipient in complaint.complainedRecipients {
            appendField(first ? "{\"emailAddress\":" : ",{\"emailAddress\":", recipient, to: &buffer)
            first = false
            buffer.append(UInt8(ascii: "}"))
        }
        buffer.append(UInt8(ascii: "]"))
        appendTimestamp(",\"timestamp\":", complaint.timestamp, to: &buffer)
        appendMessageID(",\"feedbackId\":", complaint.feedbackId, to: &buffer)
        appendOptionalField(",\"complaintSubType\":", complaint.complaintSubType, to: &buffer)
        appendOptionalField(",\"userAgent\":", complaint.userAgent, to: &buffer)
        appendOptionalField(",\"complaintFeedbackType\":", complaint.complaintFeedbackType, to: &buffer)
        if let arrivalDate = complaint.arrivalDate {
            appendTimestamp(",\"arrivalDate\":", arrivalDate, to: &buffer)
        }
        buffer.append(UInt8(ascii: "}"))
    }

    func appendDeliveryDelay(_ delay: DeliveryDelay, to buffer: inout OutputBuffer) {
        appendTimestamp("\"deliveryDelay\":{\"timestamp\":", delay.timestamp, to: &buffer)
        appendField(",\"delayType\":", delay.delayType.rawValue, to: &buffer)
        appendTimestamp(",\"expirationTime\":", delay.expirationTime, to: &buffer)
        JSONBytes.appendRaw(",\"delayedRecipients\":[", to: &buffer)
        var first = true
        for recipient in delay.delayedRecipients {
            appendField(
                first ? "{\"emailAddress\":" : ",{\"emailAddress\":", recipient.emailAddress, to: &buffer)
            first = false
            appendField(",\"status\":", recipient.status, to: &buffer)
            appendField(",\"diagnosticCode\":", recipient.diagnosticCode, to: &buffer)
            buffer.append(UInt8(ascii: "}"))
        }
        buffer.append(UInt8(ascii: "]"))
        appendOptionalField(",\"reportingMTA\":", delay.reportingMTA, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    func appendTopicPreferences(_ preferences: TopicPreferences, to buffer: inout OutputBuffer) {
        JSONBytes.appendRaw("{\"unsubscribeAll\":", to: &buffer)
        JSONBytes.appendBool(preferences.unsubscribeAll, to: &buffer)
        JSONBytes.appendRaw(",\"topicSubscriptionStatus\":[", to: &buffer)
        var first = true
        for status in preferences.topicSubscriptionStatus {
            appendField(first ? "{\"topicName\":" : ",{\"topicName\":", status.topicName, to: &buffer)
            first = false
            appendField(",\"subscriptionStatus\":", status.subscriptionStatus, to: &buffer)
            buffer.append(UInt8(ascii: "}"))
        }
        JSONBytes.appendRaw("]}", to: &buffer)
    }
}
