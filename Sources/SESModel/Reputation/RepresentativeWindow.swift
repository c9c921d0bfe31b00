import SimCore

/// Bounce and complaint rates over a representative volume: the most recent
/// N eligible messages, where N is the number of eligible messages of a
/// trailing period, never below a minimum — not a fixed time window.
///
/// Each eligible message gets an id when it is sent; a bounce or complaint
/// that arrives later is attributed to its message, and counts only while
/// that message is still among the most recent N.
struct RepresentativeWindow: Sendable {
    private struct Record: Sendable {
        var time: SimTime
        var bounced = false
        var complained = false
        var feedbackLoopDelivery = false
    }

    let minimumVolume: Int
    let period: SimDuration
    let comparisonWindow: SimDuration

    private var records: [Record] = []
    /// The id of `records[0]`.
    private var base: Int64 = 0
    /// The first record inside the representative window.
    private var windowStart = 0
    /// The first record sent within the trailing period.
    private var periodStart = 0
    /// The first record sent within the comparison window.
    private var comparisonStart = 0

    private(set) var bounces = 0
    private(set) var complaints = 0
    private(set) var feedbackLoopDeliveries = 0
    private var comparisonBounces = 0

    init(minimumVolume: Int, period: SimDuration, comparisonWindow: SimDuration) {
        self.minimumVolume = minimumVolume
        self.period = period
        self.comparisonWindow = comparisonWindow
    }

    /// Eligible messages in the window.
    var size: Int { records.count - windowStart }

    /// Whether there are enough messages to judge the rates.
    var hasMinimumVolume: Bool { size >= minimumVolume }

    /// Hard bounces over messages in the window.
    var bounceRate: Double { size > 0 ? Double(bounces) / Double(size) : 0 }

    /// Complaints over deliveries to providers with a feedback loop.
    var complaintRate: Double {
        feedbackLoopDeliveries > 0 ? Double(complaints) / Double(feedbackLoopDeliveries) : 0
    }

    /// The bounce rate over a fixed trailing window, for comparison.
    var comparisonBounceRate: Double {
        let count = records.count - comparisonStart
        return count > 0 ? Double(comparisonBounces) / Double(count) : 0
    }

    /// Records an eligible message sent at `time`, returning its id.
    mutating func append(at time: SimTime) -> Int64 {
        records.append(Record(time: time))
        advance(to: time)
        return base + Int64(records.count - 1)
    }

    mutating func markBounce(_ id: Int64) {
        guard let index = index(of: id), !records[index].bounced else { return }
        records[index].bounced = true
        if index >= windowStart { bounces += 1 }
        if index >= comparisonStart { comparisonBounces += 1 }
    }

    mutating func markComplaint(_ id: Int64) {
        guard let index = index(of: id), !records[index].complained else { return }
        records[index].complained = true
        if index >= windowStart && records[index].feedbackLoopDelivery { complaints += 1 }
    }

    mutating func markFeedbackLoopDelivery(_ id: Int64) {
        guard let index = index(of: id), !records[index].feedbackLoopDelivery else { return }
        records[index].feedbackLoopDelivery = true
        if index >= windowStart {
            feedbackLoopDeliveries += 1
            if records[index].complained { complaints += 1 }
        }
    }

    /// Moves the window to `now`: records leave the trailing period, and the
    /// representative volume shrinks toward the minimum.
    mutating func advance(to now: SimTime) {
        let periodCutoff = now - period
        while periodStart < records.count && records[periodStart].time <= periodCutoff { periodStart += 1 }
        let comparisonCutoff = now - comparisonWindow
        while comparisonStart < records.count && records[comparisonStart].time <= comparisonCutoff {
            if records[comparisonStart].bounced { comparisonBounces -= 1 }
            comparisonStart += 1
        }
        let volume = min(records.count, max(minimumVolume, records.count - periodStart))
        let newStart = records.count - volume
        while windowStart < newStart {
            let record = records[windowStart]
            if record.bounced { bounces -= 1 }
            if record.feedbackLoopDelivery {
                feedbackLoopDeliveries -= 1
                if record.complained { complaints -= 1 }
            }
            windowStart += 1
        }
        compact()
    }

    private func index(of id: Int64) -> Int? {
        let index = Int(id - base)
        return index >= 0 && index < records.count ? index : nil
    }

    /// Drops records no window can reach any more, so memory follows the
    /// representative volume rather than the run.
    private mutating func compact() {
        let droppable = min(windowStart, periodStart, comparisonStart)
        guard droppable > 65_536, droppable * 2 > records.count else { return }
        records.removeFirst(droppable)
        base += Int64(droppable)
        windowStart -= droppable
        periodStart -= droppable
        comparisonStart -= droppable
    }
}
