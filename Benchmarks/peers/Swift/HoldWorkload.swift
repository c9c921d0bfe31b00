import SimCore

/// The hold model of `Benchmarks/SimulationCore`: the queue always holds `pending`
/// events; handling one schedules its successor at now + an exponential delay (mean
/// 1 ms). `hold_simpy.py` runs the same model as `pending` SimPy processes, each
/// looping on `yield env.timeout(expovariate)`.
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

enum HoldWorkload {
    /// One repetition: prime `pending` events, run `pending` events to reach steady
    /// state, then time `events` events.
    static func run(pending: Int, events: Int) -> (seconds: Double, handled: Int) {
        var simulation = Simulation(model: HoldModel())
        simulation.queue = EventQueue(minimumCapacity: pending + 1)
        for token in 0..<pending {
            let delay = SimDuration(
                microseconds: Int64(simulation.model.generator.nextExponential(mean: 1_000)))
            simulation.schedule(.hold(UInt32(token)), at: .start + delay)
        }
        simulation.run(until: .distantFuture, eventLimit: pending)
        let clock = ContinuousClock()
        let start = clock.now
        let handled = simulation.run(until: .distantFuture, eventLimit: events)
        let elapsed = clock.now - start
        return (elapsed.seconds, handled)
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
