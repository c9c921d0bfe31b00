import SimCore

/// Identifiers and placeholder values derived from the run's own data, never
/// from a random generator: the same run writes the same bytes.
///
/// An envelope's ID (an SNS `MessageId`, an EventBridge `id`) is a function of
/// the event's message ID (itself drawn from the run's seeded streams), the
/// event's position in the run (the publisher's sequence number) and the
/// output it goes to, mixed with SplitMix64 and printed as a version 4 UUID.
public enum DerivedIdentifier {
    /// 128 bits derived from `messageId`, `sequence` and `salt`.
    public static func bits(messageId: MessageID, sequence: UInt64, salt: UInt64) -> UInt128 {
        let uuidHigh = UInt64(truncatingIfNeeded: messageId.uuid >> 64)
        let uuidLow = UInt64(truncatingIfNeeded: messageId.uuid)
        var state = StableHash.combine(messageId.prefix, uuidHigh)
        state = StableHash.combine(state, uuidLow)
        state = StableHash.combine(state, sequence)
        state = StableHash.combine(state, salt)
        var generator = SplitMix64(seed: state)
        return UInt128(generator.next()) << 64 | UInt128(generator.next())
    }

    /// Appends `bits` as a lower-case version 4 UUID
    /// (`xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`, `y` one of 8, 9, a, b).
    public static func appendUUID(_ bits: UInt128, to buffer: inout [UInt8]) {
        var high = UInt64(truncatingIfNeeded: bits >> 64)
        var low = UInt64(truncatingIfNeeded: bits)
        high = (high & ~0xF000) | 0x4000
        low = (low & ~(0xC000 << 48)) | (0x8000 << 48)
        MessageID.appendHex(high >> 32, digits: 8, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        MessageID.appendHex(high >> 16 & 0xFFFF, digits: 4, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        MessageID.appendHex(high & 0xFFFF, digits: 4, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        MessageID.appendHex(low >> 48, digits: 4, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        MessageID.appendHex(low & 0xFFFF_FFFF_FFFF, digits: 12, to: &buffer)
    }

    static let base64Alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Appends the base64 text of `byteCount` pseudo-random bytes from a
    /// SplitMix64 stream seeded with `seed`: a stand-in with the length and
    /// alphabet of a real signature (256 bytes → 344 characters).
    public static func appendBase64Placeholder(seed: UInt64, byteCount: Int, to buffer: inout [UInt8]) {
        var generator = SplitMix64(seed: seed)
        var word: UInt64 = 0
        var wordBytesLeft = 0
        func nextByte() -> UInt8 {
            if wordBytesLeft == 0 {
                word = generator.next()
                wordBytesLeft = 8
            }
            let byte = UInt8(truncatingIfNeeded: word)
            word >>= 8
            wordBytesLeft -= 1
            return byte
        }
        var remaining = byteCount
        while remaining > 0 {
            let take = min(3, remaining)
            var group: UInt32 = 0
            for index in 0..<3 { group = group << 8 | (index < take ? UInt32(nextByte()) : 0) }
            buffer.append(base64Alphabet[Int(group >> 18 & 63)])
            buffer.append(base64Alphabet[Int(group >> 12 & 63)])
            buffer.append(take > 1 ? base64Alphabet[Int(group >> 6 & 63)] : UInt8(ascii: "="))
            buffer.append(take > 2 ? base64Alphabet[Int(group & 63)] : UInt8(ascii: "="))
            remaining -= take
        }
    }
}
