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

    /// Appends a stand-in with the length and alphabet of a real SNS
    /// signature: the base64 text (344 characters, ending `==`) of 256 bytes
    /// drawn from a SplitMix64 stream seeded with `seed` — each of the first
    /// 85 three-byte groups is the low 24 bits of one draw, the last byte the
    /// low 8 bits of the next.
    public static func appendSignaturePlaceholder(seed: UInt64, to buffer: inout OutputBuffer) {
        var generator = SplitMix64(seed: seed)
        let target = buffer.reserve(344)
        base64Alphabet.withUnsafeBufferPointer { alphabet in
            for group in 0..<85 {
                let bits = generator.next()
                let at = target + group * 4
                at[0] = alphabet[Int(bits >> 18 & 63)]
                at[1] = alphabet[Int(bits >> 12 & 63)]
                at[2] = alphabet[Int(bits >> 6 & 63)]
                at[3] = alphabet[Int(bits & 63)]
            }
            let last = generator.next() & 0xFF
            let at = target + 340
            at[0] = alphabet[Int(last >> 2)]
            at[1] = alphabet[Int(last << 4 & 63)]
            at[2] = UInt8(ascii: "=")
            at[3] = UInt8(ascii: "=")
        }
        buffer.commit(344)
    }
}
