import SimCore
import Testing

@Suite("Instants and the calendar")
struct InstantTests {
    /// 2026-03-01T09:00:00Z.
    let calendar = try! SimCalendar(start: "2026-03-01T09:00:00Z")

    @Test func startReadsAsAnISOTimestamp() throws {
        #expect(calendar.startUnixMicroseconds == 1_772_355_600_000_000)
        #expect(calendar.timestamp(.start) == "2026-03-01T09:00:00.000Z")
    }

    @Test(arguments: [
        ("start", Int64(0)),
        ("+36h", 129_600_000_000),
        ("+0s", 0),
        ("+1d12h", 129_600_000_000),
        ("day 1 09:00", 0),
        ("day 1 10:30", 5_400_000_000),
        ("day 3 09:00", 172_800_000_000),
        ("day 2", 54_000_000_000),
        ("day 2 00:00:30", 54_030_000_000),
        ("2026-03-01T09:00:00Z", 0),
        ("2026-03-01T09:00:00.250Z", 250_000),
        ("2026-03-01T10:00Z", 3_600_000_000),
        ("2026-03-01T11:00:00+02:00", 0),
        ("2026-03-01T04:00:00-05:00", 0),
        ("2026-03-02", 54_000_000_000),
        ("2026-03-01 09:00:01Z", 1_000_000),
    ])
    func everyInstantFormReads(text: String, microsecondsSinceStart: Int64) throws {
        #expect(try calendar.instant(parsing: text).microsecondsSinceStart == microsecondsSinceStart)
    }

    @Test(arguments: [
        ("day 1 08:59", "it is before the scenario's start (2026-03-01T09:00:00.000Z)"),
        ("2026-02-28T00:00:00Z", "it is before the scenario's start (2026-03-01T09:00:00.000Z)"),
        ("day 0", "write a day of the run as 'day N' or 'day N HH:MM', N from 1"),
        ("day three", "write a day of the run as 'day N' or 'day N HH:MM', N from 1"),
        ("day 3 25:00", "the time of day must be HH:MM or HH:MM:SS, from 00:00 to 23:59:59"),
        ("day 3 9:00", "the time of day must be HH:MM or HH:MM:SS, from 00:00 to 23:59:59"),
        ("+36x", "the offset after '+' is not a duration (unknown unit 'x')"),
    ])
    func malformedInstantsSayWhatIsWrong(text: String, problem: String) {
        #expect(throws: TimeFormatError(text: text, kind: .instant, problem: problem)) {
            try calendar.instant(parsing: text)
        }
    }

    @Test(arguments: [
        "2026-02-30T00:00:00Z", "2026-03-01T09:00:00", "2026-13-01T00:00:00Z", "tomorrow",
        "2026-03-01T24:00:00Z", "2026-03-01T09:00:00.Z", "2026-03-01T09:00:00Zjunk",
    ])
    func textThatIsNoInstantIsRefused(text: String) {
        #expect(throws: TimeFormatError(text: text, kind: .instant)) {
            try calendar.instant(parsing: text)
        }
    }

    @Test func aStartThatIsNotATimestampIsRefused() {
        #expect(throws: TimeFormatError.self) { try SimCalendar(start: "+1h") }
    }

    @Test func timestampsPrintWithMillisecondsInUTC() {
        let time = SimTime(microsecondsSinceStart: 86_400_000_000 * 365 + 123_456)
        #expect(calendar.timestamp(time) == "2027-03-01T09:00:00.123Z")
        let leapDay = try! SimCalendar(start: "2028-02-29T23:59:59.999Z")
        #expect(leapDay.timestamp(.start) == "2028-02-29T23:59:59.999Z")
        #expect(leapDay.timestamp(.start + .milliseconds(1)) == "2028-03-01T00:00:00.000Z")
        let epoch = SimCalendar(startUnixMicroseconds: 0)
        #expect(epoch.timestamp(.start) == "1970-01-01T00:00:00.000Z")
    }

    @Test func daysOfTheRunAreUTCDates() {
        #expect(calendar.dayOfRun(containing: .start) == 1)
        #expect(calendar.dayOfRun(containing: .start + .hours(14) + .seconds(59 * 60 + 59)) == 1)
        #expect(calendar.dayOfRun(containing: .start + .hours(15)) == 2)
        #expect(calendar.startOfDay(2) == .start + .hours(15))
        #expect(calendar.endOfDay(containing: .start) == .start + .hours(15))
        #expect(calendar.startOfDay(1) == .start - .hours(9))
    }

    @Test func civilDatesRoundTripAcrossCenturies() {
        for days in stride(from: Int64(-800_000), through: 800_000, by: 997) {
            let date = CivilDate(daysSinceUnixEpoch: days)
            #expect(date.isValid)
            #expect(date.daysSinceUnixEpoch == days)
        }
        #expect(CivilDate(year: 2000, month: 2, day: 29).isValid)
        #expect(!CivilDate(year: 1900, month: 2, day: 29).isValid)
    }
}
