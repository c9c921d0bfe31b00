/// What a publisher's record serialisation remembers between events: the
/// bytes of parts of the `mail` object that many messages share, so that
/// they are copied rather than written again — and, for the record last
/// written, where those parts lie in it, so that escaping the record (for an
/// SNS `Message`) copies their escaped bytes too.
///
/// Passed to ``EventRecordSerializer/append(_:to:cache:)``; the output is
/// the same bytes as without a cache.
struct RecordSerializationCache {
    /// The `tags` members (`{"name":["value"],…`, still open) by tags array.
    var tags = TagsFragmentCache()
    /// `,"source":…,"sourceArn":…,"sendingAccountId":…` for the last sender.
    var sender = SenderFieldsCache()

    /// Which cache a part of a record was copied from.
    enum PartSource {
        /// The ``sender`` fields.
        case sender
        /// The ``tags`` entry that holds the part.
        case tags(entry: Int)
    }

    /// A part of the last record copied from a cache: bytes `start..<end`
    /// from the record's first, and the cache that holds its escaped form.
    struct CachedPart {
        var start: Int
        var end: Int
        var source: PartSource
    }

    /// The cached parts of the last record, in order.
    private var parts: [CachedPart] = []
    /// Where the last record starts in the buffer it was written to.
    private var recordStart = 0

    /// Starts a record at `offset` of its buffer: forgets the last one's parts.
    mutating func beginRecord(at offset: Int) {
        parts.removeAll(keepingCapacity: true)
        recordStart = offset
    }

    /// Notes that the record's bytes `start..<end` of its buffer were
    /// copied from `source`.
    mutating func noteCachedPart(start: Int, end: Int, source: PartSource) {
        parts.append(CachedPart(start: start - recordStart, end: end - recordStart, source: source))
    }

    /// Appends `record` — the bytes of the last record written with this
    /// cache — escaped as a JSON string's body: the cached parts copied from
    /// their escaped forms, the rest escaped. Escaping works byte by byte, so
    /// the result is `record` escaped in one piece.
    mutating func appendEscaped(record: UnsafeRawBufferPointer, to buffer: inout OutputBuffer) {
        var position = 0
        // By index: iterating `parts` itself would retain it.
        for index in parts.indices {
            let part = parts[index]
            JSONBytes.appendEscaped(
                bytes: UnsafeRawBufferPointer(rebasing: record[position..<part.start]), to: &buffer)
            switch part.source {
            case .sender: sender.appendEscapedFragment(to: &buffer)
            case .tags(let entry): tags.appendEscapedFragment(of: entry, to: &buffer)
            }
            position = part.end
        }
        JSONBytes.appendEscaped(bytes: UnsafeRawBufferPointer(rebasing: record[position...]), to: &buffer)
    }
}
