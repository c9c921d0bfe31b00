extension SimDuration {
    /// The units a duration may be written in, longest first.
    private enum Unit: Int, CaseIterable {
        case day, hour, minute, second, millisecond, microsecond

        var symbol: String {
            switch self {
            case .day: "d"
            case .hour: "h"
            case .minute: "m"
            case .second: "s"
            case .millisecond: "ms"
            case .microsecond: "us"
            }
        }

        var microseconds: Int64 {
            switch self {
            case .day: SimDuration.microsecondsPerDay
            case .hour: SimDuration.microsecondsPerHour
            case .minute: SimDuration.microsecondsPerMinute
            case .second: SimDuration.microsecondsPerSecond
            case .millisecond: SimDuration.microsecondsPerMillisecond
            case .microsecond: 1
            }
        }

        init?(symbol: Substring) {
            switch symbol {
            case "d": self = .day
            case "h": self = .hour
            case "m": self = .minute
            case "s": self = .second
            case "ms": self = .millisecond
            case "us", "µs": self = .microsecond
            default: return nil
            }
        }
    }

    /// Reads a duration written as one or more `<number><unit>` parts, longest
    /// unit first: `250ms`, `90s`, `15m`, `6h`, `45d`, `1d12h`, `1.5h`.
    ///
    /// Units are `d` (24 hours), `h`, `m`, `s`, `ms` and `us`. A number may have
    /// a decimal fraction, which must come out to a whole number of
    /// microseconds. The single digit `0` is the empty duration. Anything else —
    /// a missing unit, an unknown one, a unit repeated or out of order, a
    /// negative sign, an overflow — throws a ``TimeFormatError`` that says why.
    public init(parsing text: some StringProtocol) throws(TimeFormatError) {
        let source = String(text)
        func failure(_ problem: String?) -> TimeFormatError {
            TimeFormatError(text: source, kind: .duration, problem: problem)
        }
        let characters = Array(source.unicodeScalars)
        if characters.isEmpty { throw failure("the text is empty") }
        if source == "0" {
            self = .zero
            return
        }
        var total: Int64 = 0
        var index = 0
        var previousUnit: Unit?
        while index < characters.count {
            // The number: digits, optionally a '.' and more digits.
            var whole: Int64 = 0
            var fraction: Int64 = 0
            var fractionScale: Int64 = 1
            var sawDigit = false
            var sawPoint = false
            while index < characters.count {
                let scalar = characters[index]
                if let digit = Self.digitValue(scalar) {
                    sawDigit = true
                    if sawPoint {
                        guard fractionScale < 1_000_000_000_000 else {
                            throw failure("too many decimal places")
                        }
                        fraction = fraction * 10 + digit
                        fractionScale *= 10
                    } else {
                        let (scaled, overflow1) = whole.multipliedReportingOverflow(by: 10)
                        let (sum, overflow2) = scaled.addingReportingOverflow(digit)
                        if overflow1 || overflow2 { throw failure("the number is too large") }
                        whole = sum
                    }
                } else if scalar == "." && !sawPoint {
                    sawPoint = true
                } else {
                    break
                }
                index += 1
            }
            if !sawDigit {
                if index < characters.count, characters[index] == "-" {
                    throw failure("a duration cannot be negative")
                }
                let found = index < characters.count ? "'\(characters[index])'" : "the end"
                throw failure("expected a number but found \(found)")
            }
            // The unit: the letters up to the next digit.
            let unitStart = index
            while index < characters.count, Self.digitValue(characters[index]) == nil,
                characters[index] != "."
            {
                index += 1
            }
            let symbol = Substring(String(String.UnicodeScalarView(characters[unitStart..<index])))
            if symbol.isEmpty { throw failure("the number \(whole) has no unit") }
            guard let unit = Unit(symbol: symbol) else { throw failure("unknown unit '\(symbol)'") }
            if let previousUnit, unit.rawValue <= previousUnit.rawValue {
                throw failure("unit '\(unit.symbol)' must come after a longer unit and only once")
            }
            previousUnit = unit
            // Value = whole * unit + fraction * unit / scale, exactly.
            let (wholePart, overflow1) = whole.multipliedReportingOverflow(by: unit.microseconds)
            let (fractionProduct, overflow2) = fraction.multipliedReportingOverflow(
                by: unit.microseconds)
            if overflow1 || overflow2 { throw failure("the duration is too long") }
            if fractionProduct % fractionScale != 0 {
                throw failure("the fraction is finer than a microsecond")
            }
            let (sum, overflow3) = wholePart.addingReportingOverflow(fractionProduct / fractionScale)
            let (newTotal, overflow4) = total.addingReportingOverflow(sum)
            if overflow3 || overflow4 { throw failure("the duration is too long") }
            total = newTotal
        }
        self.init(microseconds: total)
    }

    private static func digitValue(_ scalar: Unicode.Scalar) -> Int64? {
        let value = scalar.value
        guard value >= 48 && value <= 57 else { return nil }
        return Int64(value - 48)
    }
}

extension SimDuration: CustomStringConvertible {
    /// The duration in the form ``init(parsing:)`` reads, longest unit first and
    /// without zero parts: `1d12h`, `1m30s`, `250ms`; `0s` when empty.
    public var description: String {
        if microseconds == 0 { return "0s" }
        var remaining = microseconds.magnitude
        var text = microseconds < 0 ? "-" : ""
        for unit in Unit.allCases {
            let size = UInt64(unit.microseconds)
            let count = remaining / size
            if count > 0 {
                text += "\(count)\(unit.symbol)"
                remaining -= count * size
            }
        }
        return text
    }
}

extension SimDuration {
    /// The duration rounded to a whole number of `unit` (half away from zero).
    public func rounded(to unit: SimDuration) -> SimDuration {
        guard unit.microseconds > 0 else { return self }
        let half = unit.microseconds / 2
        let adjusted = microseconds >= 0 ? microseconds + half : microseconds - half
        return SimDuration(microseconds: adjusted / unit.microseconds * unit.microseconds)
    }

    /// A short form for people: to the millisecond under a minute, to the
    /// second under a day, to the minute beyond (`1m30s`, `3h15m46s`, `2d4h7m`).
    public var approximateDescription: String {
        let magnitude = microseconds.magnitude
        if magnitude < 60_000_000 { return rounded(to: .milliseconds(1)).description }
        if magnitude < 86_400_000_000 { return rounded(to: .seconds(1)).description }
        return rounded(to: .minutes(1)).description
    }
}
