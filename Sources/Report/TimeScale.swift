import SESSimulation
import ScenarioFormat
import SimCore

/// A time axis over a run: ticks on round UTC instants, as many as fit.
///
/// The step is the smallest of 1, 2, 5, 10, 15 and 30 seconds; 1, 2, 5, 10,
/// 15 and 30 minutes; 1, 2, 3, 6 and 12 hours; 1, 2, 7, 14, 28, 91 and 364
/// days (past that, a multiple of 364 days) whose ticks number at most
/// `maximumTicks`. Sub-day ticks fall on multiples of the step since UTC
/// midnight and read `HH:MM` (`HH:MM:SS` below a minute), except that a
/// tick at midnight reads `day N`; day ticks fall on every step-th midnight
/// from the first on the axis and read `day N`. Day 1 is the UTC date of the
/// run's start, as in the scenario format's `day N HH:MM` instants.
struct TimeScale: Equatable {
    /// One tick: where it is and what it reads.
    struct Tick: Equatable {
        var time: SimTime
        var label: String
    }

    let calendar: SimCalendar
    /// The axis' left end.
    let start: SimTime
    /// The axis' right end, after `start`.
    let end: SimTime
    /// The distance between ticks.
    let step: SimDuration
    /// The ticks within `start ... end`, earliest first.
    let ticks: [Tick]

    /// The tick steps, shortest first.
    static let steps: [SimDuration] =
        [1, 2, 5, 10, 15, 30].map { SimDuration.seconds($0) }
        + [1, 2, 5, 10, 15, 30].map { SimDuration.minutes($0) }
        + [1, 2, 3, 6, 12].map { SimDuration.hours($0) }
        + [1, 2, 7, 14, 28, 91, 364].map { SimDuration.days($0) }

    /// An axis from `start` to `end` (at least a second long) with at most
    /// `maximumTicks` ticks (at least 2).
    init(calendar: SimCalendar, start: SimTime, end: SimTime, maximumTicks: Int) {
        self.calendar = calendar
        self.start = start
        self.end = max(end, start + .seconds(1))
        (step, ticks) = Self.fittingTicks(
            calendar: calendar, start: start, end: self.end, limit: max(maximumTicks, 2))
    }

    /// The first step whose ticks number at most `limit`, and its ticks. A
    /// step at least as long as the span has at most 2 ticks, so one is
    /// always found.
    private static func fittingTicks(calendar: SimCalendar, start: SimTime, end: SimTime, limit: Int)
        -> (SimDuration, [Tick])
    {
        let span = (end - start).microseconds
        func fit(_ step: SimDuration) -> [Tick]? {
            // More than `limit + 1` steps in the span cannot fit: skip
            // listing their ticks.
            guard span / step.microseconds <= Int64(limit) + 1 else { return nil }
            let ticks = ticks(calendar: calendar, start: start, end: end, step: step)
            return ticks.count <= limit ? ticks : nil
        }
        for step in steps {
            if let ticks = fit(step) { return (step, ticks) }
        }
        // A span of decades: multiples of the longest step.
        var multiple: Int64 = 2
        while true {
            let step = steps.last! * multiple
            if let ticks = fit(step) { return (step, ticks) }
            multiple += 1
        }
    }

    /// Where `time` falls between `start` (0) and `end` (1); outside for
    /// instants off the axis.
    func fraction(of time: SimTime) -> Double {
        Double((time - start).microseconds) / Double((end - start).microseconds)
    }

    /// The axis' title: what the labels mean.
    var title: String {
        "time (UTC); day 1 is \(String(calendar.timestamp(calendar.startOfDay(1)).prefix(10)))"
    }

    private static func ticks(calendar: SimCalendar, start: SimTime, end: SimTime, step: SimDuration)
        -> [Tick]
    {
        let day = SimDuration.microsecondsPerDay
        if step.microseconds >= day {
            let days = Int(step.microseconds / day)
            // From the first midnight on the axis.
            let startDay = calendar.dayOfRun(containing: start)
            let first = calendar.startOfDay(startDay) < start ? startDay + 1 : startDay
            return stride(from: first, through: calendar.dayOfRun(containing: end), by: days).map {
                Tick(time: calendar.startOfDay($0), label: "day \($0)")
            }
        }
        let stepMicros = step.microseconds
        let first = floorMultiple(calendar.unixMicroseconds(of: start) + stepMicros - 1, of: stepMicros)
        var result: [Tick] = []
        var unix = first
        while unix <= calendar.unixMicroseconds(of: end) {
            let time = calendar.time(unixMicroseconds: unix)
            result.append(
                Tick(time: time, label: label(time, calendar: calendar, seconds: stepMicros < 60_000_000)))
            unix += stepMicros
        }
        return result
    }

    /// `HH:MM` (or `HH:MM:SS`), or `day N` at midnight.
    private static func label(_ time: SimTime, calendar: SimCalendar, seconds: Bool) -> String {
        if calendar.startOfDay(calendar.dayOfRun(containing: time)) == time {
            return "day \(calendar.dayOfRun(containing: time))"
        }
        let clock = calendar.timestamp(time).dropFirst(11)
        return String(clock.prefix(seconds ? 8 : 5))
    }

    private static func floorMultiple(_ value: Int64, of step: Int64) -> Int64 {
        let quotient = value / step
        return (value % step != 0 && value < 0 ? quotient - 1 : quotient) * step
    }
}
