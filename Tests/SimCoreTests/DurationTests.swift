import SimCore
import Testing

@Suite("Durations")
struct DurationTests {
    @Test(arguments: [
        ("250ms", Int64(250_000)),
        ("90s", 90_000_000),
        ("15m", 900_000_000),
        ("6h", 21_600_000_000),
        ("45d", 3_888_000_000_000),
        ("1d12h", 129_600_000_000),
        ("1m30s", 90_000_000),
        ("1.5h", 5_400_000_000),
        ("0.25s", 250_000),
        ("750us", 750),
        ("2h30m15s250ms", 9_015_250_000),
        ("0", 0),
        ("0s", 0),
    ])
    func everyWrittenFormReads(text: String, microseconds: Int64) throws {
        #expect(try SimDuration(parsing: text).microseconds == microseconds)
    }

    @Test(arguments: [
        (Int64(250_000), "250ms"),
        (90_000_000, "1m30s"),
        (129_600_000_000, "1d12h"),
        (0, "0s"),
        (1_500, "1ms500us"),
        (3_888_000_000_000, "45d"),
    ])
    func printsLongestUnitFirst(microseconds: Int64, text: String) throws {
        let duration = SimDuration(microseconds: microseconds)
        #expect(duration.description == text)
        #expect(try SimDuration(parsing: text) == duration)
    }

    @Test(arguments: [
        ("", "the text is empty"),
        ("15", "the number 15 has no unit"),
        ("15x", "unknown unit 'x'"),
        ("1h1d", "unit 'd' must come after a longer unit and only once"),
        ("1m1m", "unit 'm' must come after a longer unit and only once"),
        ("-5m", "a duration cannot be negative"),
        ("h", "expected a number but found 'h'"),
        ("0.0000001s", "the fraction is finer than a microsecond"),
        ("99999999999999999999d", "the number is too large"),
        ("999999999d", "the duration is too long"),
        ("1d 12h", "unknown unit 'd '"),
    ])
    func malformedTextSaysWhatIsWrong(text: String, problem: String) {
        #expect(throws: TimeFormatError(text: text, kind: .duration, problem: problem)) {
            try SimDuration(parsing: text)
        }
    }

    @Test func errorDescriptionNamesTheTextAndTheExpectedForms() {
        do {
            _ = try SimDuration(parsing: "15x")
            Issue.record("15x parsed")
        } catch {
            #expect(
                error.description
                    == "'15x' is not a duration: unknown unit 'x'; expected a number followed by a unit "
                    + "(us, ms, s, m, h, d), as in 250ms, 90s, 15m, 6h, 45d or 1d12h")
        }
    }

    @Test func secondsFromSampledDelaysAreClampedAndRounded() {
        #expect(SimDuration(seconds: 1.2345674).microseconds == 1_234_567)
        #expect(SimDuration(seconds: -3).microseconds == 0)
        #expect(SimDuration(seconds: .nan).microseconds == 0)
        #expect(SimDuration(seconds: .infinity).microseconds == Int64(9.2e18))
    }
}
