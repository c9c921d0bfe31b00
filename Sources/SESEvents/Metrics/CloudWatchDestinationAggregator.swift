/// The metrics of one CloudWatch event destination: counts per (period,
/// event type, dimension values) for the open period(s), and what the run's
/// summary needs once periods are written — the distinct custom metrics, the
/// counts by type and per dimension value.
struct CloudWatchDestinationAggregator {
    /// The destination's event types that CloudWatch takes (never
    /// DeliveryDelay or Subscription).
    let types: EventTypeSet
    /// The dimensions, in configuration order.
    let dimensionNames: [String]
    /// For each dimension, the index of the configuration set's value slot
    /// that resolves it (slots are shared between the set's destinations).
    let slotIndexes: [Int]
    /// For each dimension, the interned default value.
    let defaultValueIDs: [UInt32]
    /// The line shape of its metrics.
    let format: EmbeddedMetricFormat

    /// Counts of the periods not yet written.
    var open = MetricCountTable()
    /// Every (type, dimension values) seen, period lane zero: its count is
    /// the destination's number of custom metrics.
    var distinct = MetricCountTable()
    /// Events counted, by type (updated as periods are written).
    var eventsByType = EventTypeCounts()
    /// Per dimension, events per interned value ID (updated as periods are
    /// written).
    var valueCounts: [[Int]]
    /// Events dropped because an `emailHeader` value was not ASCII.
    var eventsWithoutMetric = 0

    init(
        destination: EventDestination, dimensions: [DimensionConfiguration], slotIndexes: [Int],
        defaultValueIDs: [UInt32], configurationSet: String, namespace: String
    ) {
        var types = destination.matchingTypes
        types.remove(EventTypeSet(.deliveryDelay))
        types.remove(EventTypeSet(.subscription))
        self.types = types
        dimensionNames = dimensions.map(\.name)
        self.slotIndexes = slotIndexes
        self.defaultValueIDs = defaultValueIDs
        format = EmbeddedMetricFormat(
            namespace: namespace, dimensionNames: dimensions.map(\.name),
            properties: [
                ("sesim:configurationSet", configurationSet), ("sesim:eventDestination", destination.name),
            ])
        valueCounts = Array(repeating: [], count: dimensions.count)
    }

    /// Counts one event of `type` in `period`, whose configuration set's
    /// slots resolved to `slotValues`; returns the entry counted, or nil when
    /// a suppressed value (a non-ASCII header) kept the event out.
    @inline(__always)
    @discardableResult
    mutating func count(period: UInt32, type: EventType, slotValues: UnsafeBufferPointer<UInt32>) -> Int? {
        var key = MetricKey(period: period, type: type)
        for dimension in 0..<slotIndexes.count {
            var value = slotValues[slotIndexes[dimension]]
            if value >= ValueSlot.suppressed {
                if value == ValueSlot.suppressed {
                    eventsWithoutMetric += 1
                    return nil
                }
                value = defaultValueIDs[dimension]
            }
            key[dimension: dimension] = value
        }
        return open.addReturningEntry(1, to: key)
    }

    /// The open entries in output order: by period, then by dimension values
    /// (`ranks` orders value IDs as their strings sort), then by event type.
    func sortedEntries(ranks: [UInt32]) -> [Int] {
        let keys = open.keys
        let dimensionCount = dimensionNames.count
        return keys.indices.sorted { left, right in
            let a = keys[left]
            let b = keys[right]
            if a.period != b.period { return a.period < b.period }
            for dimension in 0..<dimensionCount where a[dimension: dimension] != b[dimension: dimension] {
                return ranks[Int(a[dimension: dimension])] < ranks[Int(b[dimension: dimension])]
            }
            return a.type < b.type
        }
    }

    /// Records what the summary needs from the open entries, then forgets
    /// them (their lines have been written).
    mutating func closeOpenEntries() {
        for (index, key) in open.keys.enumerated() {
            let count = Int(open.counts[index])
            eventsByType[key.type] += count
            var metric = key
            metric.period = 0
            distinct.add(1, to: metric)
            for dimension in 0..<dimensionNames.count {
                let value = Int(key[dimension: dimension])
                if valueCounts[dimension].count <= value {
                    valueCounts[dimension].append(
                        contentsOf: repeatElement(0, count: value + 1 - valueCounts[dimension].count))
                }
                valueCounts[dimension][value] += count
            }
        }
        open.removeAll()
    }

    /// The values of each dimension with the most events.
    func topValues(interner: StringInterner, limit: Int) -> [DimensionValueRanking] {
        dimensionNames.indices.map { dimension in
            let counts = valueCounts[dimension]
            let ranked = counts.indices.filter { counts[$0] > 0 }.sorted { left, right in
                if counts[left] != counts[right] { return counts[left] > counts[right] }
                return interner[UInt32(left)].utf8.lexicographicallyPrecedes(interner[UInt32(right)].utf8)
            }
            return DimensionValueRanking(
                dimension: dimensionNames[dimension],
                values: ranked.prefix(limit).map {
                    DimensionValueCount(value: interner[UInt32($0)], count: counts[$0])
                },
                distinctValueCount: ranked.count)
        }
    }
}

/// One value a configuration set's CloudWatch dimensions need from each
/// event: a message tag, email header or link tag by name. Destinations of
/// one set that use the same source and name share the slot, so the value
/// is looked up and interned once per event.
struct ValueSlot: Hashable {
    var source: DimensionValueSource
    var name: String

    /// The slot's value is absent: each destination uses its default.
    static let missing: UInt32 = .max
    /// The value exists but must not be published (a non-ASCII header):
    /// destinations using the slot emit no metric for the event.
    static let suppressed: UInt32 = .max - 1
}
