import Foundation
import SESEvents
import SESModel
import SESTemplates
import SimCore
import Yams

/// Reads a scenario file's values into a ``Scenario``, reporting every
/// problem to its ``IssueCollector`` and carrying on, so that one pass finds
/// them all.
struct ScenarioReader {
    let issues: IssueCollector
    /// The scenario file's folder, for relative template files.
    let directory: String
    /// Set once `start` is read; instants are read against it.
    var calendar = SimCalendar(startUnixMicroseconds: 0)
    /// Set once `audiences` is read: the sizes of the audiences read without
    /// problems, and the names of all audiences the file defines (so that a
    /// client naming an audience with problems of its own is not reported too).
    var audienceSizes: [String: Int] = [:]
    var audienceNames: [String] = []
    /// Whether `duration` may be left out (see ``ScenarioLoader/durationOptional``).
    var durationOptional = false

    static let topLevelKeys = [
        "name", "description", "seed", "start", "duration", "account", "templates", "configurationSets",
        "audiences", "delivery", "dedicatedIps", "reputation", "alarms", "pricing", "traffic", "actions",
        "expect",
        "output",
    ]

    mutating func read(_ root: YAMLValue) -> Scenario? {
        guard let top = root.mapping(allowedKeys: Self.topLevelKeys) else { return nil }
        let name = top.required("name")?.nonEmptyString
        if let name, !name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) {
            top.optional("name")?.report(
                "a scenario name may contain only letters, digits, '-', '_' and '.' (it names the output folder)"
            )
        }
        let description = top.optional("description")?.string
        let seed =
            top.optional("seed").flatMap { $0.int(in: 0...Int.max, what: "a seed (a whole number)") } ?? 1
        if let startValue = top.required(
            "start", what: "an ISO 8601 UTC timestamp such as 2026-03-01T09:00:00Z")
        {
            if let text = startValue.string {
                do {
                    calendar = try SimCalendar(start: text)
                } catch {
                    startValue.report(error.description)
                }
            }
        }
        let durationValue = durationOptional ? top.optional("duration") : top.required("duration")
        let duration = durationValue?.duration(in: .seconds(1)...(.days(3_650)))
        var (account, sendingEnabled) = readAccount(top.optional("account"))
        let templates = readTemplates(top.optional("templates"))
        let configurationSets = readConfigurationSets(top.optional("configurationSets"))
        let audiences = readAudiences(top.optional("audiences"))
        audienceSizes = Dictionary(
            audiences.map { ($0.name, $0.size) }, uniquingKeysWith: { first, _ in first })
        audienceNames = Self.definedNames(top.optional("audiences"))
        let delivery = readDelivery(top.optional("delivery"))
        let dedicatedIPs = readDedicatedIPs(top.optional("dedicatedIps"))
        let reputation = readReputation(top.optional("reputation"))
        let alarms = readAlarms(top.optional("alarms"), configurationSets: configurationSets)
        let traffic = top.optional("traffic")?.list?.compactMap { readClient($0) } ?? []
        let actions = top.optional("actions")?.list?.compactMap { readAction($0) } ?? []
        let expectations = top.optional("expect")?.list?.compactMap { readExpectation($0) } ?? []
        let output = readOutput(top.optional("output"))
        let pricing = readPricing(top.optional("pricing"))

        account.dedicatedIpPools = dedicatedIPs.pools
        var scenario = Scenario(
            file: issues.file, name: name ?? "", description: description, seed: UInt64(seed),
            calendar: calendar,
            duration: duration ?? (durationValue == nil ? Scenario.openEndDuration : .hours(1)),
            account: account, accountSendingEnabled: sendingEnabled,
            templates: templates, delivery: delivery, audiences: audiences, dedicatedIPs: dedicatedIPs,
            reputation: reputation, alarms: alarms,
            configurationSets: configurationSets,
            traffic: traffic, actions: actions,
            expectations: expectations, output: output)
        scenario.pricing = pricing
        scenario.isOpenEnded = durationValue == nil
        checkReferences(scenario, top: top)
        return scenario
    }

    /// The `name`s of a list of mappings, read without reporting anything.
    static func definedNames(_ list: YAMLValue?) -> [String] {
        guard case .sequence(let items)? = list?.node else { return [] }
        var names: [String] = []
        for item in items {
            guard case .mapping(let mapping) = item,
                let name = mapping.first(where: { $0.key.scalar?.string == "name" })?.value.scalar?.string,
                !names.contains(name)
            else { continue }
            names.append(name)
        }
        return names
    }

    // MARK: - Output

    func readOutput(_ value: YAMLValue?) -> OutputSettings {
        var output = OutputSettings()
        guard let mapping = value?.mapping(allowedKeys: ["interval", "events"]) else { return output }
        if let interval = mapping.optional("interval")?.duration(in: .seconds(1)...(.days(7))) {
            output.interval = interval
        }
        output.events = mapping.optional("events")?.bool ?? false
        return output
    }
}
