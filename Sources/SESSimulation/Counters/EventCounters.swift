import SESEvents
import ScenarioFormat

/// Published events by type: over the whole run, and in the current timeline row.
struct EventCounters: Sendable {
    private(set) var total = [Int](repeating: 0, count: EventType.allCases.count)
    private(set) var inRow = [Int](repeating: 0, count: EventType.allCases.count)

    mutating func record(_ event: SESEvent) {
        total[event.type.rawValue] += 1
        inRow[event.type.rawValue] += 1
    }

    /// The current row's counts, and a fresh row.
    mutating func takeRow() -> [Int] {
        defer { inRow = [Int](repeating: 0, count: EventType.allCases.count) }
        return inRow
    }
}
