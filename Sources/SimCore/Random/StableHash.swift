/// A 64-bit hash that is the same in every process, on every machine, in
/// every version: FNV-1a over the UTF-8 bytes, finished with SplitMix64's mixer.
///
/// Used to derive random substreams from names. Swift's `Hasher` is seeded
/// randomly per process and must never be used for this.
public enum StableHash {
    /// The hash of `text`'s UTF-8 bytes.
    @inlinable
    public static func hash(_ text: String) -> UInt64 {
        var state: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            state ^= UInt64(byte)
            state &*= 0x0000_0100_0000_01B3
        }
        return SplitMix64.mix(state)
    }

    /// Combines two 64-bit values into one, order-sensitively.
    @inlinable
    public static func combine(_ first: UInt64, _ second: UInt64) -> UInt64 {
        SplitMix64.mix(first &+ 0x9E37_79B9_7F4A_7C15 &* (second | 1) ^ SplitMix64.mix(second))
    }
}
