/// Fans a run's email sending events out as SES does: each event goes to
/// the enabled destinations of its message's configuration set that match
/// its type, and counts in the account-level metrics whether or not the
/// message had a configuration set.
///
/// - CloudWatch destinations count events per period, event type and
///   dimension values (from a message tag or auto-tag, an email header, or
///   the clicked link's tag, else the dimension's default; a non-ASCII header
///   value emits no metric). DeliveryDelay and Subscription events never
///   reach CloudWatch, as SES documents. Each period's counts are written to
///   the metrics sink in CloudWatch Embedded Metric Format when the period
///   ends, in a fixed order.
/// - Firehose destinations write the record, SNS destinations the record in
///   an SNS notification, EventBridge destinations the record in an
///   EventBridge event — one line each, to the sink of their stream, topic or
///   bus.
/// - Every event is added to the run's ``EventDigest``.
///
/// Usage: create it with the run's configuration and a sink for each of
/// ``EventPublisherConfiguration/outputs``; call ``publish(_:)`` for every
/// event in order; call ``finish()`` at the end of the run (it writes the
/// last period's metrics); then read ``summary()`` and ``eventDigest``.
///
/// A publisher belongs to one replication and one thread.
public final class EventPublisher {
    /// The run's configuration, as validated (and as changed since by
    /// ``update(configurationSets:makeSink:)``).
    public private(set) var configuration: EventPublisherConfiguration
    /// The outputs and the sinks the caller gave for them, in the order
    /// they were made (the configuration's outputs sorted, then those that
    /// later configuration changes added).
    public private(set) var sinks: [(output: RecordOutput, sink: any RecordSink)]
    /// The state. No dynamic exclusivity checks (they would cost more than
    /// the rest of a `publish`): a publisher is used from one thread, and a
    /// sink must not publish from inside `write`.
    @exclusivity(unchecked) private var core: FanOutCore
    /// Whether ``finish()`` has been called.
    public private(set) var isFinished = false

    /// A publisher for `configuration`, which it validates first (throwing
    /// ``EventPublishingValidationError``). `makeSink` is called once for each
    /// of the configuration's ``EventPublisherConfiguration/outputs`` (the
    /// metrics output included), in their sorted order; its errors propagate.
    public init(
        configuration: EventPublisherConfiguration, makeSink: (RecordOutput) throws -> any RecordSink
    ) throws {
        try configuration.validate()
        self.configuration = configuration
        var sinks: [(output: RecordOutput, sink: any RecordSink)] = []
        for output in configuration.outputs {
            sinks.append((output, try makeSink(output)))
        }
        self.sinks = sinks
        let metricsSink = sinks.first { $0.output == .metrics }!.sink
        core = FanOutCore(configuration: configuration, sinks: sinks.map(\.sink), metricsSink: metricsSink)
    }

    /// Follows a change of the configuration sets while the run goes on: a
    /// set created (appended: ``SESEvent/configurationSet`` indexes the new
    /// array, so a set's index never changes), deleted (its destinations
    /// emptied, its place kept) or its destinations created, updated,
    /// disabled or removed. Each set is checked as at creation (names may
    /// repeat: a deleted set's place keeps its name). Outputs that enabled
    /// destinations name for the first time get a sink from `makeSink`;
    /// earlier sinks stay open until the run ends. The metrics counted so
    /// far are written before the change.
    public func update(
        configurationSets: [ConfigurationSetDestinations], makeSink: (RecordOutput) throws -> any RecordSink
    ) throws {
        precondition(!isFinished, "update after finish")
        precondition(
            configurationSets.count >= configuration.configurationSets.count,
            "configuration sets keep their places")
        for (index, set) in configurationSets.enumerated() {
            try set.validate(path: "configurationSets[\(index)]")
        }
        var updated = configuration
        updated.configurationSets = configurationSets
        var sinks = self.sinks
        for output in updated.outputs where !sinks.contains(where: { $0.output == output }) {
            sinks.append((output, try makeSink(output)))
        }
        let outputs = sinks.map(\.output)
        let newSinks = sinks.map(\.sink)
        core.rebuild(configuration: updated, outputs: outputs, sinks: newSinks)
        self.sinks = sinks
        configuration = updated
    }

    /// Publishes one event. Events must come in the run's time order, as the
    /// simulation produces them (a late one still counts, in its own
    /// period's metrics, written with the next period's).
    public func publish(_ event: SESEvent) {
        precondition(!isFinished, "publish after finish")
        core.publish(event)
    }

    /// Publishes `events` in order, as ``publish(_:)`` does one by one: for a
    /// caller that holds a batch (a replay, a benchmark), which it lends
    /// rather than copies event by event.
    public func publish(contentsOf events: [SESEvent]) {
        precondition(!isFinished, "publish after finish")
        events.withUnsafeBufferPointer { events in
            guard let first = events.baseAddress else { return }
            for index in events.indices {
                core.publish(first + index)
            }
        }
    }

    /// Writes the metrics of the periods still open. Call once, after the
    /// last event.
    public func finish() {
        guard !isFinished else { return }
        core.writeMetrics()
        isFinished = true
    }

    /// The number of events published.
    public var eventCount: Int { core.eventCount }

    /// The run's event digest (SHA-256 in hex) over the events so far, or nil
    /// when the configuration turned it off.
    public var eventDigest: String? {
        configuration.computesDigest ? core.digest.hexDigest : nil
    }

    /// What the run published: counts for the account and each destination,
    /// custom metrics and their cost, the digest. CloudWatch figures cover
    /// the periods written so far: call ``finish()`` first.
    public func summary() -> EventPublishingSummary {
        let pricing = configuration.pricing
        var destinations: [EventDestinationSummary] = []
        for (index, entry) in core.plan.destinations.enumerated() {
            let destination = entry.destination
            var kind = "cloudWatch"
            var target: String?
            switch destination.kind {
            case .cloudWatch: break
            case .firehose(let stream):
                kind = "firehose"
                target = stream
            case .sns(let topicArn):
                kind = "sns"
                target = topicArn
            case .eventBridge(let bus):
                kind = "eventBridge"
                target = bus
            }
            var summary = EventDestinationSummary(
                configurationSet: entry.configurationSet, name: destination.name, kind: kind,
                enabled: destination.enabled, target: target, outputFile: entry.output?.fileName,
                eventsByType: core.eventsByType(ofDestination: index),
                recordsWritten: core.recordsWritten[index],
                cloudWatch: nil)
            if case .cloudWatch(let dimensions) = destination.kind {
                var cloudWatch = CloudWatchDestinationSummary(
                    dimensions: dimensions.map(\.name), customMetricCount: 0, estimatedMonthlyCost: 0,
                    eventsWithoutMetric: 0, topDimensionValues: [])
                if let aggregatorIndex = entry.aggregatorIndex {
                    let aggregator = core.aggregators[aggregatorIndex]
                    summary.eventsByType = aggregator.eventsByType
                    cloudWatch.customMetricCount = aggregator.distinct.count
                    cloudWatch.estimatedMonthlyCost = pricing.monthlyCost(
                        metricCount: aggregator.distinct.count)
                    cloudWatch.eventsWithoutMetric = aggregator.eventsWithoutMetric
                    cloudWatch.topDimensionValues = aggregator.topValues(
                        interner: core.interner, limit: CloudWatchDestinationSummary.topValueLimit)
                }
                summary.cloudWatch = cloudWatch
            }
            destinations.append(summary)
        }
        let customMetrics = Self.distinctMetricCount(core.aggregators)
        return EventPublishingSummary(
            eventCount: core.eventCount, eventsByType: core.eventsByType,
            eventsWithoutConfigurationSet: core.eventsWithoutConfigurationSet,
            accountMetrics: core.account.totals, destinations: destinations, customMetricCount: customMetrics,
            estimatedMonthlyCloudWatchCost: pricing.monthlyCost(metricCount: customMetrics),
            eventDigest: eventDigest)
    }

    /// Distinct custom metrics over all destinations. A metric is a namespace
    /// (one per run), a metric name and a set of dimension name–value pairs:
    /// destinations with the same dimension names (in any order) publish into
    /// the same metrics, so their distinct sets are merged.
    static func distinctMetricCount(_ aggregators: [CloudWatchDestinationAggregator]) -> Int {
        var groups: [[String]: [Int]] = [:]
        var groupOrder: [[String]] = []
        for (index, aggregator) in aggregators.enumerated() {
            let names = aggregator.dimensionNames.sorted()
            if groups[names] == nil { groupOrder.append(names) }
            groups[names, default: []].append(index)
        }
        var total = 0
        for names in groupOrder {
            let members = groups[names]!
            if members.count == 1 {
                total += aggregators[members[0]].distinct.count
                continue
            }
            var union = MetricCountTable()
            for member in members {
                let aggregator = aggregators[member]
                // Lane order: the dimensions sorted by name.
                let permutation = aggregator.dimensionNames.indices.sorted {
                    aggregator.dimensionNames[$0] < aggregator.dimensionNames[$1]
                }
                for key in aggregator.distinct.keys {
                    var canonical = MetricKey(period: 0, type: key.type)
                    for (lane, dimension) in permutation.enumerated() {
                        canonical[dimension: lane] = key[dimension: dimension]
                    }
                    union.add(1, to: canonical)
                }
            }
            total += union.count
        }
        return total
    }
}
