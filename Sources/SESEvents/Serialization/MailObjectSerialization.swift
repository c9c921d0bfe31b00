extension EventRecordSerializer {
    /// Appends the `mail` object.
    ///
    /// `headers` and `commonHeaders` are written only when the message has
    /// headers: SES's Rendering Failure example, whose message was never
    /// rendered, has neither. `tags` groups values by name in first-seen order
    /// and ends with `ses:outgoing-ip` once SES has chosen a sending IP.
    func appendMail(_ mail: MailObject, to buffer: inout OutputBuffer) {
        appendMailUpToTags(mail, to: &buffer)
        Self.appendGroupedMembers(mail.tags, to: &buffer)
        appendMailEnd(mail, to: &buffer)
    }

    /// Appends the `mail` object as ``appendMail(_:to:)`` does, taking the
    /// `tags` members from `cache` when the message's tags array is cached
    /// (the fan-out path: one traffic client's messages share their tags).
    func appendMail(_ mail: MailObject, to buffer: inout OutputBuffer, cache: inout RecordSerializationCache)
    {
        appendTimestamp("{\"timestamp\":", mail.timestamp, to: &buffer)
        let senderStart = buffer.count
        cache.sender.append(mail, to: &buffer) { mail, buffer in appendSenderFields(mail, to: &buffer) }
        cache.noteCachedPart(start: senderStart, end: buffer.count, source: .sender)
        appendMailMessageFields(mail, to: &buffer)
        let tagsStart = buffer.count
        let tagsEntry = cache.tags.append(tagsOf: mail, to: &buffer) { tags, buffer in
            Self.appendGroupedMembers(tags, to: &buffer)
        }
        cache.noteCachedPart(start: tagsStart, end: buffer.count, source: .tags(entry: tagsEntry))
        appendMailEnd(mail, to: &buffer)
    }

    /// Appends the `mail` object from its opening brace to the opening brace
    /// of `tags`.
    @inline(__always)
    func appendMailUpToTags(_ mail: MailObject, to buffer: inout OutputBuffer) {
        appendTimestamp("{\"timestamp\":", mail.timestamp, to: &buffer)
        appendSenderFields(mail, to: &buffer)
        appendMailMessageFields(mail, to: &buffer)
    }

    /// Appends `,"source":…,"sourceArn":…,"sendingAccountId":…`.
    @inline(__always)
    func appendSenderFields(_ mail: MailObject, to buffer: inout OutputBuffer) {
        appendField(",\"source\":", mail.source, to: &buffer)
        appendField(",\"sourceArn\":", mail.sourceArn, to: &buffer)
        appendField(",\"sendingAccountId\":", mail.sendingAccountId, to: &buffer)
    }

    /// Appends the `mail` object's fields from `messageId` to the opening
    /// brace of `tags`.
    @inline(__always)
    func appendMailMessageFields(_ mail: MailObject, to buffer: inout OutputBuffer) {
        appendMessageID(",\"messageId\":", mail.messageId, to: &buffer)
        let storage = mail.storage
        JSONBytes.appendRaw(",\"destination\":", to: &buffer)
        JSONBytes.appendStringArray(inPlace: &storage.destination, to: &buffer)
        JSONBytes.appendRaw(",\"headersTruncated\":", to: &buffer)
        JSONBytes.appendBool(storage.headersTruncated, to: &buffer)
        if appendHeaders(inPlace: &storage.headers, to: &buffer) {
            appendCommonHeaders(of: storage, to: &buffer)
        }
        JSONBytes.appendRaw(",\"tags\":", to: &buffer)
    }

    /// Appends the rest of the `mail` object after the `tags` members: the
    /// `ses:outgoing-ip` member when SES has chosen a sending IP, and the
    /// closing braces of `tags` and `mail`.
    @inline(__always)
    func appendMailEnd(_ mail: MailObject, to buffer: inout OutputBuffer) {
        let storage = mail.storage
        if storage.outgoingIp != nil {
            JSONBytes.appendRaw(
                Self.isEmpty(inPlace: &storage.tags) ? "\"ses:outgoing-ip\":[" : ",\"ses:outgoing-ip\":[",
                to: &buffer)
            JSONBytes.appendString(inPlace: &storage.outgoingIp!, to: &buffer)
            buffer.append(UInt8(ascii: "]"))
        }
        JSONBytes.appendRaw("}}", to: &buffer)
    }

    /// Whether `array` is empty, read in place (reading a stored array
    /// property to ask retains it).
    @inline(__always)
    static func isEmpty(inPlace array: inout [NameValue]) -> Bool { array.isEmpty }

    /// Appends `,"headers":[…]` unless `headers` is empty, reading the
    /// headers in place (copying one out would retain its two strings);
    /// returns whether it did.
    @inline(__always)
    func appendHeaders(inPlace headers: inout [NameValue], to buffer: inout OutputBuffer) -> Bool {
        headers.withUnsafeBufferPointer { headers in
            guard let first = headers.baseAddress, !headers.isEmpty else { return false }
            JSONBytes.appendRaw(",\"headers\":[", to: &buffer)
            // Only read: the strings are borrowed for `withUTF8`, not changed.
            let header = UnsafeMutablePointer(mutating: first)
            for index in headers.indices {
                JSONBytes.appendRaw(index == 0 ? "{\"name\":" : ",{\"name\":", to: &buffer)
                JSONBytes.appendString(inPlace: &header[index].name, to: &buffer)
                JSONBytes.appendRaw(",\"value\":", to: &buffer)
                JSONBytes.appendString(inPlace: &header[index].value, to: &buffer)
                buffer.append(UInt8(ascii: "}"))
            }
            buffer.append(UInt8(ascii: "]"))
            return true
        }
    }

    /// Appends `,"commonHeaders":{…}`, reading the fields in place in
    /// `storage` (copying them out would retain each string and array).
    func appendCommonHeaders(of storage: MailObject.Storage, to buffer: inout OutputBuffer) {
        JSONBytes.appendRaw(",\"commonHeaders\":{\"from\":", to: &buffer)
        JSONBytes.appendStringArray(inPlace: &storage.commonHeaders.from, to: &buffer)
        JSONBytes.appendOptionalField(",\"date\":", inPlace: &storage.commonHeaders.date, to: &buffer)
        JSONBytes.appendRaw(",\"to\":", to: &buffer)
        JSONBytes.appendStringArray(inPlace: &storage.commonHeaders.to, to: &buffer)
        appendMessageID(",\"messageId\":", storage.commonHeaders.messageId, to: &buffer)
        JSONBytes.appendOptionalField(",\"subject\":", inPlace: &storage.commonHeaders.subject, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    /// Appends `pairs` as a JSON object `{name: [values]}`: one member per
    /// distinct name, in the order names first appear, each holding that
    /// name's values in order.
    static func appendGrouped(_ pairs: [NameValue], to buffer: inout OutputBuffer) {
        appendGroupedMembers(pairs, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    /// Appends the opening brace and the members of ``appendGrouped(_:to:)``,
    /// leaving the object open: a member is written for every distinct name,
    /// so there is at least one exactly when `pairs` is not empty.
    ///
    /// Grouping compares each name with the earlier ones — quadratic, but
    /// messages carry a handful of tags and nothing is allocated.
    static func appendGroupedMembers(_ pairs: [NameValue], to buffer: inout OutputBuffer) {
        buffer.append(UInt8(ascii: "{"))
        var wroteMember = false
        let count = pairs.count
        for index in 0..<count {
            let name = pairs[index].name
            let length = name.utf8.count
            var seenBefore = false
            for earlier in 0..<index
            where pairs[earlier].name.utf8.count == length && pairs[earlier].name == name {
                seenBefore = true
                break
            }
            if seenBefore { continue }
            if wroteMember { buffer.append(UInt8(ascii: ",")) }
            wroteMember = true
            JSONBytes.appendString(name, to: &buffer)
            JSONBytes.appendRaw(":[", to: &buffer)
            JSONBytes.appendString(pairs[index].value, to: &buffer)
            for later in (index + 1)..<count
            where pairs[later].name.utf8.count == length && pairs[later].name == name {
                buffer.append(UInt8(ascii: ","))
                JSONBytes.appendString(pairs[later].value, to: &buffer)
            }
            buffer.append(UInt8(ascii: "]"))
        }
    }
}
