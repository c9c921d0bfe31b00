import SimCore

extension FanOutCore {
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
}
