import Foundation
import SESEvents
import SESModel
import SimCore
import SimJSON
import Yams

extension ScenarioReader {
    static let clientKeys = [
        "name", "api", "from", "configurationSet", "template", "content", "message", "destinationsPerCall",
        "recipientsPerMessage", "tags", "defaultTemplateData", "templateData", "recipients", "schedule",
        "retry",
    ]

    func readClient(_ value: YAMLValue) -> TrafficClientDefinition? {
        guard let mapping = value.mapping(allowedKeys: Self.clientKeys) else { return nil }
        let name = mapping.required("name")?.nonEmptyString
        let api = mapping.required("api")?.choice(
            SendOperation.allCases.map { ($0.rawValue, $0) }, what: "API")
        let source =
            api == .sendRawEmail
            ? (mapping.optional("from")?.nonEmptyString ?? "")
            : mapping.required("from", what: "the Source address")?.nonEmptyString
        if let source, !source.isEmpty, let from = mapping.optional("from") {
            do throws(SESError) {
                _ = try EmailAddress(parsing: source)
            } catch {
                from.report("not an email address: \(error.message)")
            }
        }
        let configurationSet = mapping.optional("configurationSet")?.nonEmptyString
        var template: String?
        var content: SimpleContent?
        var rawMessage: RawMessageDefinition?
        if api != .sendRawEmail, let message = mapping.optional("message") {
            message.report("only SendRawEmail clients send a MIME message")
        }
        switch api {
        case .sendEmail:
            if mapping.has("template") {
                mapping.optional("template")?.report("SendEmail sends content, not a template")
            }
            if let contentValue = mapping.required(
                "content", what: "subject, text and/or html for SendEmail"),
                let fields = contentValue.mapping(allowedKeys: ["subject", "text", "html"])
            {
                let subject = fields.required("subject")?.string ?? ""
                let text = fields.optional("text")?.string
                let html = fields.optional("html")?.string
                if text == nil && html == nil {
                    contentValue.report("content needs a text or an html body (or both)")
                }
                content = SimpleContent(subject: subject, text: text, html: html)
            }
        case .sendRawEmail:
            for key in ["template", "content"] where mapping.has(key) {
                mapping.optional(key)?.report("SendRawEmail sends a MIME message ('message'), not '\(key)'")
            }
            rawMessage = mapping.required("message", what: "the MIME message to send: file or text").flatMap {
                readRawMessage($0)
            }
        case .sendTemplatedEmail, .sendBulkTemplatedEmail:
            template = mapping.required("template", what: "the stored template to send")?.nonEmptyString
            if mapping.has("content") {
                mapping.optional("content")?.report("templated APIs send a template, not content")
            }
        case nil:
            break
        }
        var destinationsPerCall = 1
        if let perCall = mapping.optional("destinationsPerCall") {
            if api == .sendBulkTemplatedEmail {
                destinationsPerCall = perCall.int(in: 1...50, what: "destinations per call") ?? 50
            } else {
                perCall.report("only SendBulkTemplatedEmail calls carry several destinations")
            }
        } else if api == .sendBulkTemplatedEmail {
            destinationsPerCall = 50
        }
        let recipientsPerMessage =
            mapping.optional("recipientsPerMessage")?.int(in: 1...50, what: "recipients per message") ?? 1
        let tags = readTags(mapping.optional("tags"))
        let defaultTemplateData = mapping.optional("defaultTemplateData").flatMap { readJSONObject($0) }
        let templateData = readTemplateData(mapping.optional("templateData"))
        if api == .sendEmail && (defaultTemplateData != nil || !templateData.isEmpty) {
            mapping.owner.report("SendEmail has no template data")
        }
        let recipients = readRecipients(mapping.required("recipients"))
        let schedule = readSchedule(mapping.required("schedule"))
        let retry = readRetry(mapping.optional("retry"))
        guard let name, let api, let source, let recipients, let schedule else { return nil }
        return TrafficClientDefinition(
            name: name, api: api, source: source, configurationSet: configurationSet, template: template,
            content: content, rawMessage: rawMessage, destinationsPerCall: destinationsPerCall,
            recipientsPerMessage: recipientsPerMessage,
            tags: tags, defaultTemplateData: defaultTemplateData, templateData: templateData,
            recipients: recipients, schedule: schedule, retry: retry)
    }

    /// Tags as a mapping of names to values (read in sorted name order).
    func readTags(_ value: YAMLValue?) -> [NameValue] {
        guard let entries = value?.freeMapping else { return [] }
        var tags: [NameValue] = []
        for (key, item) in entries {
            guard let text = item.string else { continue }
            let tag = NameValue(name: key, value: text)
            do throws(SESError) {
                try SESAccount.validate(tags: [tag])
                tags.append(tag)
            } catch {
                item.report(error.message)
            }
        }
        return tags
    }

    /// A YAML mapping turned into a JSON object, keys in file order.
    func readJSONObject(_ value: YAMLValue) -> JSONObjectText? {
        guard case .mapping(let mapping) = value.node else {
            value.report("expected a mapping (a JSON object), found \(value.kindDescription)")
            return nil
        }
        return JSONObjectText(
            members: mapping.map { key, item in
                JSONObjectText.Member(key: key.scalar?.string ?? "", json: JSONText.encode(item))
            })
    }

    func readTemplateData(_ value: YAMLValue?) -> [TemplateDataField] {
        guard let entries = value?.freeMapping else { return [] }
        return entries.compactMap { key, item in
            readGenerator(item).map { TemplateDataField(name: key, generator: $0) }
        }
    }

    static let generatorKeys = ["fixed", "oneOf", "sequence", "missing"]

    func readGenerator(_ value: YAMLValue) -> TemplateDataGenerator? {
        guard case .mapping = value.node else {
            // A plain value is a fixed value.
            return .fixed(JSONText.encode(value.node))
        }
        guard let mapping = value.mapping(allowedKeys: Self.generatorKeys) else { return nil }
        // `fixed: null` is the JSON value null; the other kinds, null, are absent.
        let kinds = ["fixed", "oneOf", "sequence"].filter {
            $0 == "fixed" ? mapping.has($0) : mapping.optional($0) != nil
        }
        guard kinds.count == 1 else {
            value.report("a template data generator is exactly one of fixed, oneOf, sequence")
            return nil
        }
        var generator: TemplateDataGenerator?
        switch kinds[0] {
        case "fixed":
            generator = mapping.present("fixed").map { .fixed(JSONText.encode($0.node)) }
        case "oneOf":
            if let items = mapping.optional("oneOf")?.list {
                if items.isEmpty {
                    mapping.optional("oneOf")?.report("list at least one value")
                } else {
                    generator = .oneOf(items.map { JSONText.encode($0.node) })
                }
            }
        default:
            if let pattern = mapping.optional("sequence")?.string {
                if !pattern.contains("{index}") {
                    mapping.optional("sequence")?.report(
                        "a sequence pattern contains {index}, as in user-{index}")
                }
                generator = .sequence(pattern)
            }
        }
        if let missing = mapping.optional("missing")?.probability, let wrapped = generator {
            return .sometimesMissing(probability: missing, otherwise: wrapped)
        }
        return generator
    }

    func readRecipients(_ value: YAMLValue?) -> RecipientSource? {
        guard let value, let mapping = value.mapping(allowedKeys: ["list", "audience", "from", "count"])
        else {
            return nil
        }
        if let audience = mapping.optional("audience") {
            if mapping.has("list") { value.report("recipients come from a list or an audience, not both") }
            guard let name = audience.nonEmptyString else { return nil }
            let fromValue = mapping.optional("from")
            let countValue = mapping.optional("count")
            let from = fromValue?.int(in: 0...1_000_000_000, what: "a member index") ?? 0
            let count = countValue?.int(in: 1...1_000_000_000, what: "a number of recipients")
            if let size = audienceSizes[name] {
                // A slice never wraps around: it is members from to from + count − 1.
                let audienceSize = "audience '\(name)' (\(size) members, numbered 0 to \(size - 1))"
                if from >= size {
                    fromValue?.report("member \(from) is past the end of \(audienceSize)")
                    return nil
                }
                if let count, count > size - from {
                    countValue?.report(
                        "\(count) members from member \(from) go past the end of \(audienceSize); "
                            + "at most \(size - from) fit")
                    return nil
                }
            } else if !audienceNames.contains(name) {
                audience.report(Self.undefined("audience", name, among: audienceNames))
                return nil
            }
            return .audience(name: name, from: from, count: count)
        }
        if mapping.has("from") || mapping.has("count") {
            value.report("'from' and 'count' slice an audience; a list has neither")
        }
        guard let list = mapping.required("list", what: "a list of addresses, or an audience")?.list else {
            return nil
        }
        if list.isEmpty {
            mapping.optional("list")?.report("list at least one recipient")
            return nil
        }
        var addresses: [String] = []
        for item in list {
            guard let text = item.nonEmptyString else { continue }
            do throws(SESError) {
                _ = try EmailAddress(parsing: text)
                addresses.append(text)
            } catch {
                item.report("not an email address: \(error.message)")
            }
        }
        return .list(addresses)
    }

    static let scheduleKeys = [
        "executor", "start", "callRate", "every", "times", "rate", "timeUnit", "duration", "startRate",
        "stages",
        "arrivals",
    ]
    static let executorKeys: [String: [String]] = [
        "once": ["executor", "start", "callRate"],
        "repeating": ["executor", "start", "callRate", "every", "times"],
        "constant-arrival-rate": ["executor", "start", "rate", "timeUnit", "duration", "arrivals"],
        "ramping-arrival-rate": ["executor", "start", "startRate", "timeUnit", "stages", "arrivals"],
    ]

    func readSchedule(_ value: YAMLValue?) -> Schedule? {
        guard let value, let mapping = value.mapping(allowedKeys: Self.scheduleKeys) else { return nil }
        let executors = ["once", "repeating", "constant-arrival-rate", "ramping-arrival-rate"]
        guard
            let executor = mapping.required("executor")?.choice(executors.map { ($0, $0) }, what: "executor")
        else {
            return nil
        }
        for key in mapping.keys where !(Self.executorKeys[executor] ?? []).contains(key) {
            mapping.optional(key)?.report("'\(key)' does not apply to the \(executor) executor")
        }
        let start = mapping.optional("start").map { $0.instant(on: calendar) } ?? .start
        let arrivals =
            mapping.optional("arrivals")?.choice(
                ArrivalProcess.allCases.map { ($0.rawValue, $0) }, what: "arrival process")
            ?? .uniform
        let callRate = mapping.optional("callRate")?.double(in: 0.001...1_000_000, what: "calls per second")
        switch executor {
        case "once":
            guard let start else { return nil }
            return .once(start: start, callRate: callRate)
        case "repeating":
            let every = mapping.required("every")?.duration(in: .seconds(1)...(.days(366)))
            let times = mapping.required("times")?.int(in: 1...100_000, what: "a number of runs")
            guard let start, let every, let times else { return nil }
            return .repeating(start: start, every: every, times: times, callRate: callRate)
        case "constant-arrival-rate":
            let rate = mapping.required("rate")?.double(
                in: 0.000_001...1_000_000, what: "calls per time unit")
            let timeUnit =
                mapping.optional("timeUnit")?.duration(in: .milliseconds(1)...(.days(1))) ?? .seconds(1)
            let duration = mapping.required("duration")?.duration(in: .seconds(1)...(.days(3_650)))
            guard let start, let rate, let duration else { return nil }
            return .constantArrivalRate(
                start: start, rate: rate, timeUnit: timeUnit, duration: duration, arrivals: arrivals)
        default:
            let startRate =
                mapping.optional("startRate")?.double(in: 0...1_000_000, what: "calls per time unit") ?? 0
            let timeUnit =
                mapping.optional("timeUnit")?.duration(in: .milliseconds(1)...(.days(1))) ?? .seconds(1)
            var stages: [RampStage] = []
            if let list = mapping.required("stages")?.list {
                if list.isEmpty { mapping.optional("stages")?.report("list at least one stage") }
                for item in list {
                    guard let stage = item.mapping(allowedKeys: ["target", "duration"]),
                        let target = stage.required("target")?.double(
                            in: 0...1_000_000, what: "calls per time unit"),
                        let duration = stage.required("duration")?.duration(in: .seconds(1)...(.days(3_650)))
                    else { continue }
                    stages.append(RampStage(target: target, duration: duration))
                }
            }
            guard let start, !stages.isEmpty else { return nil }
            return .rampingArrivalRate(
                start: start, startRate: startRate, timeUnit: timeUnit, stages: stages, arrivals: arrivals)
        }
    }

    static let retryKeys = [
        "maxAttempts", "backoff", "maxBackoff", "multiplier", "jitter", "pauseRestOfSecond",
    ]

    func readRetry(_ value: YAMLValue?) -> RetryPolicy {
        var policy = RetryPolicy.giveUp
        guard let mapping = value?.mapping(allowedKeys: Self.retryKeys) else { return policy }
        policy.maxAttempts = mapping.optional("maxAttempts")?.int(in: 1...1_000, what: "attempts") ?? 5
        policy.backoff =
            mapping.optional("backoff")?.duration(in: .milliseconds(1)...(.days(1))) ?? .seconds(1)
        policy.maxBackoff =
            mapping.optional("maxBackoff")?.duration(in: .milliseconds(1)...(.days(1))) ?? .minutes(10)
        if policy.maxBackoff < policy.backoff {
            mapping.optional("maxBackoff")?.report(
                "maxBackoff (\(policy.maxBackoff)) is shorter than backoff (\(policy.backoff))")
        }
        policy.multiplier =
            mapping.optional("multiplier")?.double(in: 1...100, what: "a backoff multiplier") ?? 2
        policy.jitter =
            mapping.optional("jitter")?.choice(
                RetryPolicy.Jitter.allCases.map { ($0.rawValue, $0) }, what: "jitter")
            ?? .full
        policy.pauseRestOfSecond = mapping.optional("pauseRestOfSecond")?.bool ?? false
        return policy
    }
}
