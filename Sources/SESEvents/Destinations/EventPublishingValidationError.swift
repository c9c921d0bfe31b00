/// Why a configuration set, event destination or publisher setting is not
/// one SES would accept, and where: the caller (the scenario loader) turns
/// the path into a file position.
public struct EventPublishingValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problems validation reports.
    public enum Problem: Hashable, Sendable {
        /// A configuration set name that is empty, too long or has a
        /// character outside `[A-Za-z0-9_-]`.
        case invalidConfigurationSetName(String)
        /// Two configuration sets with one name.
        case duplicateConfigurationSetName(String)
        /// More than 10 event destinations in one set.
        case tooManyEventDestinations(count: Int)
        /// A destination name that is empty, 64 characters or longer, or has a
        /// character outside `[A-Za-z0-9_-]`.
        case invalidEventDestinationName(String)
        /// Two destinations with one name in a set.
        case duplicateEventDestinationName(String)
        /// A destination matching no event type.
        case noMatchingEventTypes
        /// A CloudWatch destination without dimensions, or with more than 10.
        case dimensionCount(Int)
        /// A dimension name that is empty, 256 characters or longer, or has a
        /// character outside `[A-Za-z0-9_-]` (auto-tag names such as
        /// `ses:configuration-set` are allowed for message-tag dimensions).
        case invalidDimensionName(String)
        /// A dimension name the metrics file cannot carry: `_aws` or a metric
        /// name (`Send`, `Delivery`, …), which are members of the same line.
        case reservedDimensionName(String)
        /// Two dimensions with one name in a destination.
        case duplicateDimensionName(String)
        /// A default value that is empty, 256 characters or longer, or has a
        /// character outside `[A-Za-z0-9_-]`.
        case invalidDefaultDimensionValue(String)
        /// A Firehose stream, SNS topic ARN or EventBridge bus that is
        /// malformed.
        case invalidTarget(String, expected: String)
        /// A region that is not like `us-east-1`.
        case invalidRegion(String)
        /// An account ID that is not 12 digits.
        case invalidAccountID(String)
        /// A metric period that is not a positive whole number of seconds.
        case invalidMetricPeriod(microseconds: Int64)
    }

    /// Where the problem is, e.g. `configurationSets[0].eventDestinations[1].name`.
    public var path: String
    /// What is wrong.
    public var problem: Problem

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    /// One line: the path, then what is wrong and what was expected.
    public var description: String { "\(path): \(explanation)" }

    /// What is wrong and what was expected.
    public var explanation: String {
        switch problem {
        case .invalidConfigurationSetName(let name):
            "invalid configuration set name '\(name)'; expected 1 to 64 characters from [A-Za-z0-9_-]"
        case .duplicateConfigurationSetName(let name):
            "configuration set '\(name)' is defined twice"
        case .tooManyEventDestinations(let count):
            "\(count) event destinations; a configuration set has at most 10"
        case .invalidEventDestinationName(let name):
            "invalid event destination name '\(name)'; expected 1 to 63 characters from [A-Za-z0-9_-]"
        case .duplicateEventDestinationName(let name):
            "event destination '\(name)' is defined twice in this configuration set"
        case .noMatchingEventTypes:
            "an event destination must match at least one event type"
        case .dimensionCount(let count):
            "\(count) dimensions; a CloudWatch destination has 1 to 10"
        case .invalidDimensionName(let name):
            "invalid dimension name '\(name)'; expected 1 to 255 characters from [A-Za-z0-9_-], "
                + "or an auto-tag name such as ses:configuration-set for a messageTag dimension"
        case .reservedDimensionName(let name):
            "dimension name '\(name)' is reserved: _aws and the metric names (Send, Reject, Bounce, "
                + "Complaint, Delivery, Open, Click, RenderingFailure) are members of every metrics line"
        case .duplicateDimensionName(let name):
            "dimension '\(name)' is defined twice in this destination"
        case .invalidDefaultDimensionValue(let value):
            "invalid default dimension value '\(value)'; expected 1 to 255 characters from [A-Za-z0-9_-]"
        case .invalidTarget(let value, let expected):
            "invalid target '\(value)'; expected \(expected)"
        case .invalidRegion(let region):
            "invalid region '\(region)'; expected a name like us-east-1"
        case .invalidAccountID(let account):
            "invalid account ID '\(account)'; expected 12 digits"
        case .invalidMetricPeriod(let microseconds):
            "invalid metric period of \(microseconds) µs; expected a positive whole number of seconds"
        }
    }
}
