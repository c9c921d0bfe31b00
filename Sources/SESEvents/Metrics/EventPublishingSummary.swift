/// What a run's event publishing did, for the runner's `summary.json` and
/// report: counts for the account and per destination, the custom metrics
/// each CloudWatch destination created, their estimated cost, and the event
/// digest. Every list is in a fixed order (configuration order, or sorted).
public struct EventPublishingSummary: Hashable, Sendable, Encodable {
    /// Every event handed to the publisher.
    public var eventCount: Int
    /// The same, by type.
    public var eventsByType: EventTypeCounts
    /// Events whose message had no configuration set (published nowhere,
    /// counted in the account metrics).
    public var eventsWithoutConfigurationSet: Int
    /// What the account-level `AWS/SES` metrics counted (DeliveryDelay and
    /// Subscription are not CloudWatch metrics, so they are zero here).
    public var accountMetrics: EventTypeCounts
    /// One entry per event destination, in configuration order.
    public var destinations: [EventDestinationSummary]
    /// Distinct custom metrics over all CloudWatch destinations; destinations
    /// with the same dimension names publish the same metrics and count once.
    public var customMetricCount: Int
    /// ``customMetricCount`` priced with the run's ``CloudWatchPricing``, in
    /// US dollars per month.
    public var estimatedMonthlyCloudWatchCost: Double
    /// The SHA-256 event digest in hex (see ``EventDigest``), or nil when the
    /// publisher did not compute one.
    public var eventDigest: String?
}

/// One event destination's share of a run.
public struct EventDestinationSummary: Hashable, Sendable, Encodable {
    /// The configuration set it belongs to.
    public var configurationSet: String
    /// The destination's name.
    public var name: String
    /// `cloudWatch`, `firehose`, `sns` or `eventBridge`.
    public var kind: String
    /// Whether it was enabled (a disabled destination receives nothing).
    public var enabled: Bool
    /// The delivery stream, topic ARN or event bus; nil for CloudWatch.
    public var target: String?
    /// The output file its records went to (nil for CloudWatch, whose
    /// metrics go to `metrics.jsonl`).
    public var outputFile: String?
    /// Events it received, by type.
    public var eventsByType: EventTypeCounts
    /// Records written to its output (zero when the run did not write
    /// records).
    public var recordsWritten: Int
    /// The CloudWatch specifics, for CloudWatch destinations.
    public var cloudWatch: CloudWatchDestinationSummary?
}

/// A CloudWatch destination's metrics.
public struct CloudWatchDestinationSummary: Hashable, Sendable, Encodable {
    /// The dimension names, in configuration order.
    public var dimensions: [String]
    /// Distinct custom metrics it created: unique combinations of event type
    /// and dimension values (SES's guide: each is a separate, charged metric).
    public var customMetricCount: Int
    /// Its custom metrics priced alone, in US dollars per month.
    public var estimatedMonthlyCost: Double
    /// Events that emitted no metric because an `emailHeader` dimension's
    /// header value was not ASCII (as SES documents).
    public var eventsWithoutMetric: Int
    /// Per dimension, the values with the most events, most first (ties by
    /// value), at most ``topValueLimit``.
    public var topDimensionValues: [DimensionValueRanking]

    /// How many values ``topDimensionValues`` lists per dimension.
    public static let topValueLimit = 10
}

/// The most frequent values of one dimension.
public struct DimensionValueRanking: Hashable, Sendable, Encodable {
    /// The dimension's name.
    public var dimension: String
    /// The values, most events first.
    public var values: [DimensionValueCount]
    /// How many distinct values the dimension took.
    public var distinctValueCount: Int
}

/// One dimension value and the number of events counted under it.
public struct DimensionValueCount: Hashable, Sendable, Encodable {
    public var value: String
    public var count: Int
}
