import SimCore

/// The count of recipients sent over a rolling window (SES's 24 hours): every
/// time a call is made, what was sent in the window ending now is summed.
///
/// Entries older than the window fall out exactly when the window has passed
/// since they were sent: a message sent at 09:00:00 stops counting at 09:00:00
/// the next day.
public struct RollingQuotaWindow: Hashable, Sendable {
    /// The length of the window.
    public let length: SimDuration
    private var entries: [(time: SimTime, count: Int)] = []
    private var firstLive = 0
    /// The sum over the live entries.
    private var liveTotal = 0

    /// An empty window of `length` (24 hours for SES).
    public init(length: SimDuration = .hours(24)) {
        self.length = length
    }

    /// The recipients counted in the window ending at `now`.
    public mutating func total(at now: SimTime) -> Int {
        expire(before: now)
        return liveTotal
    }

    /// Adds `count` recipients sent at `now`.
    public mutating func record(_ count: Int, at now: SimTime) {
        guard count > 0 else { return }
        expire(before: now)
        if let last = entries.last, last.time == now, entries.count > firstLive {
            entries[entries.count - 1].count += count
        } else {
            entries.append((now, count))
        }
        liveTotal += count
    }

    private mutating func expire(before now: SimTime) {
        let cutoff = now - length
        while firstLive < entries.count, entries[firstLive].time <= cutoff {
            liveTotal -= entries[firstLive].count
            firstLive += 1
        }
        // Compact now and then so memory follows the window, not the run.
        if firstLive > 4_096 && firstLive * 2 > entries.count {
            entries.removeFirst(firstLive)
            firstLive = 0
        }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.length == rhs.length && lhs.liveTotal == rhs.liveTotal
            && lhs.entries[lhs.firstLive...].elementsEqual(rhs.entries[rhs.firstLive...]) {
                $0.time == $1.time && $0.count == $1.count
            }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(length)
        hasher.combine(liveTotal)
    }
}
