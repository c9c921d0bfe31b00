import ScenarioFormat
import SimCore

/// Arrival times of an open-model executor: calls arriving at a rate that
/// may ramp linearly between stages, spaced evenly or as a Poisson process.
///
/// Arrival k happens when the cumulative expected number of arrivals
/// `Λ(t) = ∫ rate` reaches a target: `k + 1` for even spacing, a running sum
/// of unit exponentials for a Poisson process (the inversion method).
struct ArrivalSchedule {
    /// A stretch of constant or linearly changing rate.
    struct Stage {
        var start: SimTime
        var duration: SimDuration
        /// Calls per second at the stage's start and end.
        var fromRate: Double
        var toRate: Double
    }

    let stages: [Stage]
    let process: ArrivalProcess
    /// The cumulative target for the next arrival.
    private var target: Double = 0
    /// The cumulative count at the start of each stage.
    private let stageStartCounts: [Double]

    init(schedule: Schedule) {
        var stages: [Stage] = []
        let process: ArrivalProcess
        switch schedule {
        case .constantArrivalRate(let start, let rate, let timeUnit, let duration, let arrivals):
            let perSecond = rate / timeUnit.seconds
            stages = [Stage(start: start, duration: duration, fromRate: perSecond, toRate: perSecond)]
            process = arrivals
        case .rampingArrivalRate(let start, let startRate, let timeUnit, let ramp, let arrivals):
            var time = start
            var rate = startRate / timeUnit.seconds
            for stage in ramp {
                let next = stage.target / timeUnit.seconds
                stages.append(Stage(start: time, duration: stage.duration, fromRate: rate, toRate: next))
                time = time + stage.duration
                rate = next
            }
            process = arrivals
        case .once, .repeating:
            preconditionFailure("campaign executors have no arrival schedule")
        }
        self.stages = stages
        self.process = process
        var counts: [Double] = []
        var total = 0.0
        for stage in stages {
            counts.append(total)
            total += (stage.fromRate + stage.toRate) / 2 * stage.duration.seconds
        }
        self.stageStartCounts = counts + [total]
    }

    /// The time of the next arrival, or nil when the schedule is over.
    mutating func nextArrival(using generator: inout some RandomNumberGenerator) -> SimTime? {
        switch process {
        case .uniform:
            // The first call comes at the start; then one every 1/rate.
            let arrival = time(atCount: target)
            target += 1
            return arrival
        case .poisson:
            target += generator.nextExponential(mean: 1)
            return time(atCount: target)
        }
    }

    /// The instant at which the cumulative count reaches `count`.
    private func time(atCount count: Double) -> SimTime? {
        for (index, stage) in stages.enumerated() where count < stageStartCounts[index + 1] {
            let remaining = count - stageStartCounts[index]
            let seconds = stage.duration.seconds
            let slope = (stage.toRate - stage.fromRate) / seconds
            let elapsed: Double
            if abs(slope) < 1e-15 {
                guard stage.fromRate > 0 else { continue }
                elapsed = remaining / stage.fromRate
            } else {
                // fromRate·τ + slope·τ²/2 = remaining, the root in [0, seconds].
                let discriminant = stage.fromRate * stage.fromRate + 2 * slope * remaining
                guard discriminant >= 0 else { continue }
                let denominator = stage.fromRate + discriminant.squareRoot()
                elapsed = denominator > 0 ? 2 * remaining / denominator : 0
            }
            let offset = SimDuration(seconds: min(max(elapsed, 0), seconds))
            let time = stage.start + offset
            return time < stage.start + stage.duration ? time : nil
        }
        return nil
    }
}
