import SimCore
import Testing

/// A model that records what it handled and, for some events, schedules more.
private struct Recorder: SimulationModel {
    enum Event: Equatable {
        case mark(Int)
        case spawn(Int, after: SimDuration)
    }

    var handled: [(SimTime, Int)] = []

    mutating func handle(_ event: Event, queue: inout EventQueue<Event>) {
        switch event {
        case .mark(let label):
            handled.append((queue.now, label))
        case .spawn(let label, let delay):
            handled.append((queue.now, label))
            queue.schedule(.mark(label * 10), after: delay)
        }
    }

    var labels: [Int] { handled.map(\.1) }
}

@Suite("Event queue and run loop")
struct EventQueueTests {
    @Test func eventsRunInTimeOrder() {
        var simulation = Simulation(model: Recorder())
        simulation.schedule(.mark(3), at: .start + .seconds(3))
        simulation.schedule(.mark(1), at: .start + .seconds(1))
        simulation.schedule(.mark(2), at: .start + .seconds(2))
        simulation.run(until: .distantFuture)
        #expect(simulation.model.labels == [1, 2, 3])
        #expect(simulation.model.handled.map(\.0) == [1, 2, 3].map { .start + .seconds(Int64($0)) })
        #expect(simulation.processedCount == 3)
    }

    @Test func tiesRunInSchedulingOrder() {
        var simulation = Simulation(model: Recorder())
        let instant = SimTime.start + .minutes(5)
        for label in [5, 1, 4, 2, 3, 9, 0] {
            simulation.schedule(.mark(label), at: instant)
        }
        simulation.run(until: .distantFuture)
        #expect(simulation.model.labels == [5, 1, 4, 2, 3, 9, 0])
    }

    @Test func eventsScheduledDuringARunAtTheSameInstantRunAfterThoseAlreadyDue() {
        var simulation = Simulation(model: Recorder())
        simulation.schedule(.spawn(1, after: .zero), at: .start)
        simulation.schedule(.mark(2), at: .start)
        simulation.run(until: .distantFuture)
        #expect(simulation.model.labels == [1, 2, 10])
    }

    @Test func cancelledEventsNeverRun() {
        var simulation = Simulation(model: Recorder())
        simulation.schedule(.mark(1), at: .start + .seconds(1))
        let doomed = simulation.schedule(.mark(2), at: .start + .seconds(2))
        simulation.schedule(.mark(3), at: .start + .seconds(3))
        #expect(simulation.queue.count == 3)
        let cancelled = simulation.queue.cancel(doomed)
        let cancelledAgain = simulation.queue.cancel(doomed)
        #expect(cancelled)
        #expect(!cancelledAgain, "a second cancel reports nothing to cancel")
        #expect(simulation.queue.count == 2)
        simulation.run(until: .distantFuture)
        #expect(simulation.model.labels == [1, 3])
        #expect(simulation.processedCount == 2)
        #expect(simulation.queue.isEmpty)
    }

    @Test func cancellingAnEventThatAlreadyRanReportsFalse() {
        var simulation = Simulation(model: Recorder())
        let first = simulation.schedule(.mark(1), at: .start + .seconds(1))
        simulation.schedule(.mark(2), at: .start + .seconds(2))
        simulation.run(until: .start + .seconds(1))
        let cancelled = simulation.queue.cancel(first)
        #expect(!cancelled)
        #expect(simulation.queue.count == 1)
    }

    @Test func runUntilStopsAfterTheLastEventDueAndAdvancesTheClock() {
        var simulation = Simulation(model: Recorder())
        for second in 1...10 {
            simulation.schedule(.mark(second), at: .start + .seconds(Int64(second)))
        }
        let handled = simulation.run(until: .start + .seconds(4))
        #expect(handled == 4)
        #expect(simulation.model.labels == [1, 2, 3, 4])
        #expect(simulation.now == .start + .seconds(4))
        simulation.run(until: .start + .milliseconds(6_500))
        #expect(simulation.model.labels == [1, 2, 3, 4, 5, 6])
        #expect(simulation.now == .start + .milliseconds(6_500))
        let next = simulation.queue.nextTime()
        #expect(next == .start + .seconds(7))
    }

    @Test func runWithAnEventLimitStopsAtTheLimit() {
        var simulation = Simulation(model: Recorder())
        for second in 1...10 {
            simulation.schedule(.mark(second), at: .start + .seconds(Int64(second)))
        }
        #expect(simulation.run(until: .distantFuture, eventLimit: 3) == 3)
        #expect(simulation.now == .start + .seconds(3))
        #expect(simulation.run(until: .distantFuture, eventLimit: 100) == 7)
    }

    @Test func aMillionRandomSchedulesComeOutSorted() {
        var queue = EventQueue<UInt32>(minimumCapacity: 1_000_000)
        var generator = Xoshiro256StarStar(seed: 7)
        for label in 0..<UInt32(1_000_000) {
            let time = SimTime(microsecondsSinceStart: Int64(generator.nextInt(below: 10_000)))
            queue.schedule(label, at: time)
        }
        var previous: ScheduledEvent<UInt32>? = nil
        var count = 0
        var sorted = true
        while let event = queue.popNext() {
            if let previous, !(previous < event) { sorted = false }
            previous = event
            count += 1
        }
        #expect(sorted)
        #expect(count == 1_000_000)
    }
}
