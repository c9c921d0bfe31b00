import SimCore

/// One `SendDataPoint` of `GetSendStatistics`: what happened in one
/// 15-minute interval.
public struct SendDataPoint: Hashable, Sendable {
    /// The interval's start.
    public var timestamp: SimTime
    /// Messages SES attempted to deliver.
    public var deliveryAttempts: Int
    /// Hard bounces.
    public var bounces: Int
    /// Complaints from feedback loops.
    public var complaints: Int
    /// Messages SES rejected (virus).
    public var rejects: Int

    public init(timestamp: SimTime, deliveryAttempts: Int, bounces: Int, complaints: Int, rejects: Int) {
        self.timestamp = timestamp
        self.deliveryAttempts = deliveryAttempts
        self.bounces = bounces
        self.complaints = complaints
        self.rejects = rejects
    }
}

/// The account's send statistics: counts per 15-minute interval over the
/// last two weeks, as `GetSendStatistics` returns them.
///
/// Intervals are aligned to quarter hours of UTC (SES's own alignment is not
/// documented; its example shows :13 and :43), and only intervals with
/// activity are kept, as in SES's answers.
public struct SendStatistics: Hashable, Sendable {
    /// The interval of one data point.
    public static let interval = SimDuration.minutes(15)
    /// How far back the statistics go.
    public static let retention = SimDuration.days(14)

    private let calendar: SimCalendar
    private var points: [SendDataPoint] = []

    /// Empty statistics on `calendar`'s clock.
    public init(calendar: SimCalendar) {
        self.calendar = calendar
    }

    /// A delivery attempt for `count` recipients at `time`.
    public mutating func recordDeliveryAttempts(_ count: Int = 1, at time: SimTime) {
        update(at: time) { $0.deliveryAttempts += count }
    }

    /// A hard bounce at `time`.
    public mutating func recordBounce(at time: SimTime) { update(at: time) { $0.bounces += 1 } }

    /// A feedback-loop complaint at `time`.
    public mutating func recordComplaint(at time: SimTime) { update(at: time) { $0.complaints += 1 } }

    /// A rejected (virus) message at `time`.
    public mutating func recordReject(at time: SimTime) { update(at: time) { $0.rejects += 1 } }

    /// The data points of the two weeks ending at `now`, oldest first.
    public func dataPoints(at now: SimTime) -> [SendDataPoint] {
        let cutoff = now - Self.retention
        return points.filter { $0.timestamp > cutoff - Self.interval && $0.timestamp <= now }
    }

    private mutating func update(at time: SimTime, _ change: (inout SendDataPoint) -> Void) {
        let start = intervalStart(containing: time)
        if points.last?.timestamp != start {
            points.append(
                SendDataPoint(timestamp: start, deliveryAttempts: 0, bounces: 0, complaints: 0, rejects: 0))
            let cutoff = time - Self.retention - Self.interval
            if let firstLive = points.firstIndex(where: { $0.timestamp > cutoff }), firstLive > 0 {
                points.removeFirst(firstLive)
            }
        }
        change(&points[points.count - 1])
    }

    private func intervalStart(containing time: SimTime) -> SimTime {
        let micros = calendar.unixMicroseconds(of: time)
        let size = Self.interval.microseconds
        let floored = micros >= 0 ? micros / size * size : ((micros + 1) / size - 1) * size
        return calendar.time(unixMicroseconds: floored)
    }
}
