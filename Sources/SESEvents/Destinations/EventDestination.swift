/// Where a CloudWatch dimension takes its value from.
public enum DimensionValueSource: String, Hashable, Sendable, CaseIterable {
    /// A message tag or auto-tag of the same name.
    case messageTag
    /// An email header of the same name (ASCII only; a non-ASCII value emits no metric).
    case emailHeader
    /// A link tag (`ses:tags` on the clicked link); only Click events have them.
    case linkTag
}

/// One dimension of a CloudWatch event destination.
public struct DimensionConfiguration: Hashable, Sendable {
    /// The dimension's name, and the tag, header or link tag it reads.
    public var name: String
    public var valueSource: DimensionValueSource
    /// Published when the message has no value for the dimension.
    public var defaultValue: String

    public init(name: String, valueSource: DimensionValueSource, defaultValue: String) {
        self.name = name
        self.valueSource = valueSource
        self.defaultValue = defaultValue
    }
}

/// What an event destination publishes to.
public enum EventDestinationKind: Hashable, Sendable {
    /// CloudWatch custom metrics with up to 10 dimensions.
    case cloudWatch(dimensions: [DimensionConfiguration])
    /// A Kinesis Data Firehose delivery stream: one JSON record per line.
    case firehose(deliveryStream: String)
    /// An SNS topic: each record wrapped in an SNS notification.
    case sns(topicArn: String)
    /// An EventBridge event bus: each record wrapped in an EventBridge event.
    case eventBridge(eventBus: String)
}

/// One event destination of a configuration set.
public struct EventDestination: Hashable, Sendable {
    /// `[A-Za-z0-9_-]`, under 64 characters.
    public var name: String
    /// A disabled destination receives nothing.
    public var enabled: Bool
    /// The event types it receives.
    public var matchingTypes: EventTypeSet
    public var kind: EventDestinationKind

    public init(name: String, enabled: Bool, matchingTypes: EventTypeSet, kind: EventDestinationKind) {
        self.name = name
        self.enabled = enabled
        self.matchingTypes = matchingTypes
        self.kind = kind
    }
}
