/// A date in the proleptic Gregorian calendar, with conversions to and from a
/// count of days since 1970-01-01.
///
/// The conversions are Howard Hinnant's `days_from_civil` and
/// `civil_from_days` algorithms: exact integer arithmetic, no time zone data,
/// no Foundation, so timestamps print identically everywhere.
@frozen
public struct CivilDate: Hashable, Sendable {
    /// The year, e.g. 2026.
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month, 1 to 31.
    public var day: Int

    /// Creates the date `year`-`month`-`day`; call ``isValid`` to check it.
    @inlinable
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whether the month exists and the day exists in that month.
    public var isValid: Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= Self.daysIn(month: month, year: year)
    }

    /// The number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before it).
    @inlinable
    public var daysSinceUnixEpoch: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` days after 1970-01-01.
    ///
    /// Howard Hinnant's `civil_from_days`. Days from 1970 to 9999 (what
    /// timestamps are) take it in unsigned 32-bit arithmetic, where dividing
    /// by a constant is a multiply and a shift and nothing can overflow.
    @inlinable
    public init(daysSinceUnixEpoch days: Int64) {
        if days >= 0 && days < 2_932_897 {  // 1970-01-01 ..< 10000-01-01
            let shifted = UInt32(truncatingIfNeeded: days) &+ 719_468  // days since 0000-03-01
            let era = shifted / 146_097
            let dayOfEra = shifted &- era &* 146_097
            let yearOfEra = (dayOfEra &- dayOfEra / 1_460 &+ dayOfEra / 36_524 &- dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra &- (365 &* yearOfEra &+ yearOfEra / 4 &- yearOfEra / 100)
            let monthFromMarch = (5 &* dayOfYear &+ 2) / 153
            let day = dayOfYear &- (153 &* monthFromMarch &+ 2) / 5 &+ 1
            let month = monthFromMarch < 10 ? monthFromMarch &+ 3 : monthFromMarch &- 9
            let year = yearOfEra &+ era &* 400 &+ (month <= 2 ? 1 : 0)
            self.init(year: Int(year), month: Int(month), day: Int(day))
            return
        }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: Int(yearOfEra + era * 400 + (m <= 2 ? 1 : 0)), month: Int(m), day: Int(d))
    }
}
