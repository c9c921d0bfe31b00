/// The account-level `AWS/SES` metrics (Send, Delivery, Bounce, …) of the
/// periods not yet written: a count per event type per period. Every event
/// counts here, with or without a configuration set.
struct AccountMetricCounts {
    /// The open periods, ascending.
    private(set) var periods: [UInt32] = []
    /// `counts[i][type.rawValue]` for `periods[i]`.
    private(set) var counts: [[UInt64]] = []
    /// Everything counted so far, written or not.
    private(set) var totals = EventTypeCounts()

    var isEmpty: Bool { periods.isEmpty }

    /// Counts one event of `type` in `period`.
    @inline(__always)
    mutating func add(period: UInt32, type: EventType) {
        totals[type] += 1
        if let last = periods.last, last == period {
            counts[counts.count - 1][type.rawValue] += 1
            return
        }
        // A new period, or an event late for an earlier open one.
        let index = periods.firstIndex { $0 >= period } ?? periods.count
        if index == periods.count || periods[index] != period {
            periods.insert(period, at: index)
            counts.insert(Array(repeating: 0, count: EventType.allCases.count), at: index)
        }
        counts[index][type.rawValue] += 1
    }

    /// Forgets the open periods (their lines have been written).
    mutating func removeAll() {
        periods.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
    }
}
