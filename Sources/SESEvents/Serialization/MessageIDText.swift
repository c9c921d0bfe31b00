extension MessageID {
    /// Appends the text form (lower-case hex) to `buffer` in one write.
    func append(to buffer: inout OutputBuffer) {
        writeText(to: buffer.reserve(Self.textLength))
        buffer.commit(Self.textLength)
    }

    /// Writes the text form's ``textLength`` bytes at `target`.
    @inline(__always)
    func writeText(to target: UnsafeMutablePointer<UInt8>) {
        Self.writeHex(prefix, digits: 16, to: target)
        target[16] = UInt8(ascii: "-")
        Self.writeUUID(
            high: UInt64(truncatingIfNeeded: uuid >> 64), low: UInt64(truncatingIfNeeded: uuid),
            to: target + 17)
        target[53] = UInt8(ascii: "-")
        (target + 54).initialize(repeating: UInt8(ascii: "0"), count: 6)
    }

    /// Writes 128 bits as the 36 characters of a UUID
    /// (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`) at `target`.
    @inline(__always)
    static func writeUUID(high: UInt64, low: UInt64, to target: UnsafeMutablePointer<UInt8>) {
        writeHex(high >> 32, digits: 8, to: target)
        target[8] = UInt8(ascii: "-")
        writeHex(high >> 16 & 0xFFFF, digits: 4, to: target + 9)
        target[13] = UInt8(ascii: "-")
        writeHex(high & 0xFFFF, digits: 4, to: target + 14)
        target[18] = UInt8(ascii: "-")
        writeHex(low >> 48, digits: 4, to: target + 19)
        target[23] = UInt8(ascii: "-")
        writeHex(low & 0xFFFF_FFFF_FFFF, digits: 12, to: target + 24)
    }

    /// Writes the low `digits` hex digits of `value` (lower case, most
    /// significant first) at `target`, eight digits at a time.
    @inline(__always)
    static func writeHex(_ value: UInt64, digits: Int, to target: UnsafeMutablePointer<UInt8>) {
        var remaining = value
        var position = digits
        while position >= 8 {
            position &-= 8
            UnsafeMutableRawPointer(target + position).storeBytes(
                of: hexWord(UInt32(truncatingIfNeeded: remaining)), as: UInt64.self)
            remaining >>= 32
        }
        if position > 0 {
            let word = hexWord(UInt32(truncatingIfNeeded: remaining))
            withUnsafeBytes(of: word) { text in
                UnsafeMutableRawPointer(target).copyMemory(
                    from: text.baseAddress! + (8 &- position), byteCount: position)
            }
        }
    }

    /// The eight lower-case hex digits of `value`, most significant first,
    /// as the bytes of a word in memory order (little-endian): each nibble
    /// is spread into its own byte, then turned into its digit's ASCII code
    /// in all eight bytes at once.
    @inline(__always)
    static func hexWord(_ value: UInt32) -> UInt64 {
        var nibbles = UInt64(value)
        nibbles = (nibbles | nibbles << 16) & 0x0000_FFFF_0000_FFFF
        nibbles = (nibbles | nibbles << 8) & 0x00FF_00FF_00FF_00FF
        nibbles = (nibbles | nibbles << 4) & 0x0F0F_0F0F_0F0F_0F0F
        // Byte k now holds nibble k, least significant first; 1 where it is 10 or more.
        let letters = ((nibbles &+ 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101
        let text = nibbles &+ 0x3030_3030_3030_3030 &+ letters &* (UInt64(UInt8(ascii: "a")) - 0x3A)
        return UInt64(littleEndian: text.byteSwapped)
    }
}
