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
        let duration = top.required("duration")?.duration(in: .seconds(1)...(.days(3_650)))
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
            duration: duration ?? .hours(1), account: account, accountSendingEnabled: sendingEnabled,
            templates: templates, delivery: delivery, audiences: audiences, dedicatedIPs: dedicatedIPs,
            reputation: reputation, alarms: alarms,
            configurationSets: configurationSets,
            traffic: traffic, actions: actions,
            expectations: expectations, output: output)
        scenario.pricing = pricing
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

    // MARK: - Account

    static let accountKeys = [
        "region", "accountId", "sandbox", "maxSendRate", "max24HourSend", "burst", "identities",
        "callerIdentity",
        "sourceIp", "sendingEnabled", "mailFromDomainFailures", "suppression",
    ]

    func readAccount(_ value: YAMLValue?) -> (AccountSettings, Bool) {
        var settings = AccountSettings()
        guard let value, let mapping = value.mapping(allowedKeys: Self.accountKeys) else {
            return (settings, true)
        }
        if let region = mapping.optional("region") {
            if let text = region.nonEmptyString {
                if text.wholeMatch(of: /[a-z]{2}(-gov)?-[a-z]+-[0-9]/) == nil
                    || (try? EventPublishingValidation.validateRegion(text, path: region.path)) == nil
                {
                    region.report("'\(text)' is not an AWS Region name; expected a name such as us-east-1")
                } else {
                    settings.region = text
                }
            }
        }
        if let accountId = mapping.optional("accountId") {
            if let text = accountId.string {
                do throws(EventPublishingValidationError) {
                    try EventPublishingValidation.validateAccountID(text, path: accountId.path)
                    settings.accountId = text
                } catch {
                    accountId.report("expected a 12-digit AWS account ID, such as 123456789012")
                }
            }
        }
        settings.sandbox = mapping.optional("sandbox")?.bool ?? false
        settings.maximumSendRate = mapping.optional("maxSendRate")?.double(
            in: 0.001...1_000_000, what: "messages per second")
        if let quota = mapping.optional("max24HourSend") {
            if let number = quota.double(in: -1...1e12, what: "messages per 24 hours (-1 for unlimited)") {
                if number < 0 && number != -1 {
                    quota.report("expected messages per 24 hours, or -1 for unlimited")
                } else {
                    settings.maximum24HourSend = number
                }
            }
        }
        if let burst = mapping.optional("burst")?.duration(in: .zero...(.hours(1))) {
            settings.burstSeconds = burst.seconds
        }
        if let identities = mapping.optional("identities")?.list {
            settings.identities = identities.compactMap { (item) -> String? in
                guard let text = item.nonEmptyString else { return nil }
                if text.contains("@") {
                    do throws(SESError) {
                        _ = try EmailAddress(parsing: text)
                    } catch {
                        item.report("not an email address: \(error.message)")
                        return nil
                    }
                } else if !Self.isDomainName(text) {
                    item.report("'\(text)' is neither an email address nor a domain name")
                    return nil
                }
                return text
            }
        }
        if let caller = mapping.optional("callerIdentity")?.nonEmptyString {
            settings.callerIdentity = caller
        }
        if let sourceIp = mapping.optional("sourceIp")?.nonEmptyString { settings.sourceIp = sourceIp }
        if let failures = mapping.optional("mailFromDomainFailures")?.list {
            settings.identitiesWithFailedMailFromDomain = failures.compactMap(\.nonEmptyString)
        }
        if let suppression = mapping.optional("suppression")?.mapping(allowedKeys: [
            "enabled", "reasons", "addresses",
        ]) {
            let enabled = suppression.optional("enabled")?.bool ?? true
            var reasons: Set<SuppressionReason> = [.bounce, .complaint]
            if let list = suppression.optional("reasons")?.list {
                reasons = Set(
                    list.compactMap {
                        $0.choice(
                            SuppressionReason.allCases.map { ($0.rawValue, $0) }, what: "suppression reason")
                    })
            }
            var addresses: [String] = []
            for item in suppression.optional("addresses")?.list ?? [] {
                guard let text = item.nonEmptyString else { continue }
                do throws(SESError) {
                    addresses.append(try EmailAddress(parsing: text).address)
                } catch {
                    item.report("not an email address: \(error.message)")
                }
            }
            settings.suppressionList = SuppressionList(
                enabled: enabled, reasons: reasons, addresses: addresses)
        }
        let sendingEnabled = mapping.optional("sendingEnabled")?.bool ?? true
        return (settings, sendingEnabled)
    }

    static func isDomainName(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2
            && labels.allSatisfy { label in
                !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
    }

    // MARK: - Templates

    static let templateKeys = ["name", "subject", "text", "html", "file"]

    func readTemplates(_ value: YAMLValue?) -> [EmailTemplate] {
        guard let items = value?.list else { return [] }
        var templates: [EmailTemplate] = []
        var names: Set<String> = []
        for item in items {
            guard let template = readTemplate(item) else { continue }
            if !names.insert(template.name).inserted {
                item.report("a template named '\(template.name)' is already defined")
                continue
            }
            templates.append(template)
        }
        return templates
    }

    /// A template given inline or by `file` (in `templates` and in the
    /// CreateTemplate and UpdateTemplate actions).
    func readTemplate(_ item: YAMLValue) -> EmailTemplate? {
        guard let mapping = item.mapping(allowedKeys: Self.templateKeys) else { return nil }
        guard let file = mapping.optional("file") else { return readInlineTemplate(mapping) }
        if mapping.has("subject") || mapping.has("text") || mapping.has("html") || mapping.has("name") {
            item.report("a template is given either by 'file' or by name, subject, text and html, not both")
        }
        return file.string.flatMap { readTemplateFile($0, at: file) }
    }

    func readInlineTemplate(_ mapping: YAMLMapping) -> EmailTemplate? {
        let name = mapping.required("name")?.nonEmptyString
        let subject = mapping.required("subject", what: "the SubjectPart")?.string
        let text = mapping.optional("text")?.string
        let html = mapping.optional("html")?.string
        if text == nil && html == nil {
            mapping.owner.report("a template needs a text or an html part (or both)")
        }
        guard let name else { return nil }
        // Without a subject the other parts are still compiled, for their syntax errors.
        let template = EmailTemplate(name: name, subjectPart: subject ?? "", textPart: text, htmlPart: html)
        let compiled = checkCompiles(
            template, at: mapping.owner,
            parts: ["SubjectPart": "subject", "TextPart": "text", "HtmlPart": "html"], mapping: mapping)
        return subject == nil ? nil : compiled
    }

    /// Compiles `template` as CreateTemplate would, reporting a template
    /// syntax error at the part's value (with the line and column in the part).
    func checkCompiles(
        _ template: EmailTemplate, at value: YAMLValue, parts: [String: String], mapping: YAMLMapping?
    ) -> EmailTemplate? {
        do throws(TemplateError) {
            _ = try CompiledTemplate(template)
            return template
        } catch {
            var target = value
            if let location = error.location, let key = parts[location.part],
                let partValue = mapping?.optional(key)
            {
                target = partValue
            }
            let position = error.location.map { " (\($0.part) line \($0.line), column \($0.column))" } ?? ""
            target.report("\(error.name): \(error.message)\(position)")
            return nil
        }
    }

    /// An AWS CLI `create-template` input file (`{"Template": {...}}`) or the bare template object.
    func readTemplateFile(_ relativePath: String, at value: YAMLValue) -> EmailTemplate? {
        let path =
            relativePath.hasPrefix("/")
            ? relativePath : (directory as NSString).appendingPathComponent(relativePath)
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            value.report(
                "cannot read the template file '\(path)': \(ScenarioLoader.describe(fileError: error))")
            return nil
        }
        let fileIssues = IssueCollector(file: path)
        defer {
            for issue in fileIssues.issues {
                value.report("in template file \(issue.description)")
            }
        }
        guard let node = try? Yams.compose(yaml: text) else {
            fileIssues.report("not valid JSON or YAML", path: "", line: 0, column: 0)
            return nil
        }
        var root = YAMLValue(node: node, path: "", issues: fileIssues)
        if let wrapper = root.node.mapping, wrapper.keys.contains(where: { $0.scalar?.string == "Template" })
        {
            guard let outer = root.mapping(allowedKeys: ["Template"]), let inner = outer.required("Template")
            else {
                return nil
            }
            root = inner
        }
        guard
            let mapping = root.mapping(allowedKeys: ["TemplateName", "SubjectPart", "TextPart", "HtmlPart"])
        else { return nil }
        // The same rules as an inline template's.
        let name = mapping.required("TemplateName")?.nonEmptyString
        let subject = mapping.required("SubjectPart")?.string
        let textPart = mapping.optional("TextPart")?.string
        let htmlPart = mapping.optional("HtmlPart")?.string
        if textPart == nil && htmlPart == nil {
            mapping.owner.report("a template needs a TextPart or an HtmlPart (or both)")
        }
        guard let name else { return nil }
        let template = EmailTemplate(
            name: name, subjectPart: subject ?? "", textPart: textPart, htmlPart: htmlPart)
        let compiled = checkCompiles(template, at: value, parts: [:], mapping: nil)
        return subject == nil ? nil : compiled
    }

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
