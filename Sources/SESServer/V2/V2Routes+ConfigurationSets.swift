import Hummingbird
import SESModel
import SimCore
import SimJSON

extension V2Routes {
    func registerConfigurationSets(on group: RouterGroup<ServerContext>) {
        group.post("configuration-sets") { request, _ in
            let input = try await JSONInput.read(request)
            return try await performEmpty(.createConfigurationSet(try Self.configurationSet(from: input)))
        }
        group.get("configuration-sets") { request, _ in
            let paging = try Paging(request: request, defaultSize: 100, maximum: 1_000)
            guard case .names(let names) = try await perform(.listConfigurationSets) else {
                throw V2Error.badRequest("unexpected answer")
            }
            let page = paging.page(names)
            var members: [String: JSONValue] = ["ConfigurationSets": .array(page.items.map { .string($0) })]
            if let next = page.nextToken { members["NextToken"] = .string(next) }
            return jsonResponse(.object(members))
        }
        group.get("configuration-sets/:ConfigurationSetName") { _, context in
            let name = try Self.parameter("ConfigurationSetName", of: context)
            guard case .configurationSet(let set) = try await perform(.describeConfigurationSet(name: name))
            else {
                throw V2Error.badRequest("unexpected answer")
            }
            return jsonResponse(configurationSetJSON(set))
        }
        group.delete("configuration-sets/:ConfigurationSetName") { _, context in
            try await performEmpty(
                .deleteConfigurationSet(name: try Self.parameter("ConfigurationSetName", of: context)))
        }
        group.put("configuration-sets/:ConfigurationSetName/sending") { request, context in
            let name = try Self.parameter("ConfigurationSetName", of: context)
            let input = try await JSONInput.read(request)
            return try await performEmpty(
                .updateConfigurationSetSendingEnabled(
                    name: name, enabled: try input.bool("SendingEnabled") ?? false))
        }
        group.post("configuration-sets/:ConfigurationSetName/event-destinations") { request, context in
            let set = try Self.parameter("ConfigurationSetName", of: context)
            let input = try await JSONInput.read(request)
            let destination = try V2EventDestinationCoding.destination(
                named: try input.requiredString("EventDestinationName"),
                definition: try input.requiredObject("EventDestination"))
            return try await performEmpty(
                .createConfigurationSetEventDestination(configurationSet: set, destination: destination))
        }
        group.get("configuration-sets/:ConfigurationSetName/event-destinations") { _, context in
            let set = try Self.parameter("ConfigurationSetName", of: context)
            guard
                case .eventDestinations(let destinations) = try await perform(
                    .getConfigurationSetEventDestinations(configurationSet: set))
            else { throw V2Error.badRequest("unexpected answer") }
            let accountId = host.scenario.account.accountId
            return jsonResponse(
                .object([
                    "EventDestinations": .array(
                        destinations.map { V2EventDestinationCoding.json($0, accountId: accountId) })
                ]))
        }
        group.put("configuration-sets/:ConfigurationSetName/event-destinations/:EventDestinationName") {
            request, context in
            let set = try Self.parameter("ConfigurationSetName", of: context)
            let name = try Self.parameter("EventDestinationName", of: context)
            let input = try await JSONInput.read(request)
            let destination = try V2EventDestinationCoding.destination(
                named: name, definition: try input.requiredObject("EventDestination"))
            return try await performEmpty(
                .updateConfigurationSetEventDestination(configurationSet: set, destination: destination))
        }
        group.delete("configuration-sets/:ConfigurationSetName/event-destinations/:EventDestinationName") {
            _, context in
            try await performEmpty(
                .deleteConfigurationSetEventDestination(
                    configurationSet: try Self.parameter("ConfigurationSetName", of: context),
                    destinationName: try Self.parameter("EventDestinationName", of: context)))
        }
    }

    /// A configuration set from `CreateConfigurationSet`'s members.
    static func configurationSet(from input: JSONInput) throws(V2Error) -> ConfigurationSet {
        var set = ConfigurationSet(name: try input.requiredString("ConfigurationSetName"))
        if let tracking = try input.object("TrackingOptions") {
            set.customRedirectDomain = try tracking.requiredString("CustomRedirectDomain")
        }
        if let delivery = try input.object("DeliveryOptions") {
            set.sendingPoolName = try delivery.string("SendingPoolName")
            if let seconds = try delivery.integer("MaxDeliverySeconds") {
                set.maximumDeliveryTime = SimDuration(seconds: Double(seconds))
            }
        }
        if let reputation = try input.object("ReputationOptions") {
            set.reputationMetricsEnabled = try reputation.bool("ReputationMetricsEnabled") ?? false
        }
        if let sending = try input.object("SendingOptions") {
            set.sendingEnabled = try sending.bool("SendingEnabled") ?? true
        }
        return set
    }

    /// `GetConfigurationSet`'s answer.
    func configurationSetJSON(_ set: ConfigurationSet) -> JSONValue {
        var delivery: [String: JSONValue] = ["TlsPolicy": .string("OPTIONAL")]
        if let pool = set.sendingPoolName { delivery["SendingPoolName"] = .string(pool) }
        if let time = set.maximumDeliveryTime {
            delivery["MaxDeliverySeconds"] = .int(Int(time.microseconds / 1_000_000))
        }
        var reputation: [String: JSONValue] = [
            "ReputationMetricsEnabled": .bool(set.reputationMetricsEnabled)
        ]
        if let fresh = set.lastFreshStart { reputation["LastFreshStart"] = epochSeconds(fresh) }
        var members: [String: JSONValue] = [
            "ConfigurationSetName": .string(set.name), "DeliveryOptions": .object(delivery),
            "ReputationOptions": .object(reputation),
            "SendingOptions": .object(["SendingEnabled": .bool(set.sendingEnabled)]), "Tags": .array([]),
        ]
        if let domain = set.customRedirectDomain {
            members["TrackingOptions"] = .object(["CustomRedirectDomain": .string(domain)])
        }
        return .object(members)
    }
}
