/// The configuration compiled for the fan-out path: flat arrays indexed by
/// integers, each configuration set owning contiguous ranges of them, so
/// that matching an event is a few bit tests and range loops.
struct FanOutPlan {
    /// One configuration set: ranges and type sets only (no strings or
    /// arrays), so that the hot path reads it without reference counting.
    struct CompiledSet {
        /// Its value slots in ``FanOutPlan/slots``.
        let slotRange: Range<Int>
        /// Its enabled CloudWatch destinations in the core's aggregators.
        let aggregatorRange: Range<Int>
        /// Its enabled record destinations in ``FanOutPlan/routes``.
        let routeRange: Range<Int>
        /// The union of its enabled CloudWatch destinations' types
        /// (DeliveryDelay and Subscription excluded).
        let cloudWatchTypes: EventTypeSet
        /// The union of its enabled record destinations' types.
        let recordTypes: EventTypeSet
        /// Whether every enabled CloudWatch destination's dimensions come from
        /// the message's tags array (``FanOutPlan/aggregatorUsesMessageTagsOnly``),
        /// so that a cached tags array resolves every metric of the event.
        let metricsUseMessageTagsOnly: Bool
    }

    /// How a record destination wraps records.
    enum Envelope {
        case firehose
        case sns(SNSNotificationEnvelope)
        case eventBridge(EventBridgeEnvelope)
    }

    /// One enabled Firehose, SNS or EventBridge destination.
    struct Route {
        let types: EventTypeSet
        let envelope: Envelope
        /// Index of its sink in the core's sinks.
        let sinkIndex: Int
        /// Index of its entry in ``FanOutPlan/destinations``.
        let destinationIndex: Int
    }

    /// Every configured destination, enabled or not, in configuration order,
    /// for the summary.
    struct DestinationEntry {
        /// The set's index, and its name.
        let setIndex: Int
        let configurationSet: String
        let destination: EventDestination
        /// Its aggregator, for an enabled CloudWatch destination.
        let aggregatorIndex: Int?
        /// Its output, for an enabled record destination when records are written.
        let output: RecordOutput?
    }

    let sets: [CompiledSet]
    /// `setNames[i]` is the name of configuration set `i`.
    let setNames: [String]
    let slots: [ValueSlot]
    /// `slotNameLengths[i]` is the UTF-8 length of `slots[i].name`, checked
    /// before comparing names.
    let slotNameLengths: [Int]
    /// Whether `slots[i]` is the `ses:outgoing-ip` message tag, which comes
    /// from the mail's outgoing IP rather than its tags array.
    let slotIsOutgoingIp: [Bool]
    /// `slots[i].source`, apart, so the hot loop copies no strings.
    let slotSources: [DimensionValueSource]
    /// Whether aggregator `i`'s dimensions all come from the message's tags
    /// array (no header, link tag or outgoing IP), so that its metric key is
    /// a function of the tags array and the event type.
    let aggregatorUsesMessageTagsOnly: [Bool]
    /// `aggregators[i].types`, apart.
    let aggregatorTypes: [EventTypeSet]
    /// `routes[i].types` and `routes[i].destinationIndex`, apart.
    let routeTypes: [EventTypeSet]
    let routeDestinations: [Int]
    let routes: [Route]
    let destinations: [DestinationEntry]
    /// The aggregators, in the order ``CompiledSet/aggregatorRange`` refers to.
    let aggregators: [CloudWatchDestinationAggregator]
    /// The sinks' outputs, in index order.
    let outputs: [RecordOutput]

    /// Compiles `configuration` (already validated), interning every default
    /// dimension value into `interner`. `outputs` are the sinks' outputs in
    /// index order (by default the configuration's own).
    init(
        configuration: EventPublisherConfiguration, interner: inout StringInterner,
        outputs: [RecordOutput]? = nil
    ) {
        var sets: [CompiledSet] = []
        var slots: [ValueSlot] = []
        var routes: [Route] = []
        var destinations: [DestinationEntry] = []
        var aggregators: [CloudWatchDestinationAggregator] = []
        let outputs = outputs ?? configuration.outputs
        for (setIndex, set) in configuration.configurationSets.enumerated() {
            let slotStart = slots.count
            let aggregatorStart = aggregators.count
            let routeStart = routes.count
            var cloudWatchTypes = EventTypeSet()
            var recordTypes = EventTypeSet()
            for destination in set.eventDestinations {
                var aggregatorIndex: Int?
                var output: RecordOutput?
                if destination.enabled {
                    switch destination.kind {
                    case .cloudWatch(let dimensions):
                        var slotIndexes: [Int] = []
                        for dimension in dimensions {
                            let slot = ValueSlot(source: dimension.valueSource, name: dimension.name)
                            if let existing = slots[slotStart...].firstIndex(of: slot) {
                                slotIndexes.append(existing)
                            } else {
                                slotIndexes.append(slots.count)
                                slots.append(slot)
                            }
                        }
                        let aggregator = CloudWatchDestinationAggregator(
                            destination: destination, dimensions: dimensions, slotIndexes: slotIndexes,
                            defaultValueIDs: dimensions.map { interner.intern($0.defaultValue) },
                            configurationSet: set.name, namespace: configuration.namespace)
                        cloudWatchTypes.formUnion(aggregator.types)
                        aggregatorIndex = aggregators.count
                        aggregators.append(aggregator)
                    case .firehose, .sns, .eventBridge:
                        recordTypes.formUnion(destination.matchingTypes)
                        let envelope: Envelope
                        switch destination.kind {
                        case .sns(let topicArn):
                            envelope = .sns(
                                SNSNotificationEnvelope(topicArn: topicArn, region: configuration.region))
                        case .eventBridge(let bus):
                            envelope = .eventBridge(
                                EventBridgeEnvelope(
                                    eventBus: bus, region: configuration.region,
                                    accountId: configuration.accountId))
                        default:
                            envelope = .firehose
                        }
                        let recordOutput = destination.recordOutput!
                        if configuration.writesRecords { output = recordOutput }
                        routes.append(
                            Route(
                                types: destination.matchingTypes, envelope: envelope,
                                sinkIndex: outputs.firstIndex(of: recordOutput) ?? -1,
                                destinationIndex: destinations.count))
                    }
                }
                destinations.append(
                    DestinationEntry(
                        setIndex: setIndex, configurationSet: set.name, destination: destination,
                        aggregatorIndex: aggregatorIndex,
                        output: output))
            }
            let setSlots = slots[slotStart...]
            let tagsOnly = aggregators[aggregatorStart...].allSatisfy { aggregator in
                aggregator.slotIndexes.allSatisfy { Self.comesFromTagsArray(setSlots[$0]) }
            }
            sets.append(
                CompiledSet(
                    slotRange: slotStart..<slots.count,
                    aggregatorRange: aggregatorStart..<aggregators.count,
                    routeRange: routeStart..<routes.count,
                    cloudWatchTypes: cloudWatchTypes, recordTypes: recordTypes,
                    metricsUseMessageTagsOnly: tagsOnly))
        }
        self.sets = sets
        setNames = configuration.configurationSets.map(\.name)
        self.slots = slots
        slotNameLengths = slots.map { $0.name.utf8.count }
        slotIsOutgoingIp = slots.map { $0.source == .messageTag && $0.name == "ses:outgoing-ip" }
        slotSources = slots.map(\.source)
        routeTypes = routes.map(\.types)
        aggregatorUsesMessageTagsOnly = aggregators.map { aggregator in
            aggregator.slotIndexes.allSatisfy { Self.comesFromTagsArray(slots[$0]) }
        }
        aggregatorTypes = aggregators.map(\.types)
        routeDestinations = routes.map(\.destinationIndex)
        self.routes = routes
        self.destinations = destinations
        self.aggregators = aggregators
        self.outputs = outputs
    }

    /// Whether `slot`'s value is a function of the message's tags array: a
    /// message tag other than `ses:outgoing-ip` (which SES adds per event).
    static func comesFromTagsArray(_ slot: ValueSlot) -> Bool {
        slot.source == .messageTag && slot.name != "ses:outgoing-ip"
    }
}
