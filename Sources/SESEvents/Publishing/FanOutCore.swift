import SimCore

/// The publisher's mutable state and its per-event work, as one value so
/// that a `publish` is a single exclusive access (the class around it pays
/// for dynamic exclusivity checking once per event, not once per field).
struct FanOutCore: ~Copyable {
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
    /// The open period's bounds in µs since the start, to place most events
    /// without a division.
    var openPeriodStart: Int64 = .max
    var openPeriodEnd: Int64 = .min
    /// Per configuration set, message-tag dimension values already resolved
    /// for recently seen tag arrays.
    var tagCaches: [TagValueCache]
    /// Bumped whenever the metric tables are written and cleared, so that
    /// table entries remembered in ``tagCaches`` go stale.
    var metricsGeneration: UInt32 = 0
    var eventCount = 0
    var eventsByType = EventTypeCounts()
    var eventsWithoutConfigurationSet = 0
    /// Per destination entry: events received by type, and records written.
    /// `destinationCounts[destination * 10 + type.rawValue]`.
    var destinationCounts: [Int]
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
        destinationCounts = Array(repeating: 0, count: plan.destinations.count * EventType.allCases.count)
        tagCaches = plan.sets.map {
            TagValueCache(slotCount: $0.slotRange.count, aggregatorCount: $0.aggregatorRange.count)
        }
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

    mutating func publish(_ event: SESEvent) {
        let type = event.type
        let sequence = UInt64(eventCount)
        eventCount += 1
        eventsByType[type] += 1
        let micros = event.time.microsecondsSinceStart
        let period: UInt32
        if micros >= openPeriodStart && micros < openPeriodEnd {
            period = openPeriod
        } else {
            period = self.period(of: event.time)
            if period > openPeriod || openPeriodStart == .max {
                writeMetrics()
                openPeriod = period
                let start = (basePeriod + Int64(period)) * periodMicroseconds - calendar.startUnixMicroseconds
                openPeriodStart = start
                openPeriodEnd = start + periodMicroseconds
            }
        }
        if type.metricName != nil {
            account.add(period: period, type: type)
        }
        guard let setIndex = event.configurationSet else {
            eventsWithoutConfigurationSet += 1
            if computesDigest { digest.add(event, configurationSet: nil) }
            return
        }
        precondition(
            plan.sets.indices.contains(setIndex), "event names configuration set \(setIndex), not configured")
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
        let cacheEntry = resolveSlots(setIndex: setIndex, of: event)
        let stamp = TagValueCache.stamp(generation: metricsGeneration, period: period)
        let aggregatorRange = plan.sets[setIndex].aggregatorRange
        for index in aggregatorRange where aggregators[index].types.contains(type) {
            let local = index &- aggregatorRange.lowerBound
            let cacheable = plan.aggregatorUsesMessageTagsOnly[index]
            if cacheable,
                let tableEntry = tagCaches[setIndex].tableEntry(
                    cacheEntry, aggregator: local, type: type, stamp: stamp)
            {
                aggregators[index].open.increment(entry: tableEntry)
                continue
            }
            let tableEntry = slotValues.withUnsafeBufferPointer { values in
                aggregators[index].count(period: period, type: type, slotValues: values)
            }
            if cacheable, let tableEntry {
                tagCaches[setIndex].setTableEntry(
                    tableEntry, cacheEntry, aggregator: local, type: type, stamp: stamp)
            }
        }
    }

    /// Fills the set's `slotValues` with the interned values `event` gives
    /// its dimensions (or ``ValueSlot/missing`` / ``ValueSlot/suppressed``).
    ///
    /// Message-tag values depend only on the tags array, which a sender
    /// usually shares between all the messages of one client: they are
    /// looked up in the set's ``TagValueCache`` first.
    /// Returns the tags' cache entry.
    @inline(__always)
    mutating func resolveSlots(setIndex: Int, of event: SESEvent) -> Int {
        let range = plan.sets[setIndex].slotRange
        let mail = event.mail
        let tags = mail.storage.tags
        let cachedEntry = tagCaches[setIndex].load(tags, into: &slotValues, at: range.lowerBound)
        let cacheHit = cachedEntry != nil
        for index in range {
            var resolved = ValueSlot.missing
            switch plan.slotSources[index] {
            case .messageTag:
                if plan.slotIsOutgoingIp[index] {
                    if let ip = mail.storage.outgoingIp { resolved = interner.intern(ip) }
                } else if cacheHit {
                    continue
                } else if let value = Self.tagValue(
                    named: plan.slots[index].name, length: plan.slotNameLengths[index], in: tags)
                {
                    resolved = interner.intern(value)
                }
            case .emailHeader:
                if let value = Self.headerValue(named: plan.slots[index].name, in: mail.storage.headers) {
                    resolved =
                        value.utf8.allSatisfy({ $0 < 0x80 }) ? interner.intern(value) : ValueSlot.suppressed
                }
            case .linkTag:
                if case .click(let click) = event.detail,
                    let value = Self.tagValue(
                        named: plan.slots[index].name, length: plan.slotNameLengths[index], in: click.linkTags
                    )
                {
                    resolved = interner.intern(value)
                }
            }
            slotValues[index] = resolved
        }
        if let cachedEntry { return cachedEntry }
        return tagCaches[setIndex].store(tags, from: slotValues, at: range.lowerBound)
    }

    /// The first value of the pair named `name` (UTF-8 length `length`).
    @inline(__always)
    static func tagValue(named name: String, length: Int, in pairs: [NameValue]) -> String? {
        for index in pairs.indices where pairs[index].name.utf8.count == length && pairs[index].name == name {
            return pairs[index].value
        }
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
        let ranks = valueRanks()
        let orders = aggregators.map { $0.sortedEntries(ranks: ranks) }
        var cursors = Array(repeating: 0, count: aggregators.count)
        var counts = [UInt64](repeating: 0, count: EventType.allCases.count)
        for (periodIndex, period) in account.periods.enumerated() {
            let timestamp = timestampMilliseconds(ofPeriod: period)
            lineBuffer.removeAll()
            accountFormat.appendLine(
                timestampMilliseconds: timestamp, counts: account.counts[periodIndex],
                dimensionValues: [String](),
                to: &lineBuffer)
            lineBuffer.withUnsafeBytes { metricsSink.write($0) }
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
                        counts[keys[order[cursor]].type.rawValue] += entryCounts[order[cursor]]
                        cursor += 1
                    }
                    let interner = self.interner
                    lineBuffer.removeAll()
                    aggregators[aggregatorIndex].format.appendLine(
                        timestampMilliseconds: timestamp, counts: counts,
                        dimensionValues: (0..<dimensionCount).lazy.map { interner[first[dimension: $0]] },
                        to: &lineBuffer)
                    lineBuffer.withUnsafeBytes { metricsSink.write($0) }
                }
                cursors[aggregatorIndex] = cursor
            }
        }
        for index in aggregators.indices {
            assert(cursors[index] == orders[index].count, "a metric's period had no account line")
            aggregators[index].closeOpenEntries()
        }
        account.removeAll()
        metricsGeneration &+= 1
    }

    /// For every interned value, its rank in UTF-8 byte order among the
    /// values the open entries use: entries then sort by integers.
    func valueRanks() -> [UInt32] {
        var used = [Bool](repeating: false, count: interner.count)
        for aggregator in aggregators {
            for key in aggregator.open.keys {
                for dimension in 0..<aggregator.dimensionNames.count {
                    used[Int(key[dimension: dimension])] = true
                }
            }
        }
        let interner = self.interner
        let sorted = used.indices.filter { used[$0] }.sorted {
            Self.precedes(interner[UInt32($0)], interner[UInt32($1)])
        }
        var ranks = [UInt32](repeating: 0, count: interner.count)
        for (rank, id) in sorted.enumerated() { ranks[id] = UInt32(rank) }
        return ranks
    }

    /// Whether `left` sorts before `right` in UTF-8 byte order.
    static func precedes(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    /// Whether two keys belong on one line: same period and dimension values.
    @inline(__always)
    static func sameLine(_ left: MetricKey, _ right: MetricKey) -> Bool {
        var a = left
        var b = right
        a.clearType()
        b.clearType()
        return a == b
    }

    /// The events destination entry `index` received, by type.
    func eventsByType(ofDestination index: Int) -> EventTypeCounts {
        var counts = EventTypeCounts()
        for type in EventType.allCases { counts[type] = destinationCounts[index * 10 + type.rawValue] }
        return counts
    }

    // MARK: - Records

    mutating func routeRecords(_ event: SESEvent, type: EventType, sequence: UInt64, setIndex: Int) {
        let routeRange = plan.sets[setIndex].routeRange
        var serialized = false
        for index in routeRange where plan.routeTypes[index].contains(type) {
            let destinationIndex = plan.routeDestinations[index]
            destinationCounts[destinationIndex &* 10 &+ type.rawValue] &+= 1
            guard writesRecords else { continue }
            if !serialized {
                recordBuffer.removeAll()
                serializer.append(event, to: &recordBuffer, cache: &serializationCache)
                recordBuffer.append(UInt8(ascii: "\n"))
                serialized = true
            }
            let sinkIndex = plan.routes[index].sinkIndex
            switch plan.routes[index].envelope {
            case .firehose:
                recordBuffer.withUnsafeBytes { sinks[sinkIndex].write($0) }
            case .sns(let envelope):
                lineBuffer.removeAll()
                recordBuffer.withUnsafeBytes { record in
                    envelope.append(
                        record: UnsafeRawBufferPointer(rebasing: record.dropLast()), of: event,
                        sequence: sequence,
                        calendar: calendar, to: &lineBuffer)
                }
                lineBuffer.append(UInt8(ascii: "\n"))
                lineBuffer.withUnsafeBytes { sinks[sinkIndex].write($0) }
            case .eventBridge(let envelope):
                lineBuffer.removeAll()
                let setName = plan.sets[setIndex].name
                recordBuffer.withUnsafeBytes { record in
                    envelope.append(
                        record: UnsafeRawBufferPointer(rebasing: record.dropLast()), of: event,
                        configurationSet: setName, sequence: sequence, calendar: calendar, to: &lineBuffer)
                }
                lineBuffer.append(UInt8(ascii: "\n"))
                lineBuffer.withUnsafeBytes { sinks[sinkIndex].write($0) }
            }
            recordsWritten[destinationIndex] += 1
        }
    }
}
