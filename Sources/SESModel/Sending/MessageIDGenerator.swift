import SESEvents
import SimCore

/// Makes SES-shaped message IDs from the run's seed.
///
/// Real IDs look like `0102015fd91a5ca3-93c245fe-e333-46ae-8fed-96160d20cfab-000000`:
/// the first four hex digits vary by Region (`0100` us-east-1, `0101`
/// us-west-2, `0102` eu-west-1 in observed IDs), the next twelve are the
/// acceptance time in milliseconds since 1970 (`015fd91a5ca3` is
/// 2017-11-20T11:05:04Z, the example's `mail.timestamp`), then a random UUID.
/// The UUID here is a version-4 UUID from a keyed draw on the message's
/// serial number, so IDs are reproducible and independent of other draws.
public struct MessageIDGenerator: Hashable, Sendable {
    private let stream: KeyedRandomStream
    private let regionPrefix: UInt64

    /// A generator for `region` drawing from `stream`.
    public init(region: String, stream: KeyedRandomStream) {
        self.stream = stream
        self.regionPrefix = Self.regionPrefix(region)
    }

    /// The ID of message `serial`, accepted `unixMilliseconds` after 1970.
    public func messageID(serial: UInt64, unixMilliseconds: Int64) -> MessageID {
        let high = stream.bits(key: serial, index: 0)
        let low = stream.bits(key: serial, index: 1)
        // Version 4 (random) and the RFC 4122 variant.
        let versioned = (high & ~0xF000) | 0x4000
        let varianted = (low & ~(0xC000 << 48)) | (0x8000 << 48)
        let prefix = regionPrefix << 48 | (UInt64(bitPattern: unixMilliseconds) & 0xFFFF_FFFF_FFFF)
        return MessageID(prefix: prefix, uuid: UInt128(versioned) << 64 | UInt128(varianted))
    }

    /// The observed Region prefixes; other Regions use `0100` (undocumented).
    static func regionPrefix(_ region: String) -> UInt64 {
        switch region {
        case "us-west-2": 0x0101
        case "eu-west-1": 0x0102
        default: 0x0100
        }
    }
}
