/// The opaque part of pixel and redirect URLs: 27 URL-safe base64 characters derived
/// from (seed, message ID, link ordinal, URL) with FNV-1a and SplitMix64 mixing, so
/// it is stable across runs and machines and unique per (message, link).
enum TrackingSignature {
    private static let alphabet = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func hash(_ seed: UInt64, _ parts: [String], ordinal: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ mix(seed)
        for part in parts {
            for byte in part.utf8 {
                h ^= UInt64(byte)
                h = h &* 0x0000_0100_0000_01B3
            }
            h ^= 0xFF
            h = h &* 0x0000_0100_0000_01B3
        }
        return mix(h ^ UInt64(bitPattern: Int64(ordinal)))
    }

    /// 27 characters (162 bits drawn from three mixed words).
    static func make(seed: UInt64, messageID: String, ordinal: Int, url: String) -> String {
        var state = hash(seed, [messageID, url], ordinal: ordinal)
        var characters: [UInt8] = []
        characters.reserveCapacity(27)
        var word = mix(state)
        var bitsLeft = 64
        while characters.count < 27 {
            if bitsLeft < 6 {
                state = mix(state)
                word = state
                bitsLeft = 64
            }
            characters.append(alphabet[Int(word & 63)])
            word >>= 6
            bitsLeft -= 6
        }
        return String(decoding: characters, as: UTF8.self)
    }
}
