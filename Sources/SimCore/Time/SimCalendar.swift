/// Ties a run's virtual clock to the calendar: the scenario's `start` as a
/// UTC instant, and the conversions between ``SimTime`` and the text users and
/// SES records use.
///
/// Output timestamps are ISO 8601 UTC with milliseconds, the shape SES puts in
/// its event records (`2026-03-01T09:00:00.000Z`). Days are UTC days: day 1 of
/// a run is the UTC date of its start, which is also where daily quotas such as
/// dedicated-IP warm-up caps reset.
public struct SimCalendar: Hashable, Sendable {
    /// The scenario's start, in microseconds since 1970-01-01T00:00:00Z.
    public let startUnixMicroseconds: Int64

    /// A calendar whose start is `startUnixMicroseconds` after the Unix epoch.
    public init(startUnixMicroseconds: Int64) {
        self.startUnixMicroseconds = startUnixMicroseconds
    }

    /// A calendar starting at the ISO 8601 timestamp `start`
    /// (e.g. `2026-03-01T09:00:00Z`).
    public init(start: String) throws(TimeFormatError) {
        guard let micros = Self.parseTimestamp(Substring(start)) else {
            throw TimeFormatError(
                text: start, kind: .instant,
                problem: "a run's start must be an ISO 8601 UTC timestamp")
        }
        self.startUnixMicroseconds = micros
    }

    // MARK: - Converting instants

    /// The instant `time` in microseconds since the Unix epoch.
    @inlinable
    public func unixMicroseconds(of time: SimTime) -> Int64 {
        startUnixMicroseconds + time.microsecondsSinceStart
    }

    /// The instant that is `unixMicroseconds` after the Unix epoch, on this run's clock.
    @inlinable
    public func time(unixMicroseconds: Int64) -> SimTime {
        SimTime(microsecondsSinceStart: unixMicroseconds - startUnixMicroseconds)
    }

    /// The day of the run that contains `time`: 1 for the UTC date of the
    /// start, 2 for the next UTC date, and so on.
    @inlinable
    public func dayOfRun(containing time: SimTime) -> Int {
        Int(
            Self.floorDivide(unixMicroseconds(of: time), SimDuration.microsecondsPerDay)
                - Self.floorDivide(startUnixMicroseconds, SimDuration.microsecondsPerDay)) + 1
    }

    /// The first instant of day `day` of the run (UTC midnight); day 1 may start
    /// before the scenario does.
    @inlinable
    public func startOfDay(_ day: Int) -> SimTime {
        let firstMidnight =
            Self.floorDivide(startUnixMicroseconds, SimDuration.microsecondsPerDay)
            * SimDuration.microsecondsPerDay
        return time(unixMicroseconds: firstMidnight + Int64(day - 1) * SimDuration.microsecondsPerDay)
    }

    /// The UTC midnight that ends the day containing `time`.
    @inlinable
    public func endOfDay(containing time: SimTime) -> SimTime {
        startOfDay(dayOfRun(containing: time) + 1)
    }

    @inlinable
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    // MARK: - Printing

    /// The instant `time` as an ISO 8601 UTC timestamp with milliseconds,
    /// e.g. `2026-03-01T09:00:00.000Z`.
    public func timestamp(_ time: SimTime) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendTimestamp(time, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``timestamp(_:)``'s text for `time` to `buffer`, allocating
    /// nothing when the buffer has room: the event serialiser's fast path.
    @inlinable
    public func appendTimestamp(_ time: SimTime, to buffer: inout [UInt8]) {
        Self.appendTimestamp(unixMicroseconds: unixMicroseconds(of: time), to: &buffer)
    }

    /// Appends the ISO 8601 UTC text of `unixMicroseconds`, with milliseconds.
    @inlinable
    public static func appendTimestamp(unixMicroseconds: Int64, to buffer: inout [UInt8]) {
        let days = floorDivide(unixMicroseconds, SimDuration.microsecondsPerDay)
        let microsOfDay = unixMicroseconds - days * SimDuration.microsecondsPerDay
        let date = CivilDate(daysSinceUnixEpoch: days)
        let millisOfDay = microsOfDay / 1_000
        let hour = Int(millisOfDay / 3_600_000)
        let minute = Int(millisOfDay / 60_000 % 60)
        let second = Int(millisOfDay / 1_000 % 60)
        let milli = Int(millisOfDay % 1_000)
        appendDigits(date.year, width: 4, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        appendDigits(date.month, width: 2, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        appendDigits(date.day, width: 2, to: &buffer)
        buffer.append(UInt8(ascii: "T"))
        appendDigits(hour, width: 2, to: &buffer)
        buffer.append(UInt8(ascii: ":"))
        appendDigits(minute, width: 2, to: &buffer)
        buffer.append(UInt8(ascii: ":"))
        appendDigits(second, width: 2, to: &buffer)
        buffer.append(UInt8(ascii: "."))
        appendDigits(milli, width: 3, to: &buffer)
        buffer.append(UInt8(ascii: "Z"))
    }

    @inlinable
    static func appendDigits(_ value: Int, width: Int, to buffer: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var remaining = value
        if remaining >= divisor * 10 {
            // Wider than expected (a year past 9999): print every digit.
            var wide = divisor * 10
            while remaining >= wide * 10 { wide *= 10 }
            divisor = wide
        }
        while divisor > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8(remaining / divisor))
            remaining %= divisor
            divisor /= 10
        }
    }
}

// MARK: - Reading instants

extension SimCalendar {
    /// Reads an instant of this run.
    ///
    /// Accepted forms:
    /// - an ISO 8601 timestamp: `2026-03-01T09:00:00Z`, with optional seconds,
    ///   fraction and a `Z` or `±HH:MM` offset, or a bare date (UTC midnight);
    /// - an offset from the start: `+36h`, `+1d12h` (any ``SimDuration`` text);
    /// - a day of the run and an optional UTC time of day: `day 3`,
    ///   `day 3 09:00`, `day 3 09:00:30` (day 1 is the start's UTC date);
    /// - `start`.
    ///
    /// An instant before the start throws: nothing can happen before it.
    public func instant(parsing text: some StringProtocol) throws(TimeFormatError) -> SimTime {
        let source = String(text)
        let trimmed = Substring(source)
        let result: SimTime
        if trimmed == "start" {
            result = .start
        } else if trimmed.hasPrefix("+") {
            do {
                result = .start + (try SimDuration(parsing: trimmed.dropFirst()))
            } catch {
                throw TimeFormatError(
                    text: source, kind: .instant,
                    problem: "the offset after '+' is not a duration (\(error.problem ?? "unreadable"))")
            }
        } else if trimmed.hasPrefix("day") {
            result = try parseDayOfRun(trimmed, source: source)
        } else if let micros = Self.parseTimestamp(trimmed) {
            result = time(unixMicroseconds: micros)
        } else {
            throw TimeFormatError(text: source, kind: .instant)
        }
        if result < .start {
            throw TimeFormatError(
                text: source, kind: .instant,
                problem: "it is before the scenario's start (\(timestamp(.start)))")
        }
        return result
    }

    private func parseDayOfRun(_ text: Substring, source: String) throws(TimeFormatError) -> SimTime {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.first == "day", parts.count == 2 || parts.count == 3,
            let day = Int(parts[1]), day >= 1, day <= 1_000_000
        else {
            throw TimeFormatError(
                text: source, kind: .instant,
                problem: "write a day of the run as 'day N' or 'day N HH:MM', N from 1")
        }
        var offset: Int64 = 0
        if parts.count == 3 {
            guard let timeOfDay = Self.parseTimeOfDay(parts[2]) else {
                throw TimeFormatError(
                    text: source, kind: .instant,
                    problem: "the time of day must be HH:MM or HH:MM:SS, from 00:00 to 23:59:59")
            }
            offset = timeOfDay
        }
        return startOfDay(day) + SimDuration(microseconds: offset)
    }

    /// Microseconds since midnight for `HH:MM` or `HH:MM:SS`.
    static func parseTimeOfDay(_ text: Substring) -> Int64? {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2 || fields.count == 3,
            fields.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let hour = Int(fields[0]), let minute = Int(fields[1]),
            hour < 24, minute < 60
        else { return nil }
        var second = 0
        if fields.count == 3 {
            guard let value = Int(fields[2]), value < 60 else { return nil }
            second = value
        }
        return Int64(hour * 3600 + minute * 60 + second) * SimDuration.microsecondsPerSecond
    }

    /// Microseconds since the Unix epoch for an ISO 8601 timestamp, or nil.
    static func parseTimestamp(_ text: Substring) -> Int64? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ width: Int) -> Int? {
            guard index + width <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<width {
                let byte = bytes[index + offset]
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += width
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"),
            let day = number(2)
        else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid else { return nil }
        var micros = date.daysSinceUnixEpoch * SimDuration.microsecondsPerDay
        if index == bytes.count { return micros }
        guard index < bytes.count,
            bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: "t")
                || bytes[index] == UInt8(ascii: " ")
        else { return nil }
        index += 1
        guard let hour = number(2), expect(":"), let minute = number(2), hour < 24, minute < 60 else {
            return nil
        }
        var second = 0
        var fractionMicros: Int64 = 0
        if expect(":") {
            guard let value = number(2), value < 60 else { return nil }
            second = value
            if expect(".") || expect(",") {
                var scale: Int64 = 100_000
                var digits = 0
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                    if scale > 0 {
                        fractionMicros += Int64(bytes[index] - 48) * scale
                        scale /= 10
                    }
                    digits += 1
                    index += 1
                }
                guard digits > 0 else { return nil }
            }
        }
        micros += Int64(hour * 3600 + minute * 60 + second) * SimDuration.microsecondsPerSecond
        micros += fractionMicros
        // The zone: Z, or an offset ±HH:MM / ±HHMM.
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") {
            index += 1
        } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let sign: Int64 = bytes[index] == UInt8(ascii: "+") ? 1 : -1
            index += 1
            guard let offsetHours = number(2), offsetHours < 24 else { return nil }
            _ = expect(":")
            guard let offsetMinutes = number(2), offsetMinutes < 60 else { return nil }
            micros -= sign * Int64(offsetHours * 60 + offsetMinutes) * SimDuration.microsecondsPerMinute
        } else {
            return nil
        }
        return index == bytes.count ? micros : nil
    }
}
