import ScenarioFormat
import SimCore

/// One row of the timeline: what happened in one interval.
public struct TimelineRow: Sendable {
    package var start: SimTime
    package var end: SimTime
    package var calls = 0
    package var throttledCalls = 0
    package var recipientsAccepted = 0
    package var recipientsThrottled = 0
    package var recipientsDropped = 0
    /// Per client: accepted, throttled and dropped recipients.
    package var clientAccepted: [Int]
    package var clientThrottled: [Int]
    package var clientDropped: [Int]
    /// Published events by ``SESEvents/EventType`` raw value.
    package var events: [Int] = []
    /// Per dedicated IP (in address order): recipients sent in the interval,
    /// and the warm-up cap in force at its end (nil when warm).
    package var ipVolume: [Int] = []
    package var ipCap: [Int?] = []
    /// Recipients sent through SES's shared pool in the interval.
    package var sharedVolume = 0
    /// Reputation at the interval's end: the account's rates and status,
    /// each configuration set's rates (in the scenario's order), each alarm's state.
    package var reputation = ReputationReading()

    package init(
        start: SimTime, end: SimTime, calls: Int = 0, clientAccepted: [Int], clientThrottled: [Int],
        clientDropped: [Int]
    ) {
        self.start = start
        self.end = end
        self.calls = calls
        self.clientAccepted = clientAccepted
        self.clientThrottled = clientThrottled
        self.clientDropped = clientDropped
    }
}

/// Reputation as read at the end of a timeline row.
package struct ReputationReading: Sendable {
    package var accountBounceRate = 0.0
    package var accountComplaintRate = 0.0
    package var accountVolume = 0
    package var status = "HEALTHY"
    package var setBounceRates: [Double] = []
    package var setComplaintRates: [Double] = []
    /// Each configuration set's eligible messages in its window (zero
    /// before its first message and after a fresh start).
    package var setVolumes: [Int] = []
    package var alarmStates: [String] = []
}

/// The dedicated IPs' cumulative volumes and current caps, read at a row's end.
package struct IPSnapshot: Sendable {
    var totals: [Int]
    var caps: [Int?]
    var sharedTotal: Int
}

/// Cuts the run into intervals and records what happened in each.
struct TimelineRecorder: Sendable {
    let interval: SimDuration
    private(set) var rows: [TimelineRow] = []
    private var current: TimelineRow
    private var callsAtRowStart = 0
    private var ipTotalsAtRowStart: [Int] = []
    private var sharedAtRowStart = 0
    private var throttledCallsAtRowStart = 0

    init(interval: SimDuration, clientCount: Int) {
        self.interval = interval
        let zeros = [Int](repeating: 0, count: clientCount)
        current = TimelineRow(
            start: .start, end: .start + interval, clientAccepted: zeros, clientThrottled: zeros,
            clientDropped: zeros)
    }

    mutating func recordAccepted(_ count: Int, client: Int) {
        current.recipientsAccepted += count
        current.clientAccepted[client] += count
    }

    mutating func recordThrottled(_ count: Int, client: Int) {
        current.recipientsThrottled += count
        current.clientThrottled[client] += count
    }

    mutating func recordDropped(_ count: Int, client: Int) {
        current.recipientsDropped += count
        current.clientDropped[client] += count
    }

    /// Ends the current row at `now` and starts the next.
    mutating func closeRow(
        at now: SimTime, api: APICounters, clients: [ClientRuntime], events: inout EventCounters,
        ips: IPSnapshot, reputation: ReputationReading
    ) {
        var row = current
        row.end = now
        row.events = events.takeRow()
        if ipTotalsAtRowStart.count != ips.totals.count {
            ipTotalsAtRowStart = [Int](repeating: 0, count: ips.totals.count)
        }
        row.ipVolume = zip(ips.totals, ipTotalsAtRowStart).map { $0 - $1 }
        row.ipCap = ips.caps
        row.sharedVolume = ips.sharedTotal - sharedAtRowStart
        row.reputation = reputation
        ipTotalsAtRowStart = ips.totals
        sharedAtRowStart = ips.sharedTotal
        row.calls = api.totalCalls - callsAtRowStart
        let throttledCalls = clients.reduce(0) { $0 + $1.counters.throttledCalls }
        row.throttledCalls = throttledCalls - throttledCallsAtRowStart
        callsAtRowStart = api.totalCalls
        throttledCallsAtRowStart = throttledCalls
        rows.append(row)
        let zeros = [Int](repeating: 0, count: current.clientAccepted.count)
        current = TimelineRow(
            start: now, end: now + interval, clientAccepted: zeros, clientThrottled: zeros,
            clientDropped: zeros)
    }

    /// Closes a last, possibly shorter, row at the run's end if anything is pending.
    mutating func finish(
        at end: SimTime, api: APICounters, clients: [ClientRuntime], events: inout EventCounters,
        ips: IPSnapshot, reputation: ReputationReading
    ) {
        if current.start < end {
            closeRow(at: end, api: api, clients: clients, events: &events, ips: ips, reputation: reputation)
        }
    }
}
