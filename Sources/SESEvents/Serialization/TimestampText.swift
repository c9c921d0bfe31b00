import SimCore

/// Writes instants as SES prints them — ISO 8601 UTC with milliseconds,
/// `2026-03-01T09:00:00.000Z` — or to the second for EventBridge
/// (`2026-03-01T09:00:00Z`), straight into an ``OutputBuffer``.
///
/// The same text as ``SimCalendar/timestamp(_:)`` (a test checks it), in one
/// write instead of one append per digit.
enum TimestampText {
    static let microsecondsPerDay: Int64 = 86_400_000_000

    /// Appends the text of `unixMicroseconds`; with `milliseconds` false the
    /// fraction is left out.
    static func append(unixMicroseconds: Int64, milliseconds: Bool = true, to buffer: inout OutputBuffer) {
        var days = unixMicroseconds / microsecondsPerDay
        var microsOfDay = unixMicroseconds % microsecondsPerDay
        if microsOfDay < 0 {
            days -= 1
            microsOfDay += microsecondsPerDay
        }
        let date = CivilDate(daysSinceUnixEpoch: days)
        guard (0...9999).contains(date.year) else {
            // Out of four-digit range: let the calendar print it.
            var bytes: [UInt8] = []
            SimCalendar.appendTimestamp(unixMicroseconds: unixMicroseconds, to: &bytes)
            if !milliseconds { bytes.removeSubrange((bytes.count - 5)..<(bytes.count - 1)) }
            bytes.withUnsafeBytes { buffer.append(bytes: $0) }
            return
        }
        // Unsigned 32-bit arithmetic: a day has fewer than 2³² milliseconds,
        // and dividing by a constant is then a multiply and a shift.
        let millisOfDay = UInt32(truncatingIfNeeded: microsOfDay / 1_000)
        let secondsOfDay = millisOfDay / 1_000
        let millis = millisOfDay &- secondsOfDay &* 1_000
        let hours = secondsOfDay / 3_600
        let secondsOfHour = secondsOfDay &- hours &* 3_600
        let minutes = secondsOfHour / 60
        let seconds = secondsOfHour &- minutes &* 60
        let year = UInt32(truncatingIfNeeded: date.year)
        let century = year / 100
        let length = milliseconds ? 24 : 20
        let target = UnsafeMutableRawPointer(buffer.reserve(length))
        storeTwoDigits(century, at: 0, of: target)
        storeTwoDigits(year &- century &* 100, at: 2, of: target)
        target.storeBytes(of: UInt8(ascii: "-"), toByteOffset: 4, as: UInt8.self)
        storeTwoDigits(UInt32(truncatingIfNeeded: date.month), at: 5, of: target)
        target.storeBytes(of: UInt8(ascii: "-"), toByteOffset: 7, as: UInt8.self)
        storeTwoDigits(UInt32(truncatingIfNeeded: date.day), at: 8, of: target)
        target.storeBytes(of: UInt8(ascii: "T"), toByteOffset: 10, as: UInt8.self)
        storeTwoDigits(hours, at: 11, of: target)
        target.storeBytes(of: UInt8(ascii: ":"), toByteOffset: 13, as: UInt8.self)
        storeTwoDigits(minutes, at: 14, of: target)
        target.storeBytes(of: UInt8(ascii: ":"), toByteOffset: 16, as: UInt8.self)
        storeTwoDigits(seconds, at: 17, of: target)
        if milliseconds {
            let tenths = millis / 100
            target.storeBytes(of: UInt8(ascii: "."), toByteOffset: 19, as: UInt8.self)
            target.storeBytes(of: UInt8(truncatingIfNeeded: tenths) &+ 0x30, toByteOffset: 20, as: UInt8.self)
            storeTwoDigits(millis &- tenths &* 100, at: 21, of: target)
            target.storeBytes(of: UInt8(ascii: "Z"), toByteOffset: 23, as: UInt8.self)
        } else {
            target.storeBytes(of: UInt8(ascii: "Z"), toByteOffset: 19, as: UInt8.self)
        }
        buffer.commit(length)
    }

    /// Stores `value` (0…99) as two decimal digits at `target + offset`.
    @inline(__always)
    static func storeTwoDigits(_ value: UInt32, at offset: Int, of target: UnsafeMutableRawPointer) {
        let tens = (value &* 103) &>> 10  // value / 10 for value < 179
        let ones = value &- tens &* 10
        let digits = UInt16(truncatingIfNeeded: tens &+ 0x30) | UInt16(truncatingIfNeeded: ones &+ 0x30) &<< 8
        target.storeBytes(of: digits.littleEndian, toByteOffset: offset, as: UInt16.self)
    }
}
