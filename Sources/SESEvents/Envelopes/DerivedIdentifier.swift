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
    public static func appendUUID(_ bits: UInt128, to buffer: inout OutputBuffer) {
        var high = UInt64(truncatingIfNeeded: bits >> 64)
        var low = UInt64(truncatingIfNeeded: bits)
        high = (high & ~0xF000) | 0x4000
        low = (low & ~(0xC000 << 48)) | (0x8000 << 48)
        MessageID.writeUUID(high: high, low: low, to: buffer.reserve(36))
        buffer.commit(36)
    }

    /// `bits` as UUID text.
    public static func uuidText(_ bits: UInt128) -> String {
        var buffer = OutputBuffer(capacity: 36)
        appendUUID(bits, to: &buffer)
        return buffer.text
    }

    static let base64Alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Every 12-bit value as its two base64 characters (first in the low
    /// byte), so that a signature is written two characters per lookup.
    static let base64Pairs: [UInt16] = (0..<4096).map { value in
        UInt16(base64Alphabet[value >> 6]) | UInt16(base64Alphabet[value & 63]) << 8
    }

    /// Appends a stand-in with the length and alphabet of a real SNS
    /// signature: the base64 text (344 characters, ending `==`) of 256 bytes
    /// drawn from a SplitMix64 stream seeded with `seed` — each of 34 draws
    /// gives ten characters (its low 60 bits, high bits first), then the last
    /// byte is the low 8 bits of the next draw.
    public static func appendSignaturePlaceholder(seed: UInt64, to buffer: inout OutputBuffer) {
        var generator = SplitMix64(seed: seed)
        let target = UnsafeMutableRawPointer(buffer.reserve(344))
        base64Pairs.withUnsafeBufferPointer { pairs in
            for draw in 0..<34 {
                let bits = generator.next()
                let at = target + draw &* 10
                for pair in 0..<5 {
                    let value = Int(truncatingIfNeeded: bits >> UInt64(48 &- pair &* 12)) & 0xFFF
                    at.storeBytes(of: pairs[value].littleEndian, toByteOffset: pair &* 2, as: UInt16.self)
                }
            }
        }
        base64Alphabet.withUnsafeBufferPointer { alphabet in
            let last = generator.next() & 0xFF
            let at = target.assumingMemoryBound(to: UInt8.self) + 340
            at[0] = alphabet[Int(last >> 2)]
            at[1] = alphabet[Int(last << 4 & 63)]
            at[2] = UInt8(ascii: "=")
            at[3] = UInt8(ascii: "=")
        }
        buffer.commit(344)
    }
}
