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
        let millisOfDay = Int(microsOfDay / 1_000)
        let length = milliseconds ? 24 : 20
        let target = buffer.reserve(length)
        writeDigits(date.year, count: 4, to: target)
        target[4] = UInt8(ascii: "-")
        writeDigits(date.month, count: 2, to: target + 5)
        target[7] = UInt8(ascii: "-")
        writeDigits(date.day, count: 2, to: target + 8)
        target[10] = UInt8(ascii: "T")
        writeDigits(millisOfDay / 3_600_000, count: 2, to: target + 11)
        target[13] = UInt8(ascii: ":")
        writeDigits(millisOfDay / 60_000 % 60, count: 2, to: target + 14)
        target[16] = UInt8(ascii: ":")
        writeDigits(millisOfDay / 1_000 % 60, count: 2, to: target + 17)
        if milliseconds {
            target[19] = UInt8(ascii: ".")
            writeDigits(millisOfDay % 1_000, count: 3, to: target + 20)
            target[23] = UInt8(ascii: "Z")
        } else {
            target[19] = UInt8(ascii: "Z")
        }
        buffer.commit(length)
    }

    @inline(__always)
    static func writeDigits(_ value: Int, count: Int, to target: UnsafeMutablePointer<UInt8>) {
        var remaining = value
        var position = count
        while position > 0 {
            position -= 1
            target[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
    }
}
