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
    let counters: UnsafeMutablePointer<Int>
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

    // MARK: - Metrics

    /// Counts an event in every CloudWatch destination of its set, when its
    /// tags array (identified by `tagsIdentity`) is cached and every
    /// destination counted an event of its type and tags into a table entry
    /// of this period already (the common case: a client's messages share
    /// one tags array). Returns false, having counted nothing, otherwise.
    ///
    /// Only reads flat arrays of integers: no reference counting, no hashing.
    @inline(__always)
    mutating func countCachedMetrics(
        tagsIdentity: UInt, type: EventType, period: UInt32, setIndex: Int, set: FanOutPlan.CompiledSet
    ) -> Bool {
        guard let entry = tagCache.entry(holding: tagsIdentity, set: setIndex) else { return false }
        let stamp = TagValueCache.stamp(generation: metricsGeneration, period: period)
        let range = set.aggregatorRange
        for index in range where plan.aggregatorTypes[index].contains(type) {
            guard
                let tableEntry = tagCache.tableEntry(
                    entry, aggregator: index &- range.lowerBound, type: type, stamp: stamp)
            else {
                // Rare (the first such event of a period): take back what
                // this event counted, and let the full path count it.
                for counted in range.lowerBound..<index where plan.aggregatorTypes[counted].contains(type) {
                    let countedEntry = tagCache.tableEntry(
                        entry, aggregator: counted &- range.lowerBound, type: type, stamp: stamp)
                    aggregators[counted].open.decrement(entry: countedEntry.unsafelyUnwrapped)
                }
                return false
            }
            aggregators[index].open.increment(entry: tableEntry)
        }
        return true
    }

    /// Counts `event` in every CloudWatch destination of its set that takes
    /// its type: resolves the dimension values (from the tags cache where it
    /// can), counts, and remembers table entries for the cached path.
    @inline(never)
    mutating func countMetrics(_ event: SESEvent, type: EventType, period: UInt32, setIndex: Int) {
        let cacheEntry = resolveSlots(setIndex: setIndex, of: event)
        let stamp = TagValueCache.stamp(generation: metricsGeneration, period: period)
        let aggregatorRange = plan.sets[setIndex].aggregatorRange
        for index in aggregatorRange where aggregators[index].types.contains(type) {
            let local = index &- aggregatorRange.lowerBound
            let cacheable = plan.aggregatorUsesMessageTagsOnly[index]
            if cacheable,
                let tableEntry = tagCache.tableEntry(cacheEntry, aggregator: local, type: type, stamp: stamp)
            {
                aggregators[index].open.increment(entry: tableEntry)
                continue
            }
            let tableEntry = slotValues.withUnsafeBufferPointer { values in
                aggregators[index].count(period: period, type: type, slotValues: values)
            }
            if cacheable, let tableEntry {
                tagCache.setTableEntry(tableEntry, cacheEntry, aggregator: local, type: type, stamp: stamp)
            }
        }
    }

    /// Fills the set's `slotValues` with the interned values `event` gives
    /// its dimensions (or ``ValueSlot/missing`` / ``ValueSlot/suppressed``).
    ///
    /// Message-tag values depend only on the tags array, which a sender
    /// usually shares between all the messages of one client: they are
    /// looked up in the set's part of the ``TagValueCache`` first.
    /// Returns the tags' cache entry.
    mutating func resolveSlots(setIndex: Int, of event: SESEvent) -> Int {
        let range = plan.sets[setIndex].slotRange
        let mail = event.mail
        let tags = mail.storage.tags
        let identity = MailObject.identity(of: tags)
        let place = tagCache.place(of: identity, set: setIndex)
        let cacheHit = place.found
        let cacheEntry = place.entry
        if cacheHit { tagCache.load(cacheEntry, count: range.count, into: &slotValues, at: range.lowerBound) }
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
        if !cacheHit {
            tagCache.store(
                tags, identity: identity, in: cacheEntry, from: slotValues, at: range.lowerBound,
                count: range.count)
        }
        return cacheEntry
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
                timestampMilliseconds: timestamp, counts: account.counts(ofPeriodAt: periodIndex),
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

    deinit { counters.deallocate() }

    /// The events published, by type.
    var eventsByType: EventTypeCounts {
        var counts = EventTypeCounts()
        for type in EventType.allCases { counts[type] = counters[type.rawValue] }
        return counts
    }

    /// The events destination entry `index` received, by type.
    func eventsByType(ofDestination index: Int) -> EventTypeCounts {
        var counts = EventTypeCounts()
        for type in EventType.allCases { counts[type] = counters[10 + index * 10 + type.rawValue] }
        return counts
    }

    // MARK: - Records

    /// Counts an event of `type` for each record destination of `set` that
    /// takes it, when records are not written.
    @inline(__always)
    mutating func countRoutes(type: EventType, set: FanOutPlan.CompiledSet) {
        for index in set.routeRange where plan.routeTypes[index].contains(type) {
            counters[10 &+ plan.routeDestinations[index] &* 10 &+ type.rawValue] &+= 1
        }
    }

    /// Counts and writes the event's record to each record destination of
    /// its set that takes its type.
    @inline(never)
    mutating func routeRecords(_ event: SESEvent, type: EventType, sequence: UInt64, setIndex: Int) {
        let routeRange = plan.sets[setIndex].routeRange
        var serialized = false
        for index in routeRange where plan.routeTypes[index].contains(type) {
            let destinationIndex = plan.routeDestinations[index]
            counters[10 &+ destinationIndex &* 10 &+ type.rawValue] &+= 1
            let sinkIndex = plan.routes[index].sinkIndex
            switch plan.routes[index].envelope {
            case .firehose:
                serializeRecord(event, unlessDone: &serialized)
                recordBuffer.withUnsafeBytes { sinks[sinkIndex].write($0) }
            case .eventBridge(let envelope):
                serializeRecord(event, unlessDone: &serialized)
                lineBuffer.removeAll()
                let setName = plan.setNames[setIndex]
                recordBuffer.withUnsafeBytes { record in
                    envelope.append(
                        record: UnsafeRawBufferPointer(rebasing: record.dropLast()), of: event,
                        configurationSet: setName, sequence: sequence, calendar: calendar, to: &lineBuffer)
                }
                lineBuffer.append(UInt8(ascii: "\n"))
                lineBuffer.withUnsafeBytes { sinks[sinkIndex].write($0) }
            case .sns(let envelope):
                serializeRecord(event, unlessDone: &serialized)
                lineBuffer.removeAll()
                recordBuffer.withUnsafeBytes { record in
                    envelope.append(of: event, sequence: sequence, calendar: calendar, to: &lineBuffer) {
                        serializationCache.appendEscaped(
                            record: UnsafeRawBufferPointer(rebasing: record.dropLast()), to: &$0)
                    }
                }
                lineBuffer.append(UInt8(ascii: "\n"))
                lineBuffer.withUnsafeBytes { sinks[sinkIndex].write($0) }
            }
            recordsWritten[destinationIndex] += 1
        }
    }

    /// Writes `event`'s record and a newline into ``recordBuffer``, unless
    /// `done` says this event's record is already there.
    @inline(__always)
    mutating func serializeRecord(_ event: SESEvent, unlessDone done: inout Bool) {
        guard !done else { return }
        recordBuffer.removeAll()
        serializer.append(event, to: &recordBuffer, cache: &serializationCache)
        recordBuffer.append(UInt8(ascii: "\n"))
        done = true
    }
}
