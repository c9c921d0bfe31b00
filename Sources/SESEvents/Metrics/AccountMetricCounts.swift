/// The account-level `AWS/SES` metrics (Send, Delivery, Bounce, …) of the
/// periods not yet written: a count per event type per period. Every event
/// counts here, with or without a configuration set.
struct AccountMetricCounts {
    /// The open periods, ascending.
    private(set) var periods: [UInt32] = []
    /// `flatCounts[i * 10 + type.rawValue]` for `periods[i]`: one flat
    /// array, so that counting an event touches one buffer.
    private var flatCounts: [UInt64] = []
    /// Everything counted in periods already written.
    private var writtenTotals = EventTypeCounts()

    var isEmpty: Bool { periods.isEmpty }

    /// Everything counted so far, written or not.
    var totals: EventTypeCounts {
        var totals = writtenTotals
        for index in periods.indices {
            for type in EventType.allCases { totals[type] += Int(flatCounts[index * 10 + type.rawValue]) }
        }
        return totals
    }

    /// The counts of `periods[index]`, by type.
    func counts(ofPeriodAt index: Int) -> [UInt64] {
        Array(flatCounts[(index * 10)..<(index * 10 + 10)])
    }

    /// Counts one event of `type` in `period`.
    @inline(__always)
    mutating func add(period: UInt32, type: EventType) {
        if let last = periods.last, last == period {
            flatCounts[(periods.count &- 1) &* 10 &+ type.rawValue] &+= 1
            return
        }
        addToEarlierOrNewPeriod(period, type: type)
    }

    /// A new period, or an event late for an earlier open one.
    private mutating func addToEarlierOrNewPeriod(_ period: UInt32, type: EventType) {
        let index = periods.firstIndex { $0 >= period } ?? periods.count
        if index == periods.count || periods[index] != period {
            periods.insert(period, at: index)
            flatCounts.insert(contentsOf: repeatElement(0, count: EventType.allCases.count), at: index * 10)
        }
        flatCounts[index * 10 + type.rawValue] += 1
    }

    /// Forgets the open periods (their lines have been written).
    mutating func removeAll() {
        writtenTotals = totals
        periods.removeAll(keepingCapacity: true)
        flatCounts.removeAll(keepingCapacity: true)
    }
}
