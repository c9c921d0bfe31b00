/// The escaped forms of the JSON literals (keys, punctuation) a serialiser
/// writes while an ``OutputBuffer`` embeds JSON as a string's body (an SNS
/// notification's `Message`): each literal is escaped the first time it is
/// written and copied from here afterwards, so that embedding a record costs
/// about what writing it does, rather than a second pass over its bytes.
///
/// Literals are recognised by the address of their text, which a
/// `StaticString` keeps for the life of the program; equal text at two
/// addresses just takes two entries. The table grows with the number of
/// distinct literals in the code, not with the data, and changes speed,
/// never output.
///
/// A class: the buffer that embeds refers to it for the duration, and its
/// owner keeps it between records. Used by one thread at a time.
public final class EmbeddedLiteralTable: @unchecked Sendable {
    /// A power of two, well above the number of literals the serialisers use.
    private static let slotCount = 1024

    /// The literal's address, by slot (0 for an empty slot). Raw storage,
    /// allocated once: reading it needs no reference counting or
    /// exclusivity checks.
    private let addresses: UnsafeMutablePointer<UInt>
    /// The escaped text, by slot.
    private let escaped: UnsafeMutablePointer<UnsafeMutableRawBufferPointer>
    @exclusivity(unchecked) private var count = 0

    /// An empty table.
    public init() {
        addresses = .allocate(capacity: Self.slotCount)
        addresses.initialize(repeating: 0, count: Self.slotCount)
        escaped = .allocate(capacity: Self.slotCount)
        escaped.initialize(
            repeating: UnsafeMutableRawBufferPointer(start: nil, count: 0), count: Self.slotCount)
    }

    deinit {
        for slot in 0..<Self.slotCount where addresses[slot] != 0 { escaped[slot].deallocate() }
        addresses.deallocate()
        escaped.deallocate()
    }

    /// Appends `literal` escaped as part of a JSON string's body.
    @usableFromInline
    func appendEscaped(_ literal: StaticString, to buffer: inout OutputBuffer) {
        let address = UInt(bitPattern: literal.utf8Start)
        var slot = Int(truncatingIfNeeded: (UInt64(address) &* 0x9E37_79B9_7F4A_7C15) >> 54)
        while addresses[slot] != 0 {
            if addresses[slot] == address {
                buffer.append(bytes: UnsafeRawBufferPointer(escaped[slot]))
                return
            }
            slot = (slot &+ 1) & (Self.slotCount &- 1)
        }
        insert(literal, address: address, at: slot, appendingTo: &buffer)
    }

    @inline(never)
    private func insert(
        _ literal: StaticString, address: UInt, at slot: Int, appendingTo buffer: inout OutputBuffer
    ) {
        precondition(literal.hasPointerRepresentation, "JSON literals are string literals")
        precondition(count < Self.slotCount / 2, "more distinct JSON literals than the table holds")
        var text = OutputBuffer(capacity: literal.utf8CodeUnitCount * 6 + 16)
        JSONBytes.appendEscapedOnce(
            bytes: UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount),
            to: &text)
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(text.count, 1), alignment: 1)
        text.withUnsafeBytes { copy.copyMemory(from: $0) }
        addresses[slot] = address
        escaped[slot] = UnsafeMutableRawBufferPointer(rebasing: copy[0..<text.count])
        count += 1
        buffer.append(bytes: UnsafeRawBufferPointer(escaped[slot]))
    }
}
