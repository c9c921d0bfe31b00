/// The random streams of one run, all derived from its seed.
///
/// A stream is named (`"arrivals"`, `"message-ids"`) and optionally keyed
/// (a client index, an audience hash). Its generator depends only on the
/// seed, the name and the key — never on how many other streams exist or in
/// what order they were made — so adding a campaign to a scenario does not
/// shift the numbers any other part of it sees.
public struct RandomStreams: Hashable, Sendable {
    /// The run's seed.
    public let seed: UInt64

    /// The streams of the run seeded with `seed`.
    public init(seed: UInt64) {
        self.seed = seed
    }

    /// A stable 64-bit identity for the stream `name` with `key`.
    @inlinable
    public func streamKey(_ name: String, key: UInt64 = 0) -> UInt64 {
        StableHash.combine(StableHash.combine(seed, StableHash.hash(name)), key)
    }

    /// A sequential generator for the stream `name` with `key`.
    @inlinable
    public func generator(_ name: String, key: UInt64 = 0) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: streamKey(name, key: key))
    }

    /// A keyed (counter-based) stream: random access to draws by key and index.
    @inlinable
    public func keyed(_ name: String) -> KeyedRandomStream {
        KeyedRandomStream(streamKey: streamKey(name))
    }
}
