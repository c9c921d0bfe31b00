import ScenarioFormat
import ScenarioTesting
import SimCore
import SimJSON
import Testing

@testable import SESSimulation

@Suite("Running: arrival times of the open-model executors")
struct ArrivalScheduleTests {
    /// Every arrival of `schedule`, drawing from a generator seeded with `seed`.
    static func arrivals(_ schedule: Schedule, seed: UInt64 = 1) -> [SimTime] {
        var arrivals = ArrivalSchedule(schedule: schedule)
        var generator = Xoshiro256StarStar(seed: seed)
        var times: [SimTime] = []
        while let time = arrivals.nextArrival(using: &generator) {
            times.append(time)
            if times.count > 1_000_000 { break }
        }
        return times
    }

    static func at(_ microseconds: Int64) -> SimTime { SimTime(microsecondsSinceStart: microseconds) }

    @Test func constantRateSpacesArrivalsEvenlyFromTheStart() {
        let times = Self.arrivals(
            .constantArrivalRate(
                start: .start + .minutes(1), rate: 10, timeUnit: .seconds(1), duration: .seconds(2),
                arrivals: .uniform))
        #expect(times.count == 20)
        #expect(
            times.prefix(4) == [
                Self.at(60_000_000), Self.at(60_100_000), Self.at(60_200_000), Self.at(60_300_000),
            ])
        #expect(times.last == Self.at(61_900_000))
    }

    @Test func timeUnitScalesTheRate() {
        // 3 a minute for 10 minutes: one every 20 s.
        let times = Self.arrivals(
            .constantArrivalRate(
                start: .start, rate: 3, timeUnit: .minutes(1), duration: .minutes(10), arrivals: .uniform))
        #expect(times.count == 30)
        #expect(times.prefix(3) == [Self.at(0), Self.at(20_000_000), Self.at(40_000_000)])
        #expect(times.last == .start + .seconds(580))
    }

    @Test func fractionalRateRoundsEachArrivalToTheMicrosecond() {
        // 3 a second: arrivals at k/3 s, to the nearest microsecond, without drift.
        let times = Self.arrivals(
            .constantArrivalRate(
                start: .start, rate: 3, timeUnit: .seconds(1), duration: .seconds(100), arrivals: .uniform))
        #expect(times.count == 300)
        #expect(times.prefix(4) == [Self.at(0), Self.at(333_333), Self.at(666_667), Self.at(1_000_000)])
        #expect(times.last == Self.at(99_666_667))
    }

    @Test func rampFromZeroFollowsTheIntegralOfTheRate() {
        // The rate climbs from 0 to 10 a second over 10 s: Λ(t) = t²/2, so
        // arrival k comes at √(2k) s, and 50 arrive in all.
        let times = Self.arrivals(
            .rampingArrivalRate(
                start: .start, startRate: 0, timeUnit: .seconds(1),
                stages: [RampStage(target: 10, duration: .seconds(10))], arrivals: .uniform))
        #expect(times.count == 50)
        #expect(times.prefix(3) == [Self.at(0), Self.at(1_414_214), Self.at(2_000_000)])
        #expect(times[8] == Self.at(4_000_000))
        #expect(times[18] == Self.at(6_000_000))
        #expect(times[32] == Self.at(8_000_000))
        #expect(times.last == Self.at(9_899_495))
    }

    @Test func rampDownAndHoldStagesFollowEachOther() {
        // 10 a second falling to 0 over 10 s (Λ = 10t − t²/2, 50 arrivals),
        // then a 5 s stage rising from 0 to 4 a second (Λ = 0.4τ², 10 more).
        let times = Self.arrivals(
            .rampingArrivalRate(
                start: .start + .seconds(30), startRate: 10, timeUnit: .seconds(1),
                stages: [
                    RampStage(target: 0, duration: .seconds(10)), RampStage(target: 4, duration: .seconds(5)),
                ], arrivals: .uniform))
        #expect(times.count == 60)
        #expect(times[0] == Self.at(30_000_000))
        #expect(times[32] == Self.at(34_000_000))
        #expect(times[42] == Self.at(36_000_000))
        #expect(times[48] == Self.at(38_000_000))
        #expect(times[49] == Self.at(38_585_786))
        // The second stage: arrival 50 + j at √(j / 0.4) s after 40 s.
        #expect(times[50] == Self.at(40_000_000))
        #expect(times[51] == Self.at(41_581_139))
        #expect(times[59] == Self.at(44_743_416))
    }

    @Test func zeroRateStageProducesNoArrivals() {
        let times = Self.arrivals(
            .rampingArrivalRate(
                start: .start, startRate: 0, timeUnit: .seconds(1),
                stages: [
                    RampStage(target: 0, duration: .minutes(1)), RampStage(target: 2, duration: .seconds(1)),
                    RampStage(target: 2, duration: .seconds(2)),
                ], arrivals: .uniform))
        // Nothing in the first minute; Λ = τ² over the next second (1 arrival, at its start), then 2 a second.
        #expect(
            times == [
                Self.at(60_000_000), Self.at(61_000_000), Self.at(61_500_000), Self.at(62_000_000),
                Self.at(62_500_000),
            ])
    }

    @Test func poissonArrivalCountIsNearTheRateTimesTheDuration() {
        let schedule = Schedule.constantArrivalRate(
            start: .start + .seconds(5), rate: 100, timeUnit: .seconds(1), duration: .seconds(100),
            arrivals: .poisson)
        let times = Self.arrivals(schedule, seed: 42)
        // 10,000 expected, standard deviation 100.
        #expect(abs(times.count - 10_000) <= 400)
        #expect(times.first! >= .start + .seconds(5))
        #expect(times.last! < .start + .seconds(105))
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
        // Exponential gaps: about as many shorter than the median ln 2 / 100 s as longer.
        let gaps = zip(times, times.dropFirst()).map { ($1 - $0).seconds }
        let short = gaps.filter { $0 < 0.693_147 / 100 }.count
        #expect(abs(Double(short) / Double(gaps.count) - 0.5) < 0.03)
    }

    @Test func poissonArrivalsOfARampFollowItsIntegral() {
        // 0 to 100 a second over 100 s: Λ(t) = t²/2, so 5,000 expected, half of
        // them after 100/√2 s.
        let times = Self.arrivals(
            .rampingArrivalRate(
                start: .start, startRate: 0, timeUnit: .seconds(1),
                stages: [RampStage(target: 100, duration: .seconds(100))], arrivals: .poisson),
            seed: 7)
        #expect(abs(times.count - 5_000) <= 300)
        let late = times.filter { $0 >= .start + SimDuration(seconds: 100 / 2.squareRoot()) }.count
        #expect(abs(late - 2_500) <= 200)
    }

    @Test func poissonArrivalsAreTheSameForTheSameSeedAndDifferForAnother() {
        let schedule = Schedule.constantArrivalRate(
            start: .start, rate: 20, timeUnit: .seconds(1), duration: .seconds(30), arrivals: .poisson)
        let first = Self.arrivals(schedule, seed: 3)
        #expect(first.count > 400)
        #expect(Self.arrivals(schedule, seed: 3) == first)
        #expect(Self.arrivals(schedule, seed: 4) != first)
    }
}
