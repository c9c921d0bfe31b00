import Crypto

/// The run's event digest: SHA-256 over the canonical form
/// (``CanonicalEventEncoding``) of every event handed to the publisher, in
/// order. Two runs behave the same exactly when their digests match; CI runs
/// each regression scenario twice and compares them.
///
/// Canonical bytes are gathered in a buffer and hashed in 64 KiB batches, so
/// the per-event cost is the encoding plus SHA-256 over about 200–400 bytes.
public struct EventDigest: ~Copyable {
    private var hasher = SHA256()
    private var pending = OutputBuffer(capacity: batchSize + 4096)
    /// The canonical encoding of recently seen tags arrays.
    private var tagsCache = TagsFragmentCache()
    /// The number of events added.
    public private(set) var eventCount = 0

    static let batchSize = 1 << 16

    public init() {}

    /// Adds `event`, whose message's configuration set is named
    /// `configurationSet` (nil for none).
    public mutating func add(_ event: SESEvent, configurationSet: String?) {
        CanonicalEventEncoding.append(
            event, configurationSet: configurationSet, to: &pending, tagsCache: &tagsCache)
        eventCount += 1
        if pending.count >= Self.batchSize {
            pending.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            pending.removeAll()
        }
    }

    /// The digest of the events added so far, as 64 lower-case hex digits.
    /// Adding more events afterwards continues the same digest.
    public var hexDigest: String {
        var copy = hasher
        pending.withUnsafeBytes { copy.update(bufferPointer: $0) }
        let digest = copy.finalize()
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(JSONBytes.hexDigit(byte >> 4))
            text.append(JSONBytes.hexDigit(byte & 0xF))
        }
        return String(decoding: text, as: UTF8.self)
    }
}
