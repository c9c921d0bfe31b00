import SimCore

/// The publisher's mutable state and its per-event work, as one value so
/// that a `publish` is a single exclusive access (the class around it pays
/// for dynamic exclusivity checking once per event, not once per field).
struct FanOutCore {
    let plan: FanOutPlan
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
    var eventCount = 0
    var eventsByType = EventTypeCounts()
    var eventsWithoutConfigurationSet = 0
    /// Per destination entry: events received by type, and records written.
    var destinationCounts: [EventTypeCounts]
    var recordsWritten: [Int]

    /// The interned value of each slot for the event in hand.
    var slotValues: [UInt32]
    /// The record in hand, followed by a newline.
    var recordBuffer: [UInt8] = []
    /// The envelope or metrics line in hand.
    var lineBuffer: [UInt8] = []

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
        destinationCounts = Array(repeating: EventTypeCounts(), count: plan.destinations.count)
        recordsWritten = Array(repeating: 0, count: plan.destinations.count)
        slotValues = Array(repeating: ValueSlot.missing, count: plan.slots.count)
        recordBuffer.reserveCapacity(8192)
        lineBuffer.reserveCapacity(16384)
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

    mutating func publish(_ event: SESEvent) {
        let type = event.type
        let sequence = UInt64(eventCount)
        eventCount += 1
        eventsByType[type] += 1
        let period = period(of: event.time)
        if period > openPeriod {
            writeMetrics()
            openPeriod = period
        }
        if type.metricName != nil {
            account.add(period: period, type: type)
        }
        guard let setIndex = event.configurationSet else {
            eventsWithoutConfigurationSet += 1
            if computesDigest { digest.add(event, configurationSet: nil) }
            return
        }
        precondition(plan.sets.indices.contains(setIndex), "event names configuration set \(setIndex), not configured")
        if computesDigest { digest.add(event, configurationSet: plan.sets[setIndex].name) }
        if plan.sets[setIndex].cloudWatchTypes.contains(type) {
            countMetrics(event, type: type, period: period, setIndex: setIndex)
        }
        if plan.sets[setIndex].recordTypes.contains(type) {
            routeRecords(event, type: type, sequence: sequence, setIndex: setIndex)
        }
    }

    // MARK: - Metrics

    @inline(__always)
    mutating func countMetrics(_ event: SESEvent, type: EventType, period: UInt32, setIndex: Int) {
        let set = plan.sets[setIndex]
        resolveSlots(set.slotRange, of: event)
        for index in set.aggregatorRange where aggregators[index].types.contains(type) {
            slotValues.withUnsafeBufferPointer { values in
                aggregators[index].count(period: period, type: type, slotValues: values)
            }
        }
    }

    /// Fills `slotValues[range]` with the interned values `event` gives the
    /// set's dimensions (or ``ValueSlot/missing`` / ``ValueSlot/suppressed``).
    @inline(__always)
    mutating func resolveSlots(_ range: Range<Int>, of event: SESEvent) {
        let mail = event.mail
        for index in range {
            let slot = plan.slots[index]
            var resolved = ValueSlot.missing
            switch slot.source {
            case .messageTag:
                if let value = Self.tagValue(
                    named: slot.name, length: plan.slotNameLengths[index], in: mail.storage.tags,
                    outgoingIp: mail.storage.outgoingIp)
                {
                    resolved = interner.intern(value)
                }
            case .emailHeader:
                if let value = Self.headerValue(named: slot.name, in: mail.storage.headers) {
                    resolved = value.utf8.allSatisfy({ $0 < 0x80 }) ? interner.intern(value) : ValueSlot.suppressed
                }
            case .linkTag:
                if case .click(let click) = event.detail,
                    let value = Self.tagValue(
                        named: slot.name, length: plan.slotNameLengths[index], in: click.linkTags, outgoingIp: nil)
                {
                    resolved = interner.intern(value)
                }
            }
            slotValues[index] = resolved
        }
    }

    /// The first value of the pair named `name` (UTF-8 length `length`), or
    /// the outgoing IP for `ses:outgoing-ip`.
    @inline(__always)
    static func tagValue(named name: String, length: Int, in pairs: [NameValue], outgoingIp: String?) -> String? {
        for index in pairs.indices where pairs[index].name.utf8.count == length && pairs[index].name == name {
            return pairs[index].value
        }
        if length == 15 && name == "ses:outgoing-ip" { return outgoingIp }
        return nil
    }

    /// The value of the first header named `name`, ignoring ASCII case.
    static func headerValue(named name: String, in headers: [NameValue]) -> String? {
        for index in headers.indices where HeaderName.equalIgnoringASCIICase(headers[index].name, name) {
            return headers[index].value
        }
        return nil
    }

    /// Writes every open period's metrics lines, in period order: the account
    /// line, then each CloudWatch destination's lines in configuration order,
    /// each sorted by dimension values.
    mutating func writeMetrics() {
        guard !account.isEmpty else { return }
        let orders = aggregators.map { $0.sortedEntries(interner: interner) }
        var cursors = Array(repeating: 0, count: aggregators.count)
        var counts = [UInt64](repeating: 0, count: EventType.allCases.count)
        for (periodIndex, period) in account.periods.enumerated() {
            let timestamp = timestampMilliseconds(ofPeriod: period)
            lineBuffer.removeAll(keepingCapacity: true)
            accountFormat.appendLine(
                timestampMilliseconds: timestamp, counts: account.counts[periodIndex], dimensionValues: [String](),
                to: &lineBuffer)
            metricsSink.write(lineBuffer)
            for aggregatorIndex in aggregators.indices {
                let order = orders[aggregatorIndex]
                let keys = aggregators[aggregatorIndex].open.keys
                let entryCounts = aggregators[aggregatorIndex].open.counts
                let dimensionCount = aggregators[aggregatorIndex].dimensionNames.count
                var cursor = cursors[aggregatorIndex]
                while cursor < order.count && keys[order[cursor]].period == period {
                    let first = keys[order[cursor]]
                    for index in counts.indices { counts[index] = 0 }
                    while cursor < order.count && Self.sameLine(keys[order[cursor]], first) {
                        counts[Int(keys[order[cursor]].lanes[1])] += entryCounts[order[cursor]]
                        cursor += 1
                    }
                    let interner = self.interner
                    lineBuffer.removeAll(keepingCapacity: true)
                    aggregators[aggregatorIndex].format.appendLine(
                        timestampMilliseconds: timestamp, counts: counts,
                        dimensionValues: (0..<dimensionCount).lazy.map { interner[first[dimension: $0]] },
                        to: &lineBuffer)
                    metricsSink.write(lineBuffer)
                }
                cursors[aggregatorIndex] = cursor
            }
        }
        for index in aggregators.indices {
            assert(cursors[index] == orders[index].count, "a metric's period had no account line")
            aggregators[index].closeOpenEntries()
        }
        account.removeAll()
    }

    /// Whether two keys belong on one line: same period and dimension values.
    @inline(__always)
    static func sameLine(_ left: MetricKey, _ right: MetricKey) -> Bool {
        var a = left.lanes
        var b = right.lanes
        a[1] = 0
        b[1] = 0
        return a == b
    }

    // MARK: - Records

    mutating func routeRecords(_ event: SESEvent, type: EventType, sequence: UInt64, setIndex: Int) {
        let set = plan.sets[setIndex]
        var serialized = false
        for index in set.routeRange where plan.routes[index].types.contains(type) {
            let route = plan.routes[index]
            destinationCounts[route.destinationIndex][type] += 1
            guard writesRecords else { continue }
            if !serialized {
                recordBuffer.removeAll(keepingCapacity: true)
                serializer.append(event, to: &recordBuffer)
                recordBuffer.append(UInt8(ascii: "\n"))
                serialized = true
            }
            switch route.envelope {
            case .firehose:
                sinks[route.sinkIndex].write(recordBuffer)
            case .sns(let envelope):
                lineBuffer.removeAll(keepingCapacity: true)
                recordBuffer.withUnsafeBufferPointer { record in
                    envelope.append(
                        record: UnsafeBufferPointer(rebasing: record.dropLast()), of: event, sequence: sequence,
                        calendar: calendar, to: &lineBuffer)
                }
                lineBuffer.append(UInt8(ascii: "\n"))
                sinks[route.sinkIndex].write(lineBuffer)
            case .eventBridge(let envelope):
                lineBuffer.removeAll(keepingCapacity: true)
                recordBuffer.withUnsafeBufferPointer { record in
                    envelope.append(
                        record: UnsafeBufferPointer(rebasing: record.dropLast()), of: event,
                        configurationSet: set.name, sequence: sequence, calendar: calendar, to: &lineBuffer)
                }
                lineBuffer.append(UInt8(ascii: "\n"))
                sinks[route.sinkIndex].write(lineBuffer)
            }
            recordsWritten[route.destinationIndex] += 1
        }
    }
}
