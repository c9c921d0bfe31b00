import Foundation
import SESEvents
import SESModel
import SESTemplates
import SimCore
import Yams

extension ScenarioReader {
    // MARK: - Configuration sets

    static let configurationSetKeys = [
        "name", "sendingEnabled", "reputationMetrics", "sendingPool", "maxDeliveryTime",
        "customRedirectDomain",
        "eventDestinations",
    ]
    static let destinationKeys = ["name", "enabled", "types", "cloudWatch", "firehose", "sns", "eventBridge"]

    func readConfigurationSets(_ value: YAMLValue?) -> [ConfigurationSet] {
        guard let items = value?.list else { return [] }
        var sets: [ConfigurationSet] = []
        for item in items {
            guard let mapping = item.mapping(allowedKeys: Self.configurationSetKeys),
                let nameValue = mapping.required("name"), let name = nameValue.nonEmptyString
            else { continue }
            do throws(SESError) {
                try ConfigurationSet.validate(name: name)
            } catch {
                nameValue.report(error.message)
            }
            if sets.contains(where: { $0.name == name }) {
                nameValue.report("a configuration set named '\(name)' is already defined")
            }
            var set = ConfigurationSet(name: name)
            set.sendingEnabled = mapping.optional("sendingEnabled")?.bool ?? true
            set.reputationMetricsEnabled = mapping.optional("reputationMetrics")?.bool ?? false
            set.sendingPoolName = mapping.optional("sendingPool")?.nonEmptyString
            set.maximumDeliveryTime = mapping.optional("maxDeliveryTime")?.duration(
                in: ConfigurationSet.maximumDeliveryTimeRange)
            if let domain = mapping.optional("customRedirectDomain") {
                if let text = domain.nonEmptyString {
                    if Self.isDomainName(text) {
                        set.customRedirectDomain = text
                    } else {
                        domain.report("'\(text)' is not a domain name")
                    }
                }
            }
            if let destinations = mapping.optional("eventDestinations")?.list {
                if destinations.count > 10 {
                    mapping.optional("eventDestinations")?.report(
                        "a configuration set has at most 10 event destinations, found \(destinations.count)")
                }
                for destination in destinations {
                    guard let parsed = readDestination(destination) else { continue }
                    if set.eventDestinations.contains(where: { $0.name == parsed.name }) {
                        destination.report(
                            "an event destination named '\(parsed.name)' is already defined in this set")
                        continue
                    }
                    set.eventDestinations.append(parsed)
                }
            }
            sets.append(set)
        }
        return sets
    }

    static let eventTypeChoices = EventType.allCases.map { ($0.matchingName, $0) }

    func readDestination(_ value: YAMLValue) -> EventDestination? {
        guard let mapping = value.mapping(allowedKeys: Self.destinationKeys),
            let nameValue = mapping.required("name"), let name = nameValue.nonEmptyString
        else { return nil }
        if name.count >= 64
            || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
        {
            nameValue.report(
                "an event destination name contains only ASCII letters, numbers, '_' and '-', and fewer than 64 characters"
            )
        }
        let enabled = mapping.optional("enabled")?.bool ?? true
        var types = EventTypeSet()
        if let list = mapping.required("types", what: "the event types to publish")?.list {
            if list.isEmpty { mapping.optional("types")?.report("list at least one event type") }
            for item in list {
                if let type = item.choice(Self.eventTypeChoices, what: "event type") {
                    types.insert(EventTypeSet(type))
                }
            }
        }
        let kinds = ["cloudWatch", "firehose", "sns", "eventBridge"].filter { mapping.has($0) }
        guard kinds.count == 1 else {
            value.report(
                kinds.isEmpty
                    ? "an event destination needs exactly one of cloudWatch, firehose, sns, eventBridge"
                    : "an event destination has exactly one kind; found \(kinds.joined(separator: " and "))")
            return nil
        }
        let kind: EventDestinationKind
        switch kinds[0] {
        case "cloudWatch":
            guard let cloudWatch = mapping.required("cloudWatch")?.mapping(allowedKeys: ["dimensions"]) else {
                return nil
            }
            var dimensions: [DimensionConfiguration] = []
            if let list = cloudWatch.required("dimensions")?.list {
                if list.isEmpty || list.count > 10 {
                    cloudWatch.optional("dimensions")?.report(
                        "a CloudWatch destination has 1 to 10 dimensions")
                }
                for item in list {
                    guard let dimension = item.mapping(allowedKeys: ["name", "source", "default"]),
                        let nameValue = dimension.required("name"),
                        let dimensionName = nameValue.nonEmptyString,
                        let source = dimension.required("source")?.choice(
                            DimensionValueSource.allCases.map { ($0.rawValue, $0) },
                            what: "dimension value source"),
                        let defaultValue = dimension.required("default"),
                        let defaultText = defaultValue.nonEmptyString
                    else { continue }
                    let configuration = DimensionConfiguration(
                        name: dimensionName, valueSource: source, defaultValue: defaultText)
                    // SES's rules, as the run checks them (SESEvents).
                    do throws(EventPublishingValidationError) {
                        try EventPublishingValidation.validateDimension(configuration, path: "")
                    } catch {
                        (error.path == ".defaultValue" ? defaultValue : nameValue).report(error.explanation)
                        if error.path == ".name" {
                            // The rules stop at the name: the default is checked
                            // too, under a name that passes, so both are reported.
                            let defaultOnly = DimensionConfiguration(
                                name: "name", valueSource: source, defaultValue: defaultText)
                            do throws(EventPublishingValidationError) {
                                try EventPublishingValidation.validateDimension(defaultOnly, path: "")
                            } catch {
                                defaultValue.report(error.explanation)
                            }
                        }
                        continue
                    }
                    if dimensions.contains(where: { $0.name == dimensionName }) {
                        nameValue.report(
                            EventPublishingValidationError(
                                path: "", problem: .duplicateDimensionName(dimensionName)
                            ).explanation)
                        continue
                    }
                    dimensions.append(configuration)
                }
            }
            if types.contains(.deliveryDelay) || types.contains(.subscription) {
                mapping.optional("types")?.report(
                    "CloudWatch does not receive deliveryDelay or subscription events (SES publishes them only to Firehose, SNS and EventBridge)"
                )
            }
            kind = .cloudWatch(dimensions: dimensions)
        case "firehose":
            guard let firehose = mapping.required("firehose")?.mapping(allowedKeys: ["deliveryStream"]),
                let target = firehose.required("deliveryStream"),
                let stream = Self.checkTarget(target, EventPublishingValidation.validateDeliveryStream)
            else { return nil }
            kind = .firehose(deliveryStream: stream)
        case "sns":
            guard let sns = mapping.required("sns")?.mapping(allowedKeys: ["topicArn"]),
                let target = sns.required("topicArn"),
                let topic = Self.checkTarget(target, EventPublishingValidation.validateTopicArn)
            else { return nil }
            kind = .sns(topicArn: topic)
        default:
            guard let bridge = mapping.required("eventBridge")?.mapping(allowedKeys: ["eventBus"]),
                let target = bridge.required("eventBus"),
                let bus = Self.checkTarget(target, EventPublishingValidation.validateEventBus)
            else { return nil }
            kind = .eventBridge(eventBus: bus)
        }
        return EventDestination(name: name, enabled: enabled, matchingTypes: types, kind: kind)
    }

    /// The text of an event destination's target, checked by `rule` (one of
    /// SESEvents' rules, the ones the run applies).
    static func checkTarget(
        _ value: YAMLValue,
        _ rule: (String, String) throws(EventPublishingValidationError) -> Void
    ) -> String? {
        guard let text = value.nonEmptyString else { return nil }
        do throws(EventPublishingValidationError) {
            try rule(text, value.path)
            return text
        } catch {
            value.report(error.explanation)
            return nil
        }
    }
}
