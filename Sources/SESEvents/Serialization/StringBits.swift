/// The representation of a `String` value — its two words, holding a small
/// string's bytes, or a count, flags and the address of its storage — as a
/// cheap identity for caches.
///
/// Equal bits mean equal bytes only while one of the strings is kept alive
/// (then no other storage can have its address, and shared storage cannot
/// change: a write copies it first); unequal bits say nothing (equal text
/// can live in different storage). Caches that key on it keep the strings.
struct StringBits: Equatable {
    private var first: UInt64 = 0
    private var second: UInt64 = 0

    /// Bits no string has been compared with yet (an empty cache's).
    init() {}

    /// The bits of the string `text` holds, read in place: unlike copying
    /// the string, no reference counting.
    @inline(__always)
    init(of text: inout String) {
        self = withUnsafePointer(to: &text) { UnsafeRawPointer($0).load(as: StringBits.self) }
    }
}
