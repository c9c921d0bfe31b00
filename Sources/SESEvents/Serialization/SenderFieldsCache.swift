/// Remembers the bytes written for the last `source`, `sourceArn` and
/// `sendingAccountId` of a `mail` object, which every message of a sender
/// shares, so that they are copied instead of escaped again for each event.
///
/// The strings are recognised by their representation (``StringBits``): two
/// strings with the same bits have the same bytes, since the cache keeps the
/// strings it remembers alive (no other string can take their storage's
/// address, and shared storage cannot change: a write to it copies it
/// first). A hit therefore appends exactly the bytes that writing the fields
/// again would: the cache changes speed, never output. A miss — different
/// strings, or equal text in other storage — writes the fields and
/// remembers them.
struct SenderFieldsCache {
    /// The remembered strings, kept alive; nil before the first event.
    private var strings: (source: String, sourceArn: String, sendingAccountId: String)?
    private var bits: (source: StringBits, sourceArn: StringBits, sendingAccountId: StringBits) = (
        StringBits(), StringBits(), StringBits()
    )
    /// What `render` wrote for them.
    private var fragment = FragmentBytes()

    /// Appends what `render` appends for `mail`'s sender fields to `buffer`:
    /// the remembered bytes when the fields are the remembered strings, else
    /// `render`'s output, which is then remembered.
    @inline(__always)
    mutating func append(
        _ mail: MailObject, to buffer: inout OutputBuffer, render: (MailObject, inout OutputBuffer) -> Void
    ) {
        let storage = mail.storage
        let current = (
            source: StringBits(of: &storage.source), sourceArn: StringBits(of: &storage.sourceArn),
            sendingAccountId: StringBits(of: &storage.sendingAccountId)
        )
        if strings != nil && current == bits {
            fragment.append(to: &buffer)
            return
        }
        let start = buffer.count
        render(mail, &buffer)
        strings = (storage.source, storage.sourceArn, storage.sendingAccountId)
        bits = current
        fragment.remember(buffer, from: start)
    }

    /// Appends the bytes of the last ``append(_:to:render:)`` escaped as a
    /// JSON string's body: escaped once, on first use, and then copied.
    @inline(__always)
    mutating func appendEscapedFragment(to buffer: inout OutputBuffer) {
        fragment.appendEscaped(to: &buffer)
    }
}
