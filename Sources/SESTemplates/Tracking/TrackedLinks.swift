/// The links tracking rewrote in one message, in order: what Click events report as
/// `link` and `linkTags`.
///
/// A reusable buffer: `TrackingInstrumenter.instrument` refills it, copying each
/// link's URL, tags and redirect into one byte array, so that once it has grown it
/// allocates nothing. Strings are built only when a `TrackedLink`'s properties are read.
public struct TrackedLinks: RandomAccessCollection, Sendable, Equatable {
    /// Where one link's pieces are: ranges of `bytes`, and of `tagRecords` for its tags.
    struct Record: Sendable {
        var url: Range<Int>
        var redirect: Range<Int>
        var tags: Range<Int>
    }

    /// One tag's name and value, as ranges of `bytes`.
    struct TagRecord: Sendable {
        var name: Range<Int>
        var value: Range<Int>
    }

    private(set) var bytes: [UInt8] = []
    private(set) var records: [Record] = []
    private(set) var tagRecords: [TagRecord] = []

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    public subscript(position: Int) -> TrackedLink {
        precondition(records.indices.contains(position), "TrackedLinks index out of range")
        return TrackedLink(links: self, position: position)
    }

    public static func == (lhs: TrackedLinks, rhs: TrackedLinks) -> Bool {
        lhs.elementsEqual(rhs)
    }

    /// Empties the buffer, keeping its capacity.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        records.removeAll(keepingCapacity: true)
        tagRecords.removeAll(keepingCapacity: true)
    }

    /// Adds a link: its URL, its `ses:tags` text if it had one, and its redirect.
    mutating func append(
        url: UnsafeBufferPointer<UInt8>, tags: UnsafeBufferPointer<UInt8>?,
        redirect: UnsafeBufferPointer<UInt8>
    ) {
        let firstTag = tagRecords.count
        if let tags { appendTags(tags) }
        let urlStart = bytes.count
        bytes.append(contentsOf: url)
        let redirectStart = bytes.count
        bytes.append(contentsOf: redirect)
        records.append(
            Record(
                url: urlStart..<redirectStart, redirect: redirectStart..<bytes.count,
                tags: firstTag..<tagRecords.count))
    }

    private mutating func appendTags(_ text: UnsafeBufferPointer<UInt8>) {
        if text.allSatisfy({ $0 < 0x80 }) {
            let base = bytes.count
            bytes.append(contentsOf: text)
            LinkTagParser.forEachPair(in: text) { name, value in
                tagRecords.append(
                    TagRecord(
                        name: (base + name.lowerBound)..<(base + name.upperBound),
                        value: (base + value.lowerBound)..<(base + value.upperBound)))
            }
        } else {
            for tag in LinkTagParser.linkTags(String(decoding: text, as: UTF8.self)) {
                let nameStart = bytes.count
                bytes.append(contentsOf: tag.name.utf8)
                let valueStart = bytes.count
                bytes.append(contentsOf: tag.value.utf8)
                tagRecords.append(TagRecord(name: nameStart..<valueStart, value: valueStart..<bytes.count))
            }
        }
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

/// A link that tracking rewrote, read from its `TrackedLinks`: each property builds
/// its String when read.
public struct TrackedLink: Sendable, Equatable, CustomStringConvertible {
    private let links: TrackedLinks
    private let position: Int

    init(links: TrackedLinks, position: Int) {
        self.links = links
        self.position = position
    }

    /// 1-based position among the message's tracked links.
    public var ordinal: Int { position + 1 }

    /// The original `href`.
    public var url: String { links.string(links.records[position].url) }

    /// The redirect URL that replaced the `href`.
    public var redirect: String { links.string(links.records[position].redirect) }

    /// The link's tags, in the order written.
    public var tags: [LinkTag] {
        links.tagRecords[links.records[position].tags].map { tag in
            LinkTag(name: links.string(tag.name), value: links.string(tag.value))
        }
    }

    public var description: String { "TrackedLink(\(ordinal), \(url), \(tags), \(redirect))" }

    public static func == (lhs: TrackedLink, rhs: TrackedLink) -> Bool {
        lhs.ordinal == rhs.ordinal && lhs.url == rhs.url && lhs.redirect == rhs.redirect
            && lhs.tags == rhs.tags
    }
}
