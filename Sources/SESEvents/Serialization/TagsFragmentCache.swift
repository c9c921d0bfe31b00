/// Remembers, for recently seen message-tag arrays, the bytes a serialiser
/// wrote for them, so that the fan-out path does not group, escape and
/// encode the same tags again for every event.
///
/// Senders usually share one tags array between all the messages of a
/// traffic client (its message tags and auto-tags do not change per
/// message), so the same array comes back event after event. An array is
/// recognised by its storage's identity, as in ``TagValueCache``: each
/// entry keeps its array alive, so the address cannot be reused by another
/// array while the entry exists, and a kept array cannot change (a write to
/// a shared array copies it first). A hit therefore appends exactly the
/// bytes that rendering the tags again would: the cache changes speed, never
/// output.
///
/// A cache serves one rendering (the record's `tags` object, the digest's
/// canonical tag list): its owner always passes the same `render`.
struct TagsFragmentCache {
    /// A power of two. An array may sit in any of the
    /// ``TagValueCache/probeCount`` entries from its home entry (the first
    /// empty one when it is stored, else the home entry).
    static let entryCount = TagValueCache.entriesPerSet

    /// The arrays, by entry (empty for an unused entry, whose address is 0).
    private var arrays: [[NameValue]]
    private var addresses: [UInt]
    /// The bytes rendered for each entry's array.
    private var fragments: [FragmentBytes]

    init() {
        arrays = Array(repeating: [], count: Self.entryCount)
        addresses = Array(repeating: 0, count: Self.entryCount)
        fragments = Array(repeating: FragmentBytes(), count: Self.entryCount)
    }

    /// Appends what `render` appends for `mail`'s tags to `buffer`: the
    /// remembered bytes when its tags array is cached, else `render`'s
    /// output, which is then remembered for the array. Returns the entry that
    /// holds them. A hit reads only the array's identity, which `mail` keeps
    /// beside its box: no reference counting.
    @inline(__always) @discardableResult
    mutating func append(
        tagsOf mail: MailObject, to buffer: inout OutputBuffer,
        render: ([NameValue], inout OutputBuffer) -> Void
    ) -> Int {
        let address = mail.tagsIdentity
        let place = TagValueCache.place(of: address, from: 0) { addresses[$0] }
        let entry = place.entry
        if place.found {
            fragments[entry].append(to: &buffer)
            return entry
        }
        let tags = mail.tags
        let start = buffer.count
        render(tags, &buffer)
        arrays[entry] = tags
        addresses[entry] = address
        fragments[entry].remember(buffer, from: start)
        return entry
    }

    /// Appends the bytes of `entry` (as ``append(tagsOf:to:render:)``
    /// returned it, with no other array stored since) escaped as a JSON
    /// string's body: escaped once, on first use, and then copied.
    @inline(__always)
    mutating func appendEscapedFragment(of entry: Int, to buffer: inout OutputBuffer) {
        fragments[entry].appendEscaped(to: &buffer)
    }
}
