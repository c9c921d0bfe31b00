import SESEvents
import SESModel

extension SESV1Input {
    /// The configuration set and event destination operations.
    static func configurationSet(_ operation: String, _ input: V1Parameters) throws(SESV1InputError)
        -> SESV1Call
    {
        let name = input.requiredString("ConfigurationSetName")
        let request: SESRequest
        var presentation = SESV1Call.Presentation.standard
        switch operation {
        case "CreateConfigurationSet":
            request = .createConfigurationSet(
                ConfigurationSet(name: input.object("ConfigurationSet")?.requiredString("Name") ?? ""))
        case "DeleteConfigurationSet":
            request = .deleteConfigurationSet(name: name)
        case "DescribeConfigurationSet":
            request = .describeConfigurationSet(name: name)
            presentation = .configurationSet(attributes: Set(input.strings("ConfigurationSetAttributeNames")))
        case "ListConfigurationSets":
            // API-v1 gives no default page size: 1,000, as for identities.
            let page = try page(input, defaultSize: 1_000, maximum: 1_000)
            request = .listConfigurationSets
            presentation = .page(offset: page.offset, size: page.size)
        case "UpdateConfigurationSetSendingEnabled":
            request = .updateConfigurationSetSendingEnabled(
                name: name, enabled: input.bool("Enabled") ?? false)
        case "UpdateConfigurationSetReputationMetricsEnabled":
            request = .updateConfigurationSetReputationMetricsEnabled(
                name: name, enabled: input.bool("Enabled") ?? false)
        case "CreateConfigurationSetEventDestination":
            request = .createConfigurationSetEventDestination(
                configurationSet: name, destination: try eventDestination(input.object("EventDestination")))
        case "UpdateConfigurationSetEventDestination":
            request = .updateConfigurationSetEventDestination(
                configurationSet: name, destination: try eventDestination(input.object("EventDestination")))
        case "DeleteConfigurationSetEventDestination":
            request = .deleteConfigurationSetEventDestination(
                configurationSet: name, destinationName: input.requiredString("EventDestinationName"))
        default:
            throw SESV1InputError(.invalidAction(operation))
        }
        return SESV1Call(operation: operation, request: request, presentation: presentation)
    }

    /// v1's `EventDestination`: exactly one of Firehose, CloudWatch and SNS.
    /// `Enabled` is false when absent, as API-v1 documents. The event types
    /// are the model's eight (`send` … `renderingFailure`); v1 has no
    /// `deliveryDelay` or `subscription`.
    static func eventDestination(_ input: V1Parameters?) throws(SESV1InputError) -> EventDestination {
        guard let input else {
            return EventDestination(name: "", enabled: false, matchingTypes: [], kind: .sns(topicArn: ""))
        }
        var types = EventTypeSet()
        for name in input.strings("MatchingEventTypes") {
            if let type = EventType.allCases.first(where: { v1Name($0) == name }) {
                types.insert(EventTypeSet(type))
            }
        }
        var kinds: [EventDestinationKind] = []
        if let firehose = input.object("KinesisFirehoseDestination") {
            kinds.append(.firehose(deliveryStream: firehose.requiredString("DeliveryStreamARN")))
        }
        if let cloudWatch = input.object("CloudWatchDestination") {
            let dimensions = cloudWatch.objects("DimensionConfigurations").map { dimension in
                DimensionConfiguration(
                    name: dimension.requiredString("DimensionName"),
                    valueSource: DimensionValueSource(
                        rawValue: dimension.requiredString("DimensionValueSource"))
                        ?? .messageTag,
                    defaultValue: dimension.requiredString("DefaultDimensionValue"))
            }
            kinds.append(.cloudWatch(dimensions: dimensions))
        }
        if let sns = input.object("SNSDestination") {
            kinds.append(.sns(topicArn: sns.requiredString("TopicARN")))
        }
        guard kinds.count == 1, let kind = kinds.first else {
            throw SESV1InputError(
                SESV1Error(
                    .invalidParameterValue,
                    "An event destination needs exactly one of KinesisFirehoseDestination, CloudWatchDestination "
                        + "or SNSDestination."),
                at: input.path)
        }
        return EventDestination(
            name: input.requiredString("Name"), enabled: input.bool("Enabled") ?? false, matchingTypes: types,
            kind: kind)
    }

    /// v1's `EventType` name of `type` (`send`, `renderingFailure`, …).
    static func v1Name(_ type: EventType) -> String {
        switch type {
        case .send: "send"
        case .reject: "reject"
        case .bounce: "bounce"
        case .complaint: "complaint"
        case .delivery: "delivery"
        case .open: "open"
        case .click: "click"
        case .renderingFailure: "renderingFailure"
        case .deliveryDelay: "deliveryDelay"
        case .subscription: "subscription"
        }
    }
}
