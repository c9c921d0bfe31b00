/// A four-ary min-heap of scheduled events, specialised for the run loop.
///
/// swift-collections' `Heap` is a min-max heap: it keeps both ends ordered,
/// which a simulator never needs, and it measured ~4 M events/s in the
/// hold-model benchmark (Benchmarks/SimulationCore). This heap keeps only the
/// minimum; four children per node halve its depth, the smallest of the four
/// is found by a branch-free tournament, `(time, sequence)` compares as one
/// 128-bit key, and it moves a hole instead of swapping. Its order is total
/// because sequences are unique.
@usableFromInline
struct EventHeap<Payload> {
    @usableFromInline
    var storage: ContiguousArray<ScheduledEvent<Payload>> = []

    @inlinable
    init(minimumCapacity: Int) {
        storage.reserveCapacity(minimumCapacity)
    }

    @inlinable
    var count: Int { storage.count }

    @inlinable
    var isEmpty: Bool { storage.isEmpty }

    /// The earliest event, if any.
    @inlinable
    var min: ScheduledEvent<Payload>? { storage.first }

    @inlinable
    mutating func insert(_ element: ScheduledEvent<Payload>) {
        storage.append(element)
        storage.withUnsafeMutableBufferPointer { buffer in
            var hole = buffer.count - 1
            let key = element.orderKey
            while hole > 0 {
                let parent = (hole - 1) >> 2
                guard key < buffer[parent].orderKey else { break }
                buffer[hole] = buffer[parent]
                hole = parent
            }
            buffer[hole] = element
        }
    }

    /// Removes and returns the earliest event; the heap must not be empty.
    @inlinable
    mutating func removeMin() -> ScheduledEvent<Payload> {
        let last = storage.removeLast()
        if storage.isEmpty { return last }
        let minimum = storage[0]
        storage.withUnsafeMutableBufferPointer { buffer in
            let count = buffer.count
            let key = last.orderKey
            var hole = 0
            while true {
                let first = 4 &* hole &+ 1
                if first >= count { break }
                var best = first
                if first &+ 3 < count {
                    let left = buffer[first &+ 1].orderKey < buffer[first].orderKey ? first &+ 1 : first
                    let right =
                        buffer[first &+ 3].orderKey < buffer[first &+ 2].orderKey ? first &+ 3 : first &+ 2
                    best = buffer[right].orderKey < buffer[left].orderKey ? right : left
                } else {
                    var child = first &+ 1
                    while child < count {
                        if buffer[child].orderKey < buffer[best].orderKey { best = child }
                        child &+= 1
                    }
                }
                guard buffer[best].orderKey < key else { break }
                buffer[hole] = buffer[best]
                hole = best
            }
            buffer[hole] = last
        }
        return minimum
    }
}

extension EventHeap: Sendable where Payload: Sendable {}

extension ScheduledEvent {
    /// `(time, sequence)` as one unsigned 128-bit number, so that ordering two
    /// events is a single branch-free comparison.
    @inlinable
    var orderKey: UInt128 {
        UInt128(UInt64(bitPattern: time.microsecondsSinceStart) ^ (1 << 63)) << 64 | UInt128(sequence)
    }
}
