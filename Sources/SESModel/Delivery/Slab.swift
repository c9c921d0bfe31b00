/// Storage for records that live while something is in flight, addressed by
/// a small integer that events carry instead of the record itself. Freed
/// slots are reused, so memory follows what is in flight, not the run's total.
struct Slab<Element> {
    private var items: [Element?] = []
    private var free: [Int32] = []

    /// Stores `element`, returning its slot.
    mutating func insert(_ element: Element) -> Int32 {
        if let slot = free.popLast() {
            items[Int(slot)] = element
            return slot
        }
        items.append(element)
        return Int32(items.count - 1)
    }

    /// The element in `slot` (which must be occupied).
    subscript(slot: Int32) -> Element {
        get { items[Int(slot)]! }
        _modify {
            var element = items[Int(slot)].take()!
            defer { items[Int(slot)] = element }
            yield &element
        }
    }

    /// Frees `slot`.
    mutating func remove(_ slot: Int32) {
        items[Int(slot)] = nil
        free.append(slot)
    }

    /// Occupied slots.
    var count: Int { items.count - free.count }

    /// The most slots ever occupied at once (high-water mark).
    var capacityUsed: Int { items.count }
}

extension Slab: Sendable where Element: Sendable {}
