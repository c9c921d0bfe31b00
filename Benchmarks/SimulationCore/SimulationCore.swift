import Benchmark
import SimCore

/// The hold model: a queue that always holds `pending` events; handling one
/// schedules its successor at now + an exponential delay. This is the
/// classic priority-queue benchmark for discrete-event simulators, and
/// measures the simulation core alone: queue, clock and random draws.
struct HoldModel: SimulationModel {
    enum Event {
        case hold(UInt32)
    }

    var generator = Xoshiro256StarStar(seed: 2026)
    let meanDelay = 1_000.0  // microseconds

    mutating func handle(_ event: Event, queue: inout EventQueue<Event>) {
        switch event {
        case .hold(let token):
            let delay = SimDuration(microseconds: Int64(generator.nextExponential(mean: meanDelay)))
            queue.schedule(.hold(token), after: delay)
        }
    }
}

/// A simulation primed with `pending` events.
func primedHoldSimulation(pending: Int) -> Simulation<HoldModel> {
    var simulation = Simulation(model: HoldModel())
    simulation.queue = EventQueue(minimumCapacity: pending + 1)
    for token in 0..<pending {
        let delay = SimDuration(microseconds: Int64(simulation.model.generator.nextExponential(mean: 1_000)))
        simulation.schedule(.hold(UInt32(token)), at: .start + delay)
    }
    return simulation
}

let benchmarks: @Sendable () -> Void = {
    for pending in [10_000, 1_000_000] {
        Benchmark(
            "Hold model, \(pending) pending events",
            configuration: .init(
                metrics: [.throughput, .wallClock, .mallocCountTotal, .peakMemoryResident, .instructions],
                scalingFactor: .mega,
                maxDuration: .seconds(10),
                maxIterations: 20,
                // CI gates on mallocs per million events (Benchmarks/Thresholds): the
                // harness's own few hundred move a little; one per event would add a million.
                thresholds: [.mallocCountTotal: .init(absolute: [.p90: 1_000])]
            )
        ) { benchmark in
            var simulation = primedHoldSimulation(pending: pending)
            // Warm the heap so that steady state is measured.
            simulation.run(until: .distantFuture, eventLimit: pending)
            // One benchmark iteration is a million events (scaling factor mega).
            benchmark.startMeasurement()
            blackHole(simulation.run(until: .distantFuture, eventLimit: benchmark.scaledIterations.count))
            benchmark.stopMeasurement()
        }
    }
}
