import Foundation
import Runner
import SESSimulation
import ScenarioFormat
import Synchronization

/// Runs independent work items on a fixed number of threads and hands each
/// result back to the calling thread as it completes.
///
/// Each item runs on one worker thread and shares nothing mutable with the
/// others: the work closure gets an item and returns a `Sendable` value.
/// Each thread may keep a context of its own (made on the thread, never
/// shared) — a sweep keeps its own copy of the scenario there, so that
/// replications on different cores do not even share reference counts. Results reach `deliver` in completion order, on the caller's
/// thread, so whatever writes them needs no lock; callers that need a
/// fixed order sort afterwards. When an item throws, no new item starts,
/// the ones running finish and are delivered, and the first error is
/// rethrown.
struct WorkerPool: Sendable {
    /// The number of worker threads.
    let threads: Int

    init(threads: Int) {
        self.threads = max(1, threads)
    }

    /// Runs `work` for every element of `items` and calls `deliver` with each
    /// item and its result.
    func run<Item: Sendable, Output: Sendable>(
        _ items: [Item], work: @escaping @Sendable (Item) throws(SweepError) -> Output,
        deliver: (Item, Output) throws(SweepError) -> Void
    ) throws(SweepError) {
        try run(
            items, context: {}, work: { (_: inout Void, item) throws(SweepError) in try work(item) },
            deliver: deliver)
    }

    /// Runs `work` for every element of `items`, with a context each thread
    /// makes with `context` and keeps to itself, and calls `deliver` with
    /// each item and its result.
    func run<Item: Sendable, Context, Output: Sendable>(
        _ items: [Item], context: @escaping @Sendable () -> Context,
        work: @escaping @Sendable (inout Context, Item) throws(SweepError) -> Output,
        deliver: (Item, Output) throws(SweepError) -> Void
    ) throws(SweepError) {
        guard !items.isEmpty else { return }
        let shared = PoolState<Output>()
        for _ in 0..<min(threads, items.count) {
            let thread = Thread {
                var local = context()
                while let index = shared.take(limit: items.count) {
                    let outcome: Result<Output, SweepError>
                    do throws(SweepError) {
                        outcome = .success(try work(&local, items[index]))
                    } catch {
                        outcome = .failure(error)
                    }
                    shared.finish(index, outcome)
                }
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        var firstError: SweepError?
        while true {
            let (batch, done) = shared.collect(limit: items.count)
            for (index, outcome) in batch {
                do throws(SweepError) {
                    try deliver(items[index], try outcome.get())
                } catch {
                    if firstError == nil { firstError = error }
                    shared.stop()
                }
            }
            if done && batch.isEmpty { break }
            if !done { shared.signal.wait() }
        }
        if let firstError { throw firstError }
    }
}

/// A pool's lock-protected bookkeeping, shared by its threads: the next
/// item to start, the results not yet delivered, whether to stop.
private final class PoolState<Output: Sendable>: Sendable {
    private struct Counts {
        var next = 0
        var started = 0
        var delivered = 0
        var stopped = false
        var finished: [(Int, Result<Output, SweepError>)] = []
    }

    private let counts = Mutex(Counts())
    /// Signalled once per finished item, and once when the pool stops.
    let signal = DispatchSemaphore(value: 0)

    /// The next item to run, or nil when there is none or the pool stopped.
    func take(limit: Int) -> Int? {
        counts.withLock { counts in
            guard !counts.stopped, counts.next < limit else { return nil }
            counts.started += 1
            counts.next += 1
            return counts.next - 1
        }
    }

    func finish(_ index: Int, _ outcome: Result<Output, SweepError>) {
        counts.withLock { $0.finished.append((index, outcome)) }
        signal.signal()
    }

    /// The results finished since the last call, and whether every item
    /// that will ever start has been delivered.
    func collect(limit: Int) -> ([(Int, Result<Output, SweepError>)], Bool) {
        counts.withLock { counts in
            let batch = counts.finished
            counts.finished.removeAll()
            counts.delivered += batch.count
            let done = counts.delivered == counts.started && (counts.stopped || counts.next == limit)
            return (batch, done)
        }
    }

    /// Stops the pool and wakes the collector: when every item started so
    /// far was already delivered, no worker will signal again, and the
    /// collector, which saw the pool running, would otherwise wait forever.
    func stop() {
        counts.withLock { $0.stopped = true }
        signal.signal()
    }
}
