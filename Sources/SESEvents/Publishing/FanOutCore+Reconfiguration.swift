extension FanOutCore {
    /// Follows a change of the configuration sets while the run goes on
    /// (sets or destinations created, updated, disabled or deleted): the
    /// metrics counted so far are written first, then the fan-out uses
    /// `plan`. What each destination counted (events by type, records,
    /// CloudWatch totals and distinct metrics) carries over to the
    /// destination of the same set and name when it is still a destination
    /// of the same shape; `sinks` are the sinks of `plan.outputs`, in order.
    mutating func reconfigure(plan newPlan: FanOutPlan, sinks newSinks: [any RecordSink]) {
        writeMetrics()
        let typeCount = EventType.allCases.count
        var oldDestinations: [String: Int] = [:]
        for (index, entry) in plan.destinations.enumerated() {
            oldDestinations["\(entry.setIndex)/\(entry.destination.name)"] = index
        }
        let counterCount = typeCount * (1 + newPlan.destinations.count)
        let newCounters = UnsafeMutablePointer<Int>.allocate(capacity: counterCount)
        newCounters.initialize(repeating: 0, count: counterCount)
        for type in 0..<typeCount { newCounters[type] = counters[type] }
        var newRecordsWritten = Array(repeating: 0, count: newPlan.destinations.count)
        var newAggregators = newPlan.aggregators
        for (index, entry) in newPlan.destinations.enumerated() {
            guard let old = oldDestinations["\(entry.setIndex)/\(entry.destination.name)"] else { continue }
            for type in 0..<typeCount {
                newCounters[typeCount + index * typeCount + type] =
                    counters[typeCount + old * typeCount + type]
            }
            newRecordsWritten[index] = recordsWritten[old]
            if let newAggregator = entry.aggregatorIndex,
                let oldAggregator = plan.destinations[old].aggregatorIndex,
                aggregators[oldAggregator].dimensionNames == newAggregators[newAggregator].dimensionNames
            {
                newAggregators[newAggregator].carryTotals(from: aggregators[oldAggregator])
            }
        }
        counters.deallocate()
        counters = newCounters
        recordsWritten = newRecordsWritten
        aggregators = newAggregators
        plan = newPlan
        sinks = newSinks
        tagCache = TagValueCache(
            slotCounts: newPlan.sets.map(\.slotRange.count),
            aggregatorCounts: newPlan.sets.map(\.aggregatorRange.count))
        slotValues = Array(repeating: ValueSlot.missing, count: newPlan.slots.count)
        metricsGeneration &+= 1
    }
}

extension CloudWatchDestinationAggregator {
    /// Takes over the totals `other` counted (its open periods written):
    /// distinct metrics, events by type and per value, events without a metric.
    mutating func carryTotals(from other: CloudWatchDestinationAggregator) {
        distinct = other.distinct
        eventsByType = other.eventsByType
        valueCounts = other.valueCounts
        eventsWithoutMetric = other.eventsWithoutMetric
    }
}

extension FanOutCore {
    /// Compiles `configuration` against the sinks of `outputs` and switches to it.
    mutating func rebuild(
        configuration: EventPublisherConfiguration, outputs: [RecordOutput], sinks: [any RecordSink]
    ) {
        var interner = self.interner
        let newPlan = FanOutPlan(configuration: configuration, interner: &interner, outputs: outputs)
        self.interner = interner
        reconfigure(plan: newPlan, sinks: sinks)
    }
}
