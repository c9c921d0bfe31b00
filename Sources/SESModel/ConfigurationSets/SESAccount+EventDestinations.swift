import SESEvents
import SimCore

extension SESAccount {
    /// `CreateConfigurationSetEventDestination`: adds a destination to a set;
    /// from the next event on, the set's events reach it (and its Open or
    /// Click types turn tracking on for mail processed from now).
    public mutating func createConfigurationSetEventDestination(
        configurationSet name: String, destination: EventDestination, at now: SimTime
    ) throws(SESError) {
        try admitControlPlaneCall(.createConfigurationSetEventDestination, at: now)
        let index = try liveConfigurationSet(named: name)
        try Self.validate(destination)
        var set = configurationSets[index]
        if set.eventDestinations.contains(where: { $0.name == destination.name }) {
            throw SESError(
                .eventDestinationAlreadyExists,
                "Event destination <\(destination.name)> already exists in configuration set <\(name)>.")
        }
        guard set.eventDestinations.count < ConfigurationSetDestinations.maximumEventDestinations else {
            throw SESError(
                .limitExceeded,
                "Configuration set <\(name)> already has the maximum of "
                    + "\(ConfigurationSetDestinations.maximumEventDestinations) event destinations.")
        }
        set.eventDestinations.append(destination)
        configurationSets[index] = set
    }

    /// `UpdateConfigurationSetEventDestination`: replaces the destination of
    /// the same name.
    public mutating func updateConfigurationSetEventDestination(
        configurationSet name: String, destination: EventDestination, at now: SimTime
    ) throws(SESError) {
        try admitControlPlaneCall(.updateConfigurationSetEventDestination, at: now)
        let index = try liveConfigurationSet(named: name)
        try Self.validate(destination)
        guard
            let position = configurationSets[index].eventDestinations.firstIndex(where: {
                $0.name == destination.name
            })
        else { throw Self.eventDestinationDoesNotExist(destination.name, set: name) }
        configurationSets[index].eventDestinations[position] = destination
    }

    /// `DeleteConfigurationSetEventDestination`.
    public mutating func deleteConfigurationSetEventDestination(
        configurationSet name: String, destinationName: String, at now: SimTime
    ) throws(SESError) {
        try admitControlPlaneCall(.deleteConfigurationSetEventDestination, at: now)
        let index = try liveConfigurationSet(named: name)
        guard
            let position = configurationSets[index].eventDestinations.firstIndex(where: {
                $0.name == destinationName
            })
        else { throw Self.eventDestinationDoesNotExist(destinationName, set: name) }
        configurationSets[index].eventDestinations.remove(at: position)
    }

    /// `GetConfigurationSetEventDestinations`, in the order they were added.
    public mutating func getConfigurationSetEventDestinations(configurationSet name: String, at now: SimTime)
        throws(SESError) -> [EventDestination]
    {
        try admitControlPlaneCall(.getConfigurationSetEventDestinations, at: now)
        return configurationSets[try liveConfigurationSet(named: name)].eventDestinations
    }

    /// `ListConfigurationSets`: the live sets' names, in creation order.
    public mutating func listConfigurationSets(at now: SimTime) throws(SESError) -> [String] {
        try admitControlPlaneCall(.listConfigurationSets, at: now)
        return configurationSetNames
    }

    /// SES's rules for one destination (name, dimensions, target), as
    /// `InvalidParameterValue` naming the first problem.
    static func validate(_ destination: EventDestination) throws(SESError) {
        do throws(EventPublishingValidationError) {
            try destination.validate(path: "EventDestination")
        } catch {
            throw SESError(.invalidParameterValue, error.description)
        }
    }

    static func eventDestinationDoesNotExist(_ name: String, set: String) -> SESError {
        SESError(
            .eventDestinationDoesNotExist,
            "Event destination <\(name)> does not exist in configuration set <\(set)>.")
    }
}
