import SESEvents
import SESModel
import SESTemplates
import SimCore
import SimJSON

extension ScenarioReader {
    // MARK: - Actions

    static let actionKeys = [
        "at", "call", "enabled", "configurationSet", "template", "name", "ip", "warmupPercentage",
        "autoWarmupEnabled",
    ]

    func readAction(_ value: YAMLValue) -> ActionDefinition? {
        guard let mapping = value.mapping(allowedKeys: Self.actionKeys) else { return nil }
        let at = mapping.required("at")?.instant(on: calendar)
        guard
            let callName = mapping.required("call")?.choice(
                ActionDefinition.apiNames.map { ($0, $0) }, what: "API call")
        else { return nil }
        let needs: [String: [String]] = [
            "UpdateAccountSendingEnabled": ["enabled"],
            "UpdateConfigurationSetSendingEnabled": ["configurationSet", "enabled"],
            "UpdateConfigurationSetReputationMetricsEnabled": ["configurationSet", "enabled"],
            "CreateTemplate": ["template"], "UpdateTemplate": ["template"], "DeleteTemplate": ["name"],
            "PutDedicatedIpWarmupAttributes": ["ip", "warmupPercentage"],
            "PutAccountDedicatedIpWarmupAttributes": ["autoWarmupEnabled"],
            "MarkDedicatedIpWarmupComplete": ["ip"], "ResetDedicatedIpWarmup": ["ip"],
        ]
        let allowed = ["at", "call"] + (needs[callName] ?? [])
        for key in mapping.keys where !allowed.contains(key) {
            mapping.optional(key)?.report("'\(key)' does not apply to \(callName)")
        }
        let call: SESRequest?
        switch callName {
        case "UpdateAccountSendingEnabled":
            call = mapping.required("enabled")?.bool.map { .updateAccountSendingEnabled(enabled: $0) }
        case "UpdateConfigurationSetSendingEnabled", "UpdateConfigurationSetReputationMetricsEnabled":
            let set = mapping.required("configurationSet")?.nonEmptyString
            let enabled = mapping.required("enabled")?.bool
            guard let set, let enabled else { return nil }
            call =
                callName == "UpdateConfigurationSetSendingEnabled"
                ? .updateConfigurationSetSendingEnabled(name: set, enabled: enabled)
                : .updateConfigurationSetReputationMetricsEnabled(name: set, enabled: enabled)
        case "CreateTemplate", "UpdateTemplate":
            guard let templateValue = mapping.required("template") else { return nil }
            call = readTemplate(templateValue).map {
                callName == "CreateTemplate" ? .createTemplate($0) : .updateTemplate($0)
            }
        case "DeleteTemplate":
            call = mapping.required("name")?.nonEmptyString.map { .deleteTemplate(name: $0) }
        case "PutDedicatedIpWarmupAttributes":
            let ip = mapping.required("ip")?.nonEmptyString
            let percentage = mapping.required("warmupPercentage")?.int(
                in: 0...100, what: "a warm-up percentage")
            guard let ip, let percentage else { return nil }
            call = .putDedicatedIpWarmupAttributes(ip: ip, warmupPercentage: percentage)
        case "PutAccountDedicatedIpWarmupAttributes":
            call = mapping.required("autoWarmupEnabled")?.bool.map {
                .putAccountDedicatedIpWarmupAttributes(autoWarmupEnabled: $0)
            }
        case "MarkDedicatedIpWarmupComplete":
            call = mapping.required("ip")?.nonEmptyString.map { .markDedicatedIpWarmupComplete(ip: $0) }
        default:
            call = mapping.required("ip")?.nonEmptyString.map { .resetDedicatedIpWarmup(ip: $0) }
        }
        guard let at, let call else { return nil }
        return ActionDefinition(at: at, call: call, path: value.path)
    }

    // MARK: - Expectations

    static let expectationKeys =
        ["metric", "campaign", "completesWithin", "at", "description", "over"] + Comparison.keywords

    func readExpectation(_ value: YAMLValue) -> ExpectationDefinition? {
        guard let mapping = value.mapping(allowedKeys: Self.expectationKeys) else { return nil }
        let label = mapping.optional("description")?.nonEmptyString
        let over = readCriterion(mapping.optional("over"))
        if let campaign = mapping.optional("campaign") {
            for key in mapping.keys
            where !["campaign", "completesWithin", "description", "over"].contains(key) {
                mapping.optional(key)?.report("'\(key)' does not apply to a campaign expectation")
            }
            guard let name = campaign.nonEmptyString,
                let limit = mapping.required("completesWithin")?.duration(in: .seconds(1)...(.days(3_650)))
            else { return nil }
            return ExpectationDefinition(
                check: .completesWithin(campaign: name, limit: limit),
                label: label ?? "campaign \(name) completes within \(limit)", path: value.path, over: over)
        }
        if mapping.has("completesWithin") {
            mapping.present("completesWithin")?.report(
                "'completesWithin' does not apply to a metric expectation; "
                    + "it goes with 'campaign', as in { campaign: NAME, completesWithin: 6h }")
        }
        guard let metricValue = mapping.required("metric", what: "a summary path such as events.delivery"),
            let metricText = metricValue.nonEmptyString
        else { return nil }
        var problem: String?
        guard let path = MetricPath(parsing: metricText, problem: &problem) else {
            metricValue.report("not a metric path: \(problem ?? "")")
            return nil
        }
        let comparisons = Comparison.keywords.filter { mapping.has($0) }
        guard comparisons.count == 1, let keyword = comparisons.first, let operand = mapping.optional(keyword)
        else {
            value.report("an expectation has exactly one of \(Comparison.keywords.joined(separator: ", "))")
            return nil
        }
        let comparison: Comparison?
        if keyword == "equals" {
            if let number = operand.number {
                comparison = .equals(.number(number))
            } else if let bool = (operand.node.scalarKind == .bool ? operand.bool : nil) {
                comparison = .equals(.text(bool ? "true" : "false"))
            } else {
                comparison = operand.string.map { .equals(.text($0)) }
            }
        } else {
            let number = operand.double(in: -1e18...1e18)
            comparison = number.map { number in
                switch keyword {
                case "below": .below(number)
                case "atMost": .atMost(number)
                case "atLeast": .atLeast(number)
                default: .above(number)
                }
            }
        }
        var at: SimTime?
        if let atValue = mapping.optional("at") {
            if atValue.string != "end" { at = atValue.instant(on: calendar) }
        }
        guard let comparison else { return nil }
        if let over, over.isStatistic, case .equals(.text) = comparison {
            mapping.optional("over")?.report(
                "over: \(over) needs a number to compare (below, atMost, atLeast, above, or equals a number); "
                    + "use over: each for a text value")
        }
        return ExpectationDefinition(
            check: .metric(path: path, comparison: comparison, at: at),
            label: label
                ?? "\(metricText) \(keyword) \(Self.describe(comparison))\(at == nil ? "" : " at \(mapping.optional("at")?.node.scalar?.string ?? "")")",
            path: value.path, over: over)
    }

    /// An `over:` value: how a sweep judges the expectation.
    func readCriterion(_ value: YAMLValue?) -> ReplicationCriterion? {
        guard let value, let text = value.nonEmptyString else { return nil }
        var problem: String?
        guard let criterion = ReplicationCriterion(parsing: text, problem: &problem) else {
            value.report(problem ?? "not a criterion")
            return nil
        }
        return criterion
    }

    static func describe(_ comparison: Comparison) -> String {
        switch comparison {
        case .below(let value), .atMost(let value), .atLeast(let value), .above(let value):
            JSONNumber.format(value)
        case .equals(let value): value.description
        }
    }

    // MARK: - References

    /// Names used by one part of the scenario must be defined by another.
    ///
    /// The file's values are looked at a second time here, silently (their
    /// own problems were reported when they were read).
    func checkReferences(_ scenario: Scenario, top: YAMLMapping) {
        // A template with problems of its own is still defined: a client
        // naming it is not reported too.
        let templateNames = Set(scenario.templates.map(\.name))
            .union(Self.definedNames(top.present("templates")))
            .union(
                scenario.actions.compactMap { action in
                    if case .createTemplate(let template) = action.call { return template.name }
                    return nil
                })
        let setNames = scenario.configurationSets.map(\.name)
        let endsAfter = "after the run ends (\(scenario.duration) after the start)"
        var clientNames: Set<String> = []
        for item in top.present("traffic")?.items ?? [] {
            if let name = item.child("name"), let text = name.node.scalar?.string,
                !clientNames.insert(text).inserted
            {
                name.report("a traffic client named '\(text)' is already defined")
            }
            if let template = item.child("template"), let name = template.node.scalar?.string,
                !templateNames.contains(name)
            {
                template.report(Self.undefined("template", name, among: templateNames.sorted()))
            }
            if let set = item.child("configurationSet"), let name = set.node.scalar?.string,
                !setNames.contains(name)
            {
                set.report(Self.undefined("configuration set", name, among: setNames))
            }
            if let start = item.child("schedule")?.child("start"), let text = start.node.scalar?.string,
                let time = try? calendar.instant(parsing: text), time > scenario.end
            {
                start.report("the schedule starts \(endsAfter)")
            }
        }
        let actionItems = top.present("actions")?.items ?? []
        for item in actionItems {
            if let set = item.child("configurationSet"), let name = set.node.scalar?.string,
                !setNames.contains(name)
            {
                set.report(Self.undefined("configuration set", name, among: setNames))
            }
        }
        let addresses = scenario.dedicatedIPs.ips.map(\.address)
        for action in scenario.actions {
            // Actions that could not be read are not in the scenario: find the
            // item by its path, not by its position.
            let item = actionItems.first { $0.path == action.path }
            let ip: String?
            switch action.call {
            case .putDedicatedIpWarmupAttributes(let address, _), .markDedicatedIpWarmupComplete(let address),
                .resetDedicatedIpWarmup(let address):
                ip = address
            default: ip = nil
            }
            if let ip, !addresses.contains(ip) {
                item?.report(Self.undefined("dedicated IP", ip, among: addresses))
            }
            if action.at > scenario.end {
                item?.report("the action is \(endsAfter)")
            }
        }
        let poolNames = scenario.dedicatedIPs.pools + AccountSettings.builtInPools
        let setItems = top.present("configurationSets")?.items ?? []
        for set in scenario.configurationSets {
            guard let pool = set.sendingPoolName, !poolNames.contains(pool) else { continue }
            let item = setItems.first { $0.child("name")?.node.scalar?.string == set.name }
            item?.report(
                Self.undefined("dedicated IP pool", pool, among: poolNames)
                    + " (a set's sendingPool must name a pool)")
        }
        let expectationItems = top.present("expect")?.items ?? []
        for expectation in scenario.expectations {
            let item = expectationItems.first { $0.path == expectation.path }
            if case .completesWithin(let campaign, _) = expectation.check, !clientNames.contains(campaign) {
                item?.report(
                    Self.undefined("traffic client (campaign)", campaign, among: clientNames.sorted()))
            }
            if case .metric(_, _, let at?) = expectation.check, at > scenario.end {
                item?.report("the instant is \(endsAfter)")
            }
        }
        if issues.isEmpty { checkEventPublishing(scenario, top: top) }
    }

    /// What the run checks before it publishes any event (the account's
    /// Region and ID, the configuration sets and their destinations): the
    /// reading above checks each rule where its value is, so this finds
    /// nothing unless the two disagree, and then `validate` still fails, as
    /// `run` would.
    func checkEventPublishing(_ scenario: Scenario, top: YAMLMapping) {
        let configuration = EventPublisherConfiguration(
            configurationSets: scenario.configurationSets.map {
                ConfigurationSetDestinations(name: $0.name, eventDestinations: $0.eventDestinations)
            },
            region: scenario.account.region, accountId: scenario.account.accountId,
            calendar: scenario.calendar)
        do throws(EventPublishingValidationError) {
            try configuration.validate()
        } catch {
            var problem: String?
            let segments = MetricPath(parsing: error.path, problem: &problem)?.segments ?? []
            // The publisher's paths are the scenario's, but for the account's
            // Region and ID, which the scenario keeps under `account`.
            let place: YAMLValue
            if case .key(let key)? = segments.first, ["region", "accountId"].contains(key) {
                place = top.owner.child("account")?.child(key) ?? top.owner
            } else {
                place = top.owner.deepest(along: segments[...])
            }
            place.report(error.explanation)
        }
    }

    static func undefined(_ kind: String, _ name: String, among names: [String]) -> String {
        var message = "no \(kind) named '\(name)' is defined"
        if let suggestion = Spelling.closest(to: name, among: names) {
            message += " (did you mean '\(suggestion)'?)"
        }
        if !names.isEmpty { message += "; defined: \(names.joined(separator: ", "))" }
        return message
    }
}
