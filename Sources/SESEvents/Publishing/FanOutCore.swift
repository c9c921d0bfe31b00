import SimCore

/// The publisher's mutable state and its per-event work, as one value so
/// that a `publish` is a single exclusive access (the class around it pays
/// for dynamic exclusivity checking once per event, not once per field).
struct FanOutCore: ~Copyable {
    var plan: FanOutPlan
    let calendar: SimCalendar
    let serializer: EventRecordSerializer
    let writesRecords: Bool
    let computesDigest: Bool
    let periodMicroseconds: Int64
    /// The period containing the run's start, in periods since the epoch.
    let basePeriod: Int64
    let accountFormat: EmbeddedMetricFormat

    var sinks: [any RecordSink]
    var metricsSink: any RecordSink
    var interner: StringInterner
    var aggregators: [CloudWatchDestinationAggregator]
    var account = AccountMetricCounts()
    var digest = EventDigest()

    /// The latest period an event has fallen in; earlier ones are written.
    var openPeriod: UInt32 = 0
    /// The open period's bounds in µs since the start, to place most events
    /// without a division.
    var openPeriodStart: Int64 = .max
    var openPeriodEnd: Int64 = .min
    /// Message-tag dimension values already resolved for recently seen tag
    /// arrays, per configuration set.
    var tagCache: TagValueCache
    /// Bumped whenever the metric tables are written and cleared, so that
    /// table entries remembered in ``tagCache`` go stale.
    var metricsGeneration: UInt32 = 0
    var eventCount = 0
    var eventsWithoutConfigurationSet = 0
    /// Counters bumped for every event, in raw storage that the core owns
    /// (no uniqueness checks on the hot path): events by type
    /// (`counters[type.rawValue]`), then, per destination entry, the events
    /// it received by type (`counters[10 + destination * 10 + type.rawValue]`).
    var counters: UnsafeMutablePointer<Int>
    /// Records written, per destination entry.
    var recordsWritten: [Int]

    /// The interned value of each slot for the event in hand.
    var slotValues: [UInt32]
    /// The record in hand, followed by a newline.
    var recordBuffer = OutputBuffer(capacity: 8192)
    /// The envelope or metrics line in hand.
    var lineBuffer = OutputBuffer(capacity: 16384)
    /// Parts of records shared between messages, serialised once.
    var serializationCache = RecordSerializationCache()

    init(configuration: EventPublisherConfiguration, sinks: [any RecordSink], metricsSink: any RecordSink) {
        var interner = StringInterner()
        plan = FanOutPlan(configuration: configuration, interner: &interner)
        self.interner = interner
        calendar = configuration.calendar
        serializer = EventRecordSerializer(calendar: configuration.calendar)
        writesRecords = configuration.writesRecords
        computesDigest = configuration.computesDigest
        periodMicroseconds = configuration.metricPeriod.microseconds
        basePeriod = Self.floorDivide(configuration.calendar.startUnixMicroseconds, periodMicroseconds)
        accountFormat = EmbeddedMetricFormat(
            namespace: configuration.namespace, dimensionNames: [], properties: [])
        self.sinks = sinks
        self.metricsSink = metricsSink
        aggregators = plan.aggregators
        let counterCount = EventType.allCases.count * (1 + plan.destinations.count)
        counters = .allocate(capacity: counterCount)
        counters.initialize(repeating: 0, count: counterCount)
        tagCache = TagValueCache(
            slotCounts: plan.sets.map(\.slotRange.count),
            aggregatorCounts: plan.sets.map(\.aggregatorRange.count))
        recordsWritten = Array(repeating: 0, count: plan.destinations.count)
        slotValues = Array(repeating: ValueSlot.missing, count: plan.slots.count)
    }

    /// The index of the period containing `time`, counted from the period
    /// containing the run's start.
    @inline(__always)
    func period(of time: SimTime) -> UInt32 {
        let absolute = Self.floorDivide(calendar.unixMicroseconds(of: time), periodMicroseconds)
        return UInt32(clamping: absolute - basePeriod)
    }

    @inline(__always)
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient
    }

    /// The start of period `period`, in milliseconds since the Unix epoch.
    func timestampMilliseconds(ofPeriod period: UInt32) -> Int64 {
        (basePeriod + Int64(period)) * periodMicroseconds / SimDuration.microsecondsPerMillisecond
    }

    /// Publishes `event` (the simulation's path: one event at a time).
    mutating func publish(_ event: SESEvent) {
        let type = event.type
        let (sequence, period) = countEvent(of: type, at: event.time)
        guard let setIndex = event.configurationSet else {
            eventsWithoutConfigurationSet += 1
            if computesDigest { digest.add(event, configurationSet: nil) }
            return
        }
        fanOut(event, type: type, sequence: sequence, period: period, setIndex: setIndex)
    }

    /// Publishes the event `pointer` points to (a batch the caller lends).
    /// The common case — no digest, no record to write, metrics resolved
    /// from the tags cache — reads only the event's time, type,
    /// configuration set and tags identity in place, so the event is neither
    /// copied nor reference-counted; anything else goes the way of
    /// ``publish(_:)-(SESEvent)`` with a copy.
    mutating func publish(_ pointer: UnsafePointer<SESEvent>) {
        let type = pointer.pointee.type
        let (sequence, period) = countEvent(of: type, at: pointer.pointee.time)
        guard let setIndex = pointer.pointee.configurationSet else {
            eventsWithoutConfigurationSet += 1
            if computesDigest { digest.add(pointer.pointee, configurationSet: nil) }
            return
        }
        precondition(
            plan.sets.indices.contains(setIndex), "event names configuration set \(setIndex), not configured")
        let set = plan.sets[setIndex]
        if computesDigest || (writesRecords && set.recordTypes.contains(type))
            || !set.metricsUseMessageTagsOnly
        {
            fanOut(pointer.pointee, type: type, sequence: sequence, period: period, setIndex: setIndex)
            return
        }
        if set.cloudWatchTypes.contains(type)
            && !countCachedMetrics(
                tagsIdentity: pointer.pointee.mail.tagsIdentity, type: type, period: period,
                setIndex: setIndex,
                set: set)
        {
            countMetrics(pointer.pointee, type: type, period: period, setIndex: setIndex)
        }
        if set.recordTypes.contains(type) { countRoutes(type: type, set: set) }
    }

    /// Counts an event of `type` at `time` in the totals and the account
    /// metrics, writing the metrics of the periods before `time`'s first;
    /// returns the event's sequence number and period.
    @inline(__always)
    mutating func countEvent(of type: EventType, at time: SimTime) -> (sequence: UInt64, period: UInt32) {
        let sequence = UInt64(eventCount)
        eventCount += 1
        counters[type.rawValue] &+= 1
        let micros = time.microsecondsSinceStart
        let period: UInt32
        if micros >= openPeriodStart && micros < openPeriodEnd {
            period = openPeriod
        } else {
            period = self.period(of: time)
            if period > openPeriod || openPeriodStart == .max {
                writeMetrics()
                openPeriod = period
                let start = (basePeriod + Int64(period)) * periodMicroseconds - calendar.startUnixMicroseconds
                openPeriodStart = start
                openPeriodEnd = start + periodMicroseconds
            }
        }
        // The account metrics: every type with a `metricName`.
        if type != .deliveryDelay && type != .subscription {
            account.add(period: period, type: type)
        }
        return (sequence, period)
    }

    /// Sends `event`, already counted, to its configuration set's
    /// destinations: the digest, the CloudWatch tables, the record sinks.
    @inline(__always)
    mutating func fanOut(_ event: SESEvent, type: EventType, sequence: UInt64, period: UInt32, setIndex: Int)
    {
        precondition(
            plan.sets.indices.contains(setIndex), "event names configuration set \(setIndex), not configured")
        if computesDigest { digest.add(event, configurationSet: plan.setNames[setIndex]) }
        let set = plan.sets[setIndex]
        if set.cloudWatchTypes.contains(type) {
            if !set.metricsUseMessageTagsOnly
                || !countCachedMetrics(
                    tagsIdentity: event.mail.tagsIdentity, type: type, period: period, setIndex: setIndex,
                    set: set)
            {
                countMetrics(event, type: type, period: period, setIndex: setIndex)
            }
        }
        if set.recordTypes.contains(type) {
            if writesRecords {
                routeRecords(event, type: type, sequence: sequence, setIndex: setIndex)
            } else {
                countRoutes(type: type, set: set)
            }
        }
    }

    deinit { counters.deallocate() }
}
