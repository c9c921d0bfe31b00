import SESEvents
import SESModel
import SimCore

extension ScenarioReader {
    /// The keys that describe how recipients behave (audiences, their
    /// providers, and recipients outside any audience).
    static let behaviorKeys = [
        "hardBounce", "noEmailShare", "globalSuppression", "deferral", "deferralTypes", "complaint",
        "feedbackLoop",
        "open", "repeatOpen", "click", "repeatClick", "unsubscribe", "deliveryDelay", "complaintDelay",
        "openDelay",
        "clickDelay", "unsubscribeDelay", "coldAllowance", "reputationGrowth", "overloadDeferral",
        "spamLevel",
        "spamOpenFactor", "spamComplaintFactor",
    ]

    /// Applies the behaviour keys present in `mapping` over `base`.
    func readBehavior(_ mapping: YAMLMapping, over base: RecipientBehavior) -> RecipientBehavior {
        var behavior = base
        func probability(_ key: String, _ target: inout Double) {
            if let value = mapping.optional(key)?.probability { target = value }
        }
        probability("hardBounce", &behavior.hardBounce)
        probability("noEmailShare", &behavior.noEmailShare)
        probability("globalSuppression", &behavior.globalSuppression)
        probability("deferral", &behavior.deferral)
        probability("complaint", &behavior.complaint)
        probability("open", &behavior.open)
        probability("repeatOpen", &behavior.repeatOpen)
        probability("click", &behavior.click)
        probability("repeatClick", &behavior.repeatClick)
        probability("unsubscribe", &behavior.unsubscribe)
        if let loop = mapping.optional("feedbackLoop")?.bool { behavior.feedbackLoop = loop }
        if let types = mapping.optional("deferralTypes")?.freeMapping {
            var weights: [(DelayType, Double)] = []
            for (key, value) in types {
                guard let type = DelayType(rawValue: key) else {
                    value.report(
                        "unknown delay type '\(key)'; expected one of \(DelayType.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                    continue
                }
                if let weight = value.double(in: 0...1e9, what: "a relative weight") {
                    weights.append((type, weight))
                }
            }
            if weights.isEmpty || weights.allSatisfy({ $0.1 == 0 }) {
                mapping.optional("deferralTypes")?.report("give at least one delay type a positive weight")
            } else {
                behavior.deferralTypes = weights
            }
        }
        if let value = mapping.optional("coldAllowance")?.double(in: 1...1e9, what: "messages a day") {
            behavior.reception.coldAllowance = value
        }
        if let value = mapping.optional("reputationGrowth")?.double(in: 1...1_000, what: "a growth factor") {
            behavior.reception.growth = value
        }
        probability("overloadDeferral", &behavior.reception.overloadDeferral)
        if let value = mapping.optional("spamLevel")?.double(in: 1...1e6, what: "a load multiple") {
            behavior.reception.spamLevel = value
        }
        probability("spamOpenFactor", &behavior.reception.spamOpenFactor)
        if let value = mapping.optional("spamComplaintFactor")?.double(in: 0...1_000, what: "a multiple") {
            behavior.reception.spamComplaintFactor = value
        }
        func delay(_ key: String, _ target: inout DelaySpec) {
            if let value = mapping.optional(key), let spec = readDelay(value) { target = spec }
        }
        delay("deliveryDelay", &behavior.deliveryDelay)
        delay("complaintDelay", &behavior.complaintDelay)
        delay("openDelay", &behavior.openDelay)
        delay("clickDelay", &behavior.clickDelay)
        delay("unsubscribeDelay", &behavior.unsubscribeDelay)
        return behavior
    }

    /// A delay distribution: `{median: 2s, p99: 30s}`, or one duration for a constant.
    func readDelay(_ value: YAMLValue) -> DelaySpec? {
        if case .scalar = value.node {
            guard let constant = value.duration(in: .init(microseconds: 1)...(.days(365))) else { return nil }
            return try? DelaySpec(median: constant, p99: constant)
        }
        guard let mapping = value.mapping(allowedKeys: ["median", "p99"]),
            let median = mapping.required("median")?.duration(in: .init(microseconds: 1)...(.days(365))),
            let p99 = mapping.required("p99")?.duration(in: .init(microseconds: 1)...(.days(365)))
        else { return nil }
        do throws(DistributionError) {
            return try DelaySpec(median: median, p99: p99)
        } catch {
            value.report(error.description)
            return nil
        }
    }

    static let audienceKeys = ["name", "size", "addressPattern", "providers"] + behaviorKeys
    static let providerKeys = ["domain", "share"] + behaviorKeys

    func readAudiences(_ value: YAMLValue?) -> [AudienceDefinition] {
        guard let items = value?.list else { return [] }
        var audiences: [AudienceDefinition] = []
        var patterns: [String: String] = [:]
        for item in items {
            guard let mapping = item.mapping(allowedKeys: Self.audienceKeys),
                let name = mapping.required("name")?.nonEmptyString,
                let size = mapping.required("size")?.int(
                    in: 1...1_000_000_000, what: "a number of recipients")
            else { continue }
            if audiences.contains(where: { $0.name == name }) {
                mapping.optional("name")?.report("an audience named '\(name)' is already defined")
            }
            let pattern = mapping.optional("addressPattern")?.nonEmptyString ?? "u{index}"
            if let patternValue = mapping.optional("addressPattern") {
                if !pattern.contains("{index}") {
                    patternValue.report("an address pattern contains {index}, as in u{index}")
                } else if (try? EmailAddress(
                    parsing: pattern.replacingOccurrences(of: "{index}", with: "1") + "@example.com"))
                    == nil
                {
                    patternValue.report("'\(pattern)' does not make a valid address local part")
                }
            }
            if let other = patterns[pattern] {
                item.report(
                    "audiences '\(other)' and '\(name)' share the address pattern '\(pattern)'; give one an addressPattern"
                )
            }
            patterns[pattern] = name
            // The audience's behaviour keys are read once here, so that their
            // problems are reported once, providers or not; each provider then
            // reads them again, silently, over its own domain's defaults.
            _ = readBehavior(mapping, over: RecipientBehavior())
            let audienceDefaults = mapping.silenced()
            var providers: [ProviderShare] = []
            if let list = mapping.required("providers", what: "the mailbox providers and their shares")?.list
            {
                if list.isEmpty { mapping.optional("providers")?.report("list at least one provider") }
                for providerValue in list {
                    guard let provider = providerValue.mapping(allowedKeys: Self.providerKeys),
                        let domainValue = provider.required("domain"),
                        let domain = domainValue.nonEmptyString,
                        let share = provider.required("share")?.double(in: 0...1e9, what: "a relative share")
                    else { continue }
                    if !Self.isDomainName(domain) { domainValue.report("'\(domain)' is not a domain name") }
                    if providers.contains(where: { $0.domain == domain }) {
                        domainValue.report("the provider '\(domain)' is listed twice")
                    }
                    let base = readBehavior(
                        audienceDefaults, over: RecipientBehavior.defaults(forDomain: domain))
                    providers.append(
                        ProviderShare(
                            domain: domain, share: share, behavior: readBehavior(provider, over: base)))
                }
                if !providers.isEmpty && providers.allSatisfy({ $0.share == 0 }) {
                    mapping.optional("providers")?.report("at least one provider needs a positive share")
                }
            }
            audiences.append(
                AudienceDefinition(name: name, size: size, addressPattern: pattern, providers: providers))
        }
        return audiences
    }

    static let deliveryKeys = [
        "processingTime", "retrySchedule", "maxDeliveryTime", "virusRate", "recipients", "contactList",
        "simulatorDelay",
    ]

    func readDelivery(_ value: YAMLValue?) -> DeliveryParameters {
        var parameters = DeliveryParameters()
        guard let mapping = value?.mapping(allowedKeys: Self.deliveryKeys) else { return parameters }
        if let spec = mapping.optional("processingTime").flatMap({ readDelay($0) }) {
            parameters.processingTime = spec
        }
        if let spec = mapping.optional("simulatorDelay").flatMap({ readDelay($0) }) {
            parameters.simulatorDelay = spec
        }
        if let list = mapping.optional("retrySchedule")?.list {
            let waits = list.compactMap { $0.duration(in: .seconds(1)...(.days(1))) }
            if list.isEmpty {
                mapping.optional("retrySchedule")?.report("list at least one wait")
            } else {
                parameters.retrySchedule = waits
            }
        }
        if let maximum = mapping.optional("maxDeliveryTime")?.duration(
            in: ConfigurationSet.maximumDeliveryTimeRange)
        {
            parameters.defaultMaximumDeliveryTime = maximum
        }
        if let rate = mapping.optional("virusRate")?.probability { parameters.virusRate = rate }
        if let list = mapping.optional("contactList")?.nonEmptyString { parameters.contactList = list }
        if let recipients = mapping.optional("recipients")?.mapping(allowedKeys: Self.behaviorKeys) {
            parameters.defaultBehavior = readBehavior(recipients, over: parameters.defaultBehavior)
        }
        return parameters
    }
}
