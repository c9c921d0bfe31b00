import SimCore

/// Everything an ``EventPublisher`` needs to know about the run: the
/// configuration sets and their destinations, where the account is, how time
/// prints, how metrics are grouped and priced, and what to produce.
public struct EventPublisherConfiguration: Hashable, Sendable {
    /// The run's configuration sets; ``SESEvent/configurationSet`` indexes
    /// this array.
    public var configurationSets: [ConfigurationSetDestinations]
    /// The region SES runs in, e.g. `us-east-1` (SNS URLs, EventBridge
    /// events and ARNs carry it).
    public var region: String
    /// The 12-digit account ID.
    public var accountId: String
    /// The run's calendar: prints ``SimTime`` as ISO 8601 UTC.
    public var calendar: SimCalendar
    /// The CloudWatch metric period (1 minute, CloudWatch's standard
    /// resolution, unless changed): counts are summed per period and written
    /// when it ends. A positive whole number of seconds.
    public var metricPeriod: SimDuration
    /// The namespace of the metrics lines. SES publishes its account metrics
    /// and event-destination metrics in `AWS/SES`; CloudWatch keeps `AWS/`
    /// namespaces for AWS services, so replaying the lines into a real
    /// account through EMF needs a namespace of one's own here.
    public var namespace: String
    /// Prices custom metrics for the summary's cost estimate.
    public var pricing: CloudWatchPricing
    /// Whether Firehose, SNS and EventBridge records are serialised and
    /// written. When false, those destinations still count the events they
    /// match, but no record is built (metrics only).
    public var writesRecords: Bool
    /// Whether to compute the run's ``EventDigest``.
    public var computesDigest: Bool

    public init(
        configurationSets: [ConfigurationSetDestinations], region: String, accountId: String,
        calendar: SimCalendar, metricPeriod: SimDuration = .minutes(1), namespace: String = "AWS/SES",
        pricing: CloudWatchPricing = .standard, writesRecords: Bool = true, computesDigest: Bool = true
    ) {
        self.configurationSets = configurationSets
        self.region = region
        self.accountId = accountId
        self.calendar = calendar
        self.metricPeriod = metricPeriod
        self.namespace = namespace
        self.pricing = pricing
        self.writesRecords = writesRecords
        self.computesDigest = computesDigest
    }

    /// Checks every setting against SES's rules, reporting the first problem
    /// with its path (`configurationSets[1].eventDestinations[0].name`).
    public func validate() throws(EventPublishingValidationError) {
        try EventPublishingValidation.validateRegion(region, path: "region")
        try EventPublishingValidation.validateAccountID(accountId, path: "accountId")
        let period = metricPeriod.microseconds
        guard period > 0, period % SimDuration.microsecondsPerSecond == 0 else {
            throw EventPublishingValidationError(
                path: "metricPeriod", problem: .invalidMetricPeriod(microseconds: period))
        }
        for (index, set) in configurationSets.enumerated() {
            let path = "configurationSets[\(index)]"
            try set.validate(path: path)
            if configurationSets[..<index].contains(where: { $0.name == set.name }) {
                throw EventPublishingValidationError(
                    path: path + ".name", problem: .duplicateConfigurationSetName(set.name))
            }
        }
    }

    /// The outputs the run writes, each once, sorted: one per Firehose
    /// stream, SNS topic and EventBridge bus that an enabled destination
    /// names (when records are written), and the metrics output.
    public var outputs: [RecordOutput] {
        var outputs: Set<RecordOutput> = [.metrics]
        if writesRecords {
            for set in configurationSets {
                for destination in set.eventDestinations where destination.enabled {
                    if let output = destination.recordOutput { outputs.insert(output) }
                }
            }
        }
        return outputs.sorted()
    }
}

extension EventDestination {
    /// The output a record destination writes to; nil for CloudWatch.
    public var recordOutput: RecordOutput? {
        switch kind {
        case .cloudWatch: nil
        case .firehose(let stream):
            RecordOutput(kind: .firehose, name: EventPublishingValidation.streamName(stream) ?? stream)
        case .sns(let topicArn):
            RecordOutput(kind: .sns, name: EventPublishingValidation.topicName(topicArn))
        case .eventBridge(let bus):
            RecordOutput(kind: .eventBridge, name: EventPublishingValidation.busName(bus) ?? bus)
        }
    }
}
