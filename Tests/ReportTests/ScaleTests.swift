import Runner
import SESSimulation
import ScenarioFormat
import ScenarioTesting
import SimCore
import SimJSON
import Testing

@testable import Report

@Suite("Report: value and time scales")
struct ScaleTests {
    // MARK: - Value ticks

    @Test func niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(ValueScale.niceStep(above: 57.75) == (1, 2))
        #expect(ValueScale.niceStep(above: 1.75) == (2, 0))
        #expect(ValueScale.niceStep(above: 0.0175) == (2, -2))
        #expect(ValueScale.niceStep(above: 3) == (5, 0))
        #expect(ValueScale.niceStep(above: 5) == (5, 0))
        #expect(ValueScale.niceStep(above: 7) == (1, 1))
        #expect(ValueScale.niceStep(above: 1_000) == (1, 3))
        #expect(ValueScale.niceStep(above: 0) == (1, 0))
    }

    @Test func ticksCoverTheDataFromZeroOnWholeSteps() {
        let scale = ValueScale(covering: [12, 231, 40])
        #expect(scale.ticks == [0, 100, 200, 300])
        #expect(scale.lower == 0 && scale.upper == 300)
        #expect(ValueFormat.count.tickLabels(for: scale) == ["0", "100", "200", "300"])
    }

    @Test func decimalTicksAreTheNearestDoubles() {
        let scale = ValueScale(covering: [0.3])
        #expect(scale.ticks == [0, 0.1, 0.2, 0.3])
        let small = ValueScale(covering: [0.07])
        #expect(small.ticks == [0, 0.02, 0.04, 0.06, 0.08])
        #expect(ValueFormat.percent.tickLabels(for: small) == ["0%", "2%", "4%", "6%", "8%"])
        let finer = ValueScale(covering: [0.007])
        #expect(ValueFormat.percent.tickLabels(for: finer) == ["0%", "0.2%", "0.4%", "0.6%", "0.8%"])
    }

    @Test func countsKeepWholeSteps() {
        #expect(ValueScale(covering: [3], wholeNumbers: true).ticks == [0, 1, 2, 3])
        #expect(ValueScale(covering: [3]).ticks == [0, 1, 2, 3])
        #expect(ValueScale(covering: [1], wholeNumbers: true).ticks == [0, 1])
        #expect(ValueScale(covering: [1]).ticks == [0, 0.5, 1])
    }

    @Test func emptyAndAllZeroDataGiveZeroToOne() {
        #expect(ValueScale(covering: []).ticks == [0, 0.5, 1])
        #expect(ValueScale(covering: [0, 0, 0], wholeNumbers: true).ticks == [0, 1])
        #expect(ValueScale(covering: [.nan, .infinity], wholeNumbers: true).ticks == [0, 1])
    }

    @Test func negativeValuesExtendTheAxisBelowZero() {
        let scale = ValueScale(covering: [-3, 5])
        #expect(scale.ticks == [-4, -2, 0, 2, 4, 6])
    }

    @Test func largeCountsGetSuffixes() {
        #expect(
            ValueFormat.count.tickLabels(for: ValueScale(covering: [14_503])) == ["0", "5k", "10k", "15k"])
        #expect(
            ValueFormat.count.tickLabels(for: ValueScale(covering: [1_150_000]))
                == ["0", "0.5M", "1.0M", "1.5M"])
        #expect(
            ValueFormat.count.tickLabels(for: ValueScale(covering: [2.5e9])) == ["0", "1B", "2B", "3B"])
        #expect(
            ValueFormat.count.tickLabels(for: ValueScale(covering: [7_500])) == [
                "0", "2,000", "4,000", "6,000", "8,000",
            ])
    }

    @Test func numbersPrintWithoutLocale() {
        #expect(ChartNumber.fixed(2.5, decimals: 0) == "3")
        #expect(ChartNumber.fixed(-2.5, decimals: 0) == "-3")
        #expect(ChartNumber.fixed(-0.04, decimals: 1) == "0.0")
        #expect(ChartNumber.fixed(1234.5678, decimals: 2, grouped: true) == "1,234.57")
        #expect(ChartNumber.fixed(0.05, decimals: 3) == "0.050")
        #expect(ChartNumber.grouped(1_234_567) == "1,234,567")
        #expect(ChartNumber.grouped(0.25) == "0.25")
        #expect(ChartNumber.grouped(-1_000.5) == "-1,000.5")
        #expect(ChartNumber.coordinate(12.34) == "12.3")
        #expect(ChartNumber.coordinate(800) == "800")
        #expect(ChartNumber.coordinate(-0.01) == "0")
        #expect(ChartNumber.fixed(.nan, decimals: 2) == "–")
        #expect(ValueFormat.percent.label(0.0062) == "0.62%")
        #expect(ValueFormat.count.label(12_345) == "12,345")
    }

    // MARK: - Time ticks

    private let calendar = try! SimCalendar(start: "2026-03-01T09:00:00Z")

    private func labels(_ span: SimDuration, maximumTicks: Int = 10, from start: SimTime = .start) -> [String]
    {
        TimeScale(calendar: calendar, start: start, end: start + span, maximumTicks: maximumTicks).ticks.map(
            \.label)
    }

    @Test func hoursSpanTicksEveryHalfHour() {
        #expect(labels(.hours(3)) == ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00"])
    }

    @Test func secondsSpanShowsSeconds() {
        #expect(
            labels(.seconds(30)) == [
                "09:00:00", "09:00:05", "09:00:10", "09:00:15", "09:00:20", "09:00:25", "09:00:30",
            ])
        #expect(labels(.seconds(1)) == ["09:00:00", "09:00:01"])
    }

    @Test func dayBoundariesReadAsDays() {
        #expect(
            labels(.days(2))
                == ["12:00", "18:00", "day 2", "06:00", "12:00", "18:00", "day 3", "06:00"])
    }

    @Test func weeksSpanTicksOnRunDays() {
        #expect(
            labels(.days(50)) == [
                "day 2", "day 9", "day 16", "day 23", "day 30", "day 37", "day 44", "day 51",
            ])
        let scale = TimeScale(calendar: calendar, start: .start, end: .start + .days(50), maximumTicks: 10)
        #expect(scale.step == .days(7))
        #expect(scale.title == "time (UTC); day 1 is 2026-03-01")
    }

    @Test func aRunStartingAtMidnightStartsOnDayOne() throws {
        let midnight = try SimCalendar(start: "2026-03-01T00:00:00Z")
        let scale = TimeScale(calendar: midnight, start: .start, end: .start + .days(3), maximumTicks: 8)
        #expect(scale.ticks.map(\.label) == ["day 1", "12:00", "day 2", "12:00", "day 3", "12:00", "day 4"])
    }

    @Test func ticksNeverExceedTheLimit() {
        for hours in [1, 5, 23, 47, 200, 2_000, 80_000, 87_600] as [Int64] {
            for limit in [2, 5, 10] {
                let ticks = labels(.hours(hours), maximumTicks: limit)
                #expect(ticks.count <= limit, "\(hours)h, at most \(limit): \(ticks)")
                #expect(!ticks.isEmpty || hours < 24, "\(hours)h")
            }
        }
    }
}
