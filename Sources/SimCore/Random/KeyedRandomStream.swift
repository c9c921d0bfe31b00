/// Counter-based randomness: draw `n` for key `k` is a pure function of the
/// stream, `k` and `n`.
///
/// The same `(seed, stream, key, n)` always gives the same number, whatever
/// else was drawn before, in whatever order. This is what lets a recipient
/// behave identically in two variants of a scenario (common random numbers):
/// their outcomes are keyed by the recipient, not by the order of events.
@frozen
public struct KeyedRandomStream: Hashable, Sendable {
    /// The stream's identity, from ``RandomStreams/keyed(_:)``.
    public let streamKey: UInt64

    /// A keyed stream with identity `streamKey`.
    @inlinable
    public init(streamKey: UInt64) {
        self.streamKey = streamKey
    }

    /// The 64 random bits of draw `index` for `key`.
    @inlinable
    public func bits(key: UInt64, index: UInt64) -> UInt64 {
        SplitMix64.mix(SplitMix64.mix(streamKey ^ SplitMix64.mix(key)) &+ index &* 0x9E37_79B9_7F4A_7C15)
    }

    /// Draw `index` for `key` as a uniform double in [0, 1).
    @inlinable
    public func uniform(key: UInt64, index: UInt64) -> Double {
        Double(bits(key: key, index: index) >> 11) * 0x1.0p-53
    }

    /// The draws for `key` as a generator: its n-th output is
    /// `bits(key: key, index: n)`, so every sampler can use keyed draws.
    @inlinable
    public func draws(for key: UInt64) -> KeyedDrawGenerator {
        KeyedDrawGenerator(stream: self, key: key)
    }
}

/// The draws of one key of a ``KeyedRandomStream``, in order, as a generator.
@frozen
public struct KeyedDrawGenerator: RandomNumberGenerator, Sendable {
    /// The stream drawn from.
    public let stream: KeyedRandomStream
    /// The key whose draws these are.
    public let key: UInt64
    /// The index of the next draw.
    public var index: UInt64 = 0

    @inlinable
    public init(stream: KeyedRandomStream, key: UInt64, index: UInt64 = 0) {
        self.stream = stream
        self.key = key
        self.index = index
    }

    @inlinable
    public mutating func next() -> UInt64 {
        defer { index &+= 1 }
        return stream.bits(key: key, index: index)
    }
}
