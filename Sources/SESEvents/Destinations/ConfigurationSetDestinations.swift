/// A configuration set as event publishing sees it: its name and its event
/// destinations (DescribeConfigurationSet's `ConfigurationSet.Name` and
/// `EventDestinations`).
///
/// The publisher takes the run's sets as an array; an event names its set by
/// index into that array (``SESEvent/configurationSet``).
public struct ConfigurationSetDestinations: Hashable, Sendable {
    /// `[A-Za-z0-9_-]`, at most 64 characters; published as the
    /// `ses:configuration-set` auto-tag.
    public var name: String
    /// At most 10, each with a distinct name.
    public var eventDestinations: [EventDestination]

    public init(name: String, eventDestinations: [EventDestination]) {
        self.name = name
        self.eventDestinations = eventDestinations
    }

    /// The most event destinations a configuration set may have.
    public static let maximumEventDestinations = 10

    /// Checks the set against SES's rules; the error names the first problem
    /// and where it is (`configurationSets[0].eventDestinations[1].name`).
    /// `path` is the set's own path in the caller's terms.
    public func validate(path: String = "configurationSet") throws(EventPublishingValidationError) {
        try EventPublishingValidation.validateConfigurationSetName(name, path: path + ".name")
        if eventDestinations.count > Self.maximumEventDestinations {
            throw EventPublishingValidationError(
                path: path + ".eventDestinations",
                problem: .tooManyEventDestinations(count: eventDestinations.count))
        }
        for (index, destination) in eventDestinations.enumerated() {
            let destinationPath = "\(path).eventDestinations[\(index)]"
            try destination.validate(path: destinationPath)
            if eventDestinations[..<index].contains(where: { $0.name == destination.name }) {
                throw EventPublishingValidationError(
                    path: destinationPath + ".name", problem: .duplicateEventDestinationName(destination.name)
                )
            }
        }
    }
}
