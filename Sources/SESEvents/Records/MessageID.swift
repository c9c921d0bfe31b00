/// An SES message or feedback identifier: 16 hexadecimal digits, a UUID and
/// `-000000`, e.g. `0102015fd91a5ca3-93c245fe-e333-46ae-8fed-96160d20cfab-000000`.
///
/// Stored as numbers and formatted on demand, so that a message in flight
/// holds 24 bytes rather than a 60-character string. Values come from the
/// run's seeded random streams: the same run gives the same identifiers.
@frozen
public struct MessageID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The leading 16 hex digits. SES's own are a timestamp-like prefix.
    public var prefix: UInt64
    /// The 128 bits printed as the UUID part.
    public var uuid: UInt128

    @inlinable
    public init(prefix: UInt64, uuid: UInt128) {
        self.prefix = prefix
        self.uuid = uuid
    }

    /// The number of characters in the text form.
    public static let textLength = 16 + 1 + 36 + 7

    /// Appends the text form (lower-case hex) to `buffer`.
    @inlinable
    public func append(to buffer: inout [UInt8]) {
        Self.appendHex(prefix, digits: 16, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        let high = UInt64(truncatingIfNeeded: uuid >> 64)
        let low = UInt64(truncatingIfNeeded: uuid)
        Self.appendHex(high >> 32, digits: 8, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        Self.appendHex(high >> 16 & 0xFFFF, digits: 4, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        Self.appendHex(high & 0xFFFF, digits: 4, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        Self.appendHex(low >> 48, digits: 4, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        Self.appendHex(low & 0xFFFF_FFFF_FFFF, digits: 12, to: &buffer)
        for byte in "-000000".utf8 { buffer.append(byte) }
    }

    @inlinable
    static func appendHex(_ value: UInt64, digits: Int, to buffer: inout [UInt8]) {
        var shift = (digits - 1) * 4
        while shift >= 0 {
            let nibble = UInt8(truncatingIfNeeded: value >> UInt64(shift)) & 0xF
            buffer.append(nibble < 10 ? 48 + nibble : 87 + nibble)
            shift -= 4
        }
    }

    /// The text form.
    public var description: String {
        String(unsafeUninitializedCapacity: Self.textLength) { text in
            writeText(to: text.baseAddress!)
            return Self.textLength
        }
    }

    public static func < (lhs: MessageID, rhs: MessageID) -> Bool {
        (lhs.prefix, lhs.uuid) < (rhs.prefix, rhs.uuid)
    }
}
