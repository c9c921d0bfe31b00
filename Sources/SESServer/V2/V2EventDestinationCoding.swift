import SESEvents
import SimJSON

/// Event destinations as API v2 writes them (`EventDestinationDefinition`
/// in, `EventDestination` out), to and from the model's ``EventDestination``.
enum V2EventDestinationCoding {
    /// v2's `EventType` names (botocore's enum), by type.
    static func v2Name(_ type: EventType) -> String {
        switch type {
        case .send: "SEND"
        case .reject: "REJECT"
        case .bounce: "BOUNCE"
        case .complaint: "COMPLAINT"
        case .delivery: "DELIVERY"
        case .open: "OPEN"
        case .click: "CLICK"
        case .renderingFailure: "RENDERING_FAILURE"
        case .deliveryDelay: "DELIVERY_DELAY"
        case .subscription: "SUBSCRIPTION"
        }
    }

    static let sources: [(String, DimensionValueSource)] = [
        ("MESSAGE_TAG", .messageTag), ("EMAIL_HEADER", .emailHeader), ("LINK_TAG", .linkTag),
    ]

    /// The destination `name` defined by `definition`. `Enabled` is false
    /// when absent, as SES documents for v1's `EventDestination.Enabled`.
    static func destination(named name: String, definition: JSONInput) throws(V2Error) -> EventDestination {
        var types = EventTypeSet()
        for text in try definition.strings("MatchingEventTypes") {
            guard let type = EventType.allCases.first(where: { v2Name($0) == text }) else {
                throw V2Error.badRequest(
                    "Invalid event type <\(text)>; expected one of "
                        + EventType.allCases.map(v2Name).joined(separator: ", ") + ".")
            }
            types.insert(EventTypeSet(type))
        }
        var kinds: [EventDestinationKind] = []
        if let firehose = try definition.object("KinesisFirehoseDestination") {
            _ = try firehose.requiredString("IamRoleArn")
            kinds.append(.firehose(deliveryStream: try firehose.requiredString("DeliveryStreamArn")))
        }
        if let cloudWatch = try definition.object("CloudWatchDestination") {
            var dimensions: [DimensionConfiguration] = []
            for dimension in try cloudWatch.objects("DimensionConfigurations") {
                let sourceName = try dimension.requiredString("DimensionValueSource")
                guard let source = sources.first(where: { $0.0 == sourceName })?.1 else {
                    throw V2Error.badRequest(
                        "Invalid DimensionValueSource <\(sourceName)>; expected MESSAGE_TAG, EMAIL_HEADER or LINK_TAG."
                    )
                }
                dimensions.append(
                    DimensionConfiguration(
                        name: try dimension.requiredString("DimensionName"), valueSource: source,
                        defaultValue: try dimension.requiredString("DefaultDimensionValue")))
            }
            kinds.append(.cloudWatch(dimensions: dimensions))
        }
        if let sns = try definition.object("SnsDestination") {
            kinds.append(.sns(topicArn: try sns.requiredString("TopicArn")))
        }
        if let eventBridge = try definition.object("EventBridgeDestination") {
            kinds.append(.eventBridge(eventBus: try eventBridge.requiredString("EventBusArn")))
        }
        if try definition.object("PinpointDestination") != nil {
            throw V2Error.badRequest("sesim does not model Amazon Pinpoint event destinations.")
        }
        guard kinds.count == 1, let kind = kinds.first else {
            throw V2Error.badRequest(
                "An event destination needs exactly one of KinesisFirehoseDestination, CloudWatchDestination, "
                    + "SnsDestination or EventBridgeDestination.")
        }
        return EventDestination(
            name: name, enabled: try definition.bool("Enabled") ?? false, matchingTypes: types, kind: kind)
    }

    /// `destination` as `GetConfigurationSetEventDestinations` lists it.
    /// The model keeps no IAM role for a Firehose destination: the role is
    /// given as the account's `sesim-firehose` role.
    static func json(_ destination: EventDestination, accountId: String) -> JSONValue {
        var members: [String: JSONValue] = [
            "Name": .string(destination.name), "Enabled": .bool(destination.enabled),
            "MatchingEventTypes": .array(destination.matchingTypes.types.map { .string(v2Name($0)) }),
        ]
        switch destination.kind {
        case .firehose(let stream):
            members["KinesisFirehoseDestination"] = .object([
                "DeliveryStreamArn": .string(stream),
                "IamRoleArn": .string("arn:aws:iam::\(accountId):role/sesim-firehose"),
            ])
        case .cloudWatch(let dimensions):
            members["CloudWatchDestination"] = .object([
                "DimensionConfigurations": .array(
                    dimensions.map { dimension in
                        .object([
                            "DimensionName": .string(dimension.name),
                            "DimensionValueSource": .string(
                                sources.first { $0.1 == dimension.valueSource }?.0 ?? "MESSAGE_TAG"),
                            "DefaultDimensionValue": .string(dimension.defaultValue),
                        ])
                    })
            ])
        case .sns(let topicArn):
            members["SnsDestination"] = .object(["TopicArn": .string(topicArn)])
        case .eventBridge(let bus):
            members["EventBridgeDestination"] = .object(["EventBusArn": .string(bus)])
        }
        return .object(members)
    }
}
