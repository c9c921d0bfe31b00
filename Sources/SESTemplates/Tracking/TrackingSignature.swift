/// The opaque part of pixel and redirect URLs: 27 URL-safe base64 characters derived
/// from (seed, message ID, link ordinal, URL) with FNV-1a and SplitMix64 mixing, so
/// it is stable across runs and machines and unique per (message, link).
///
/// FNV-1a folds the message ID and then the URL, each followed by a 0xFF separator.
/// The state after the message ID is the same for all of a message's links, so it is
/// computed once per message (`messageState`) and each link folds only its URL.
enum TrackingSignature {
    /// Characters per signature.
    static let length = 27

    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// SplitMix64's finaliser.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The FNV-1a state after the seed and the message ID (with its separator).
    static func messageState(seed: UInt64, messageID: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ mix(seed)
        for byte in messageID {
            h ^= UInt64(byte)
            h = h &* prime
        }
        return (h ^ 0xFF) &* prime
    }

    /// The hash of one link, or of the open pixel (an empty URL and ordinal 0).
    @inline(__always)
    static func hash(messageState: UInt64, url: UnsafeBufferPointer<UInt8>, ordinal: Int) -> UInt64 {
        var h = messageState
        for byte in url {
            h ^= UInt64(byte)
            h = h &* prime
        }
        h = (h ^ 0xFF) &* prime
        return mix(h ^ UInt64(bitPattern: Int64(ordinal)))
    }

    /// Writes the 27 characters of `hash` at `target`: 6 bits at a time from mixed
    /// words. (The second word repeats the first, so characters 11–20 repeat 1–10;
    /// kept as it is, since changing it would change every signature.)
    @inline(__always)
    static func write(_ hash: UInt64, to target: UnsafeMutablePointer<UInt8>) {
        let alphabet: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        let characters = alphabet.utf8Start
        var state = hash
        var word = mix(state)
        var bitsLeft = 64
        for index in 0..<length {
            if bitsLeft < 6 {
                state = mix(state)
                word = state
                bitsLeft = 64
            }
            target[index] = characters[Int(word & 63)]
            word >>= 6
            bitsLeft -= 6
        }
    }
}
