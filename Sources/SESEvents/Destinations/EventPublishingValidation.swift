/// SES's naming rules for configuration sets, event destinations and
/// CloudWatch dimensions (SES API reference: `ConfigurationSet.Name`,
/// `EventDestination.Name`, `CloudWatchDimensionConfiguration`), and the
/// shapes of the targets they publish to.
public enum EventPublishingValidation {
    /// The auto-tags SES adds to every message, usable as message-tag
    /// dimension names (SES Developer Guide, "How event publishing works"),
    /// with the `ses:feedback-id-a/-b` tags, which the guide says CloudWatch
    /// destinations can also use.
    public static let autoTagNames: [String] = [
        "ses:caller-identity", "ses:configuration-set", "ses:from-domain", "ses:outgoing-ip",
        "ses:source-ip", "ses:source-tls-version", "ses:operation", "ses:feedback-id-a", "ses:feedback-id-b",
    ]

    /// Whether every character of `text` is in `[A-Za-z0-9_-]` and it has
    /// `1...maximumLength` characters.
    public static func isName(_ text: String, maximumLength: Int) -> Bool {
        let bytes = text.utf8
        return !bytes.isEmpty && bytes.count <= maximumLength && bytes.allSatisfy(isNameByte)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default: false
        }
    }

    /// A configuration set name: `[A-Za-z0-9_-]`, 64 characters or fewer.
    public static func validateConfigurationSetName(_ name: String, path: String)
        throws(EventPublishingValidationError)
    {
        guard isName(name, maximumLength: 64) else {
            throw EventPublishingValidationError(path: path, problem: .invalidConfigurationSetName(name))
        }
    }

    /// An event destination name: `[A-Za-z0-9_-]`, under 64 characters.
    public static func validateEventDestinationName(_ name: String, path: String)
        throws(EventPublishingValidationError)
    {
        guard isName(name, maximumLength: 63) else {
            throw EventPublishingValidationError(path: path, problem: .invalidEventDestinationName(name))
        }
    }

    /// A dimension's name, value source and default value.
    public static func validateDimension(_ dimension: DimensionConfiguration, path: String)
        throws(EventPublishingValidationError)
    {
        let name = dimension.name
        let isAutoTag = dimension.valueSource == .messageTag && autoTagNames.contains(name)
        guard isAutoTag || isName(name, maximumLength: 255) else {
            throw EventPublishingValidationError(path: path + ".name", problem: .invalidDimensionName(name))
        }
        if name == "_aws" || EventType.allCases.contains(where: { $0.metricName == name }) {
            throw EventPublishingValidationError(path: path + ".name", problem: .reservedDimensionName(name))
        }
        guard isName(dimension.defaultValue, maximumLength: 255) else {
            throw EventPublishingValidationError(
                path: path + ".defaultValue", problem: .invalidDefaultDimensionValue(dimension.defaultValue))
        }
    }

    /// A Firehose delivery stream: a name (`[A-Za-z0-9_.-]`, 1–64) or its ARN
    /// (`arn:aws:firehose:<region>:<account>:deliverystream/<name>`).
    public static func validateDeliveryStream(_ stream: String, path: String)
        throws(EventPublishingValidationError)
    {
        guard let name = streamName(stream), name.utf8.count <= 64,
            name.utf8.allSatisfy({ isNameByte($0) || $0 == UInt8(ascii: ".") })
        else {
            throw EventPublishingValidationError(
                path: path,
                problem: .invalidTarget(
                    stream, expected: "a delivery stream name or arn:aws:firehose:…:deliverystream/NAME"))
        }
    }

    /// An SNS topic ARN: `arn:aws:sns:<region>:<12-digit account>:<topic>`.
    public static func validateTopicArn(_ arn: String, path: String) throws(EventPublishingValidationError) {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[1].hasPrefix("aws"), parts[2] == "sns",
            !parts[3].isEmpty, parts[4].utf8.count == 12, parts[4].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
            isName(String(parts[5]), maximumLength: 256)
        else {
            throw EventPublishingValidationError(
                path: path,
                problem: .invalidTarget(
                    arn, expected: "an SNS topic ARN like arn:aws:sns:us-east-1:123456789012:MyTopic"))
        }
    }

    /// An EventBridge bus: `default`, or
    /// `arn:aws:events:<region>:<account>:event-bus/<name>`.
    public static func validateEventBus(_ bus: String, path: String) throws(EventPublishingValidationError) {
        guard let name = busName(bus), !name.isEmpty,
            name.utf8.allSatisfy({ isNameByte($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "/") })
        else {
            throw EventPublishingValidationError(
                path: path,
                problem: .invalidTarget(bus, expected: "default or arn:aws:events:…:event-bus/NAME"))
        }
    }

    /// The stream name of a Firehose target (the part after
    /// `deliverystream/` in an ARN).
    static func streamName(_ stream: String) -> String? {
        if stream.hasPrefix("arn:") {
            guard let range = stream.firstRange(of: ":deliverystream/") else { return nil }
            return String(stream[range.upperBound...])
        }
        return stream.isEmpty ? nil : stream
    }

    /// The topic name of an SNS topic ARN (its last field).
    static func topicName(_ arn: String) -> String {
        arn.split(separator: ":", omittingEmptySubsequences: false).last.map(String.init) ?? arn
    }

    /// The bus name of an EventBridge target (the part after `event-bus/` in
    /// an ARN).
    static func busName(_ bus: String) -> String? {
        if bus.hasPrefix("arn:") {
            guard let range = bus.firstRange(of: ":event-bus/") else { return nil }
            return String(bus[range.upperBound...])
        }
        return bus.isEmpty ? nil : bus
    }

    /// A region such as `us-east-1`: lower-case letters, digits and dashes.
    public static func validateRegion(_ region: String, path: String) throws(EventPublishingValidationError) {
        guard !region.isEmpty, region.utf8.count <= 32,
            region.utf8.allSatisfy({
                ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= 48 && $0 <= 57)
                    || $0 == UInt8(ascii: "-")
            })
        else {
            throw EventPublishingValidationError(path: path, problem: .invalidRegion(region))
        }
    }

    /// A 12-digit AWS account ID.
    public static func validateAccountID(_ account: String, path: String)
        throws(EventPublishingValidationError)
    {
        guard account.utf8.count == 12, account.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw EventPublishingValidationError(path: path, problem: .invalidAccountID(account))
        }
    }
}

extension EventDestination {
    /// Checks the destination against SES's rules (name, matching types,
    /// CloudWatch dimensions, target shape); `path` locates it in errors.
    public func validate(path: String = "eventDestination") throws(EventPublishingValidationError) {
        try EventPublishingValidation.validateEventDestinationName(name, path: path + ".name")
        if matchingTypes.isEmpty {
            throw EventPublishingValidationError(
                path: path + ".matchingTypes", problem: .noMatchingEventTypes)
        }
        switch kind {
        case .cloudWatch(let dimensions):
            guard (1...10).contains(dimensions.count) else {
                throw EventPublishingValidationError(
                    path: path + ".dimensions", problem: .dimensionCount(dimensions.count))
            }
            for (index, dimension) in dimensions.enumerated() {
                let dimensionPath = "\(path).dimensions[\(index)]"
                try EventPublishingValidation.validateDimension(dimension, path: dimensionPath)
                if dimensions[..<index].contains(where: { $0.name == dimension.name }) {
                    throw EventPublishingValidationError(
                        path: dimensionPath + ".name", problem: .duplicateDimensionName(dimension.name))
                }
            }
        case .firehose(let stream):
            try EventPublishingValidation.validateDeliveryStream(stream, path: path + ".deliveryStream")
        case .sns(let topicArn):
            try EventPublishingValidation.validateTopicArn(topicArn, path: path + ".topicArn")
        case .eventBridge(let bus):
            try EventPublishingValidation.validateEventBus(bus, path: path + ".eventBus")
        }
    }
}
