/// A growable byte buffer that serialisers append to: each append is a
/// capacity check and a copy, with none of `Array`'s per-call overhead (no
/// copy-on-write uniqueness check, no bridging, no reference counting).
///
/// The publisher keeps one per kind of line and reuses it for every event,
/// so steady-state serialisation allocates nothing. It cannot be copied
/// (`~Copyable`): it owns its memory, which it frees when it goes away; use
/// ``bytes`` for a copy of the contents.
public struct OutputBuffer: ~Copyable, @unchecked Sendable {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var length: Int

    /// An empty buffer with room for `capacity` bytes.
    public init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
        length = 0
    }

    deinit { base.deallocate() }

    /// The number of bytes written.
    @inlinable
    public var count: Int { length }

    /// Whether no byte has been written.
    @inlinable
    public var isEmpty: Bool { length == 0 }

    /// Room for `extra` more bytes, returning where they go. The caller must
    /// then write them and call ``commit(_:)``.
    @inlinable @inline(__always)
    mutating func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        if _slowPath(length + extra > capacity) { grow(minimumCapacity: length + extra) }
        return base + length
    }

    /// Counts `written` bytes written after a ``reserve(_:)``.
    @inlinable @inline(__always)
    mutating func commit(_ written: Int) { length += written }

    @usableFromInline
    mutating func grow(minimumCapacity: Int) {
        var newCapacity = capacity
        while newCapacity < minimumCapacity { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: length)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Appends one byte.
    @inlinable @inline(__always)
    public mutating func append(_ byte: UInt8) {
        reserve(1).pointee = byte
        length += 1
    }

    /// Appends `bytes`.
    @inlinable @inline(__always)
    public mutating func append(bytes: UnsafeRawBufferPointer) {
        let byteCount = bytes.count
        guard byteCount > 0 else { return }
        UnsafeMutableRawPointer(reserve(byteCount)).copyMemory(from: bytes.baseAddress!, byteCount: byteCount)
        length += byteCount
    }

    /// Appends `bytes`.
    @inlinable @inline(__always)
    public mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        append(bytes: UnsafeRawBufferPointer(bytes))
    }

    /// Appends `bytes`.
    @inlinable
    public mutating func append(contentsOf bytes: [UInt8]) {
        bytes.withUnsafeBytes { append(bytes: $0) }
    }

    /// Appends a literal's UTF-8 bytes.
    @inlinable @inline(__always)
    public mutating func append(_ literal: StaticString) {
        append(bytes: UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Forgets the contents, keeping the storage.
    @inlinable
    public mutating func removeAll() { length = 0 }

    /// Drops the last `n` bytes.
    @inlinable
    public mutating func removeLast(_ n: Int) {
        precondition(n >= 0 && n <= length, "removing more bytes than the buffer holds")
        length -= n
    }

    /// Calls `body` with the bytes written; the pointer is valid only during the call.
    @inlinable
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result
    {
        try body(UnsafeRawBufferPointer(start: base, count: length))
    }

    /// The bytes written, copied into an array.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// The bytes written, as UTF-8 text.
    public var text: String { withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }
}
