import SESEvents
import SESModel
import SimJSON

extension SESV1Output {
    /// `DescribeConfigurationSet`: the set's name, and the attributes asked
    /// for (`eventDestinations`, `trackingOptions`, `deliveryOptions`,
    /// `reputationOptions`). The model keeps no TLS policy: `Optional`, SES's
    /// default. Tracking options appear when the set has a custom redirect domain.
    func configurationSet(_ set: ConfigurationSet, attributes: Set<String>) -> JSONValue {
        var members: [String: JSONValue] = ["ConfigurationSet": .object(["Name": .string(set.name)])]
        if attributes.contains("eventDestinations") {
            members["EventDestinations"] = .array(set.eventDestinations.map(eventDestination))
        }
        if attributes.contains("trackingOptions"), let domain = set.customRedirectDomain {
            members["TrackingOptions"] = .object(["CustomRedirectDomain": .string(domain)])
        }
        if attributes.contains("deliveryOptions") {
            members["DeliveryOptions"] = .object(["TlsPolicy": .string("Optional")])
        }
        if attributes.contains("reputationOptions") {
            var reputation: [String: JSONValue] = [
                "SendingEnabled": .bool(set.sendingEnabled),
                "ReputationMetricsEnabled": .bool(set.reputationMetricsEnabled),
            ]
            if let fresh = set.lastFreshStart {
                reputation["LastFreshStart"] = .string(calendar.timestamp(fresh))
            }
            members["ReputationOptions"] = .object(reputation)
        }
        return .object(members)
    }

    /// A destination in v1's `EventDestination` shape. The model keeps no IAM
    /// role for a Firehose destination: it reads as the account's
    /// `sesim-firehose` role (as in API v2). An EventBridge destination (made
    /// through v2 or the scenario) has no v1 member for its kind.
    func eventDestination(_ destination: EventDestination) -> JSONValue {
        var members: [String: JSONValue] = [
            "Name": .string(destination.name), "Enabled": .bool(destination.enabled),
            "MatchingEventTypes": .array(
                destination.matchingTypes.types.map { .string(SESV1Input.v1Name($0)) }),
        ]
        switch destination.kind {
        case .firehose(let stream):
            members["KinesisFirehoseDestination"] = .object([
                "IAMRoleARN": .string("arn:aws:iam::\(accountId):role/sesim-firehose"),
                "DeliveryStreamARN": .string(stream),
            ])
        case .cloudWatch(let dimensions):
            members["CloudWatchDestination"] = .object([
                "DimensionConfigurations": .array(
                    dimensions.map { dimension in
                        .object([
                            "DimensionName": .string(dimension.name),
                            "DimensionValueSource": .string(dimension.valueSource.rawValue),
                            "DefaultDimensionValue": .string(dimension.defaultValue),
                        ])
                    })
            ])
        case .sns(let topic):
            members["SNSDestination"] = .object(["TopicARN": .string(topic)])
        case .eventBridge:
            break
        }
        return .object(members)
    }
}
