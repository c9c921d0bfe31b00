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

    /// The characters of a signature placeholder: four segments from
    /// ``signatureSegments`` then the last byte's two characters and `==`.
    static let signatureSegmentLength = 85

    /// The distance between segments in ``signatureSegments``: a segment is
    /// copied as 88 bytes (eleven words), the three past its end overwritten
    /// by what follows it.
    static let signatureSegmentStride = 88

    /// 256 segments of 85 base64 characters, drawn once from a SplitMix64
    /// stream with a fixed seed: the same table in every run.
    static let signatureSegments: [UInt8] = {
        var generator = SplitMix64(seed: 0x5349_474E_4154_5552)  // "SIGNATUR"
        var table = [UInt8](repeating: 0, count: 256 * signatureSegmentStride)
        for segment in 0..<256 {
            for index in 0..<signatureSegmentLength {
                table[segment * signatureSegmentStride + index] = base64Alphabet[Int(generator.next() & 63)]
            }
        }
        return table
    }()

    /// Appends a stand-in with the length and alphabet of a real SNS
    /// signature: 344 characters of base64 text, ending `==`, that decode to
    /// 256 bytes. One SplitMix64 draw seeded with `seed` picks four segments
    /// of 85 characters from ``signatureSegments`` (one byte each, high byte
    /// first) and the last byte (the draw's fifth byte), so that 2⁴⁰
    /// different signatures are written for the cost of four copies.
    public static func appendSignaturePlaceholder(seed: UInt64, to buffer: inout OutputBuffer) {
        var generator = SplitMix64(seed: seed)
        let draw = generator.next()
        let target = UnsafeMutableRawPointer(
            buffer.reserve(signatureSegmentLength * 4 + signatureSegmentStride))
        signatureSegments.withUnsafeBytes { segments in
            for part in 0..<4 {
                let segment = Int(truncatingIfNeeded: draw >> UInt64(56 - part * 8)) & 0xFF
                (target + part * signatureSegmentLength).copyMemory(
                    from: segments.baseAddress! + segment * signatureSegmentStride,
                    byteCount: signatureSegmentStride)
            }
        }
        base64Alphabet.withUnsafeBufferPointer { alphabet in
            let last = Int(truncatingIfNeeded: draw >> 24) & 0xFF
            let at = target.assumingMemoryBound(to: UInt8.self) + signatureSegmentLength * 4
            at[0] = alphabet[last >> 2]
            at[1] = alphabet[last << 4 & 63]
            at[2] = UInt8(ascii: "=")
            at[3] = UInt8(ascii: "=")
        }
        buffer.commit(signatureSegmentLength * 4 + 4)
    }
}
