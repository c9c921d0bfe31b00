import Foundation

/// A small JSON Schema (draft 2020-12) validator for the subset that
/// `scenarios/schema.json` uses: `type`, `properties`, `required`,
/// `additionalProperties`, `propertyNames`, `minProperties`, `maxProperties`,
/// `items`, `minItems`, `maxItems`, `enum`, `const`, `minimum`, `maximum`,
/// `exclusiveMinimum`, `exclusiveMaximum`, `minLength`, `maxLength`,
/// `pattern`, `oneOf`, `anyOf`, `allOf`, `not`, boolean schemas, and `$ref`
/// to a JSON pointer in the same document (`#/$defs/...`). Annotations
/// (`$schema`, `$id`, `title`, `description`, `default`, `examples`,
/// `$comment`, `$defs`) are ignored; any other keyword is reported, so the
/// schema cannot use one that this validator would silently skip.
///
/// One deliberate difference from the specification: `integer` matches only
/// values YAML typed as ints (`5`, not `5.0`), as the scenario loader does.
final class SchemaValidator {
    /// One way an instance fails the schema.
    struct Failure: Hashable, CustomStringConvertible {
        /// Where in the instance: a JSON pointer (`/traffic/0/retry`), empty for the whole document.
        var pointer: String
        /// What is wrong.
        var message: String
        /// Whether the failure is a `const` mismatch (a oneOf branch's discriminator).
        var isDiscriminator = false

        var description: String { "\(pointer.isEmpty ? "/" : pointer): \(message)" }
    }

    let schema: JSONInstance
    private var expressions: [String: NSRegularExpression] = [:]

    static let annotations: Set<String> = [
        "$schema", "$id", "title", "description", "default", "examples", "$comment", "$defs",
    ]
    static let assertions: Set<String> = [
        "$ref", "type", "properties", "required", "additionalProperties", "propertyNames", "minProperties",
        "maxProperties", "items", "minItems", "maxItems", "enum", "const", "minimum", "maximum",
        "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern", "oneOf", "anyOf",
        "allOf", "not",
    ]
    static let typeNames: Set<String> = ["null", "boolean", "integer", "number", "string", "array", "object"]

    init(schema: JSONInstance) {
        self.schema = schema
    }

    /// Every way `instance` fails the schema; empty when it validates.
    func validate(_ instance: JSONInstance) -> [Failure] {
        var failures: [Failure] = []
        check(instance, against: schema, at: "", into: &failures)
        return failures
    }

    // MARK: - The schema itself

    /// Problems with the schema as this validator reads it: unknown keywords,
    /// `$ref`s that lead nowhere, patterns that do not compile, malformed values.
    func schemaProblems() -> [String] {
        var problems: [String] = []
        inspect(schema, at: "", problems: &problems)
        return problems
    }

    private func inspect(_ node: JSONInstance, at pointer: String, problems: inout [String]) {
        if case .bool = node { return }
        guard case .object(let members) = node else {
            problems.append("\(pointer): a schema is a mapping or a boolean, found \(node.summary)")
            return
        }
        for member in members {
            let here = JSONPointer.appending(member.key, to: pointer)
            let value = member.value
            switch member.key {
            case "$defs", "properties":
                guard case .object(let children) = value else {
                    problems.append("\(here): expected a mapping of schemas")
                    continue
                }
                for child in children {
                    inspect(child.value, at: JSONPointer.appending(child.key, to: here), problems: &problems)
                }
            case "additionalProperties", "items", "not", "propertyNames":
                inspect(value, at: here, problems: &problems)
            case "oneOf", "anyOf", "allOf":
                guard case .array(let branches) = value, !branches.isEmpty else {
                    problems.append("\(here): expected a non-empty list of schemas")
                    continue
                }
                for (index, branch) in branches.enumerated() {
                    inspect(branch, at: JSONPointer.appending(index, to: here), problems: &problems)
                }
            case "$ref":
                if let target = value.stringValue, target.hasPrefix("#"),
                    schema.resolve(pointer: target) != nil
                {
                    continue
                }
                problems.append("\(here): \(value.summary) does not lead to a schema in this document")
            case "type":
                let names: [String]
                switch value {
                case .string(let name): names = [name]
                case .array(let items): names = items.compactMap(\.stringValue)
                default: names = []
                }
                if names.isEmpty || !names.allSatisfy(Self.typeNames.contains) {
                    problems.append("\(here): not a type or list of types")
                }
            case "pattern":
                guard let pattern = value.stringValue, (try? NSRegularExpression(pattern: pattern)) != nil
                else {
                    problems.append("\(here): \(value.summary) is not a regular expression")
                    continue
                }
            case "required", "enum":
                if case .array = value { continue }
                problems.append("\(here): expected a list")
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
                "minItems", "maxItems", "minProperties", "maxProperties":
                if value.numberValue == nil { problems.append("\(here): expected a number") }
            case "description", "title", "$comment":
                if value.stringValue == nil { problems.append("\(here): expected text") }
            default:
                if !Self.annotations.contains(member.key) && !Self.assertions.contains(member.key) {
                    problems.append("\(here): the keyword '\(member.key)' is not supported by this validator")
                }
            }
        }
    }

    // MARK: - Checking an instance

    private func check(
        _ instance: JSONInstance, against schema: JSONInstance, at pointer: String,
        into failures: inout [Failure]
    ) {
        switch schema {
        case .bool(true):
            return
        case .bool(false):
            failures.append(Failure(pointer: pointer, message: "not allowed here"))
            return
        case .object:
            break
        default:
            failures.append(Failure(pointer: pointer, message: "the schema here is not a schema"))
            return
        }
        if let reference = schema["$ref"]?.stringValue {
            if let target = self.schema.resolve(pointer: reference) {
                check(instance, against: target, at: pointer, into: &failures)
            } else {
                failures.append(
                    Failure(pointer: pointer, message: "the schema's $ref \(reference) leads nowhere"))
            }
        }
        if let type = schema["type"] {
            let wanted: [String]
            switch type {
            case .array(let names): wanted = names.compactMap(\.stringValue)
            default: wanted = type.stringValue.map { [$0] } ?? []
            }
            if !wanted.contains(where: instance.typeNames.contains) {
                failures.append(
                    Failure(
                        pointer: pointer,
                        message: "expected \(wanted.joined(separator: " or ")), found \(instance.summary)"))
                return
            }
        }
        if case .array(let choices) = schema["enum"], !choices.contains(where: { $0.jsonEquals(instance) }) {
            let names = choices.map { $0.stringValue ?? $0.summary }.joined(separator: ", ")
            failures.append(
                Failure(pointer: pointer, message: "\(instance.summary) is not one of: \(names)"))
        }
        if let constant = schema["const"], !constant.jsonEquals(instance) {
            failures.append(
                Failure(
                    pointer: pointer, message: "expected \(constant.stringValue ?? constant.summary)",
                    isDiscriminator: true))
        }
        if let number = instance.numberValue {
            checkNumber(number, instance: instance, against: schema, at: pointer, into: &failures)
        }
        if case .string(let text) = instance {
            checkString(text, against: schema, at: pointer, into: &failures)
        }
        if case .array(let items) = instance {
            checkArray(items, against: schema, at: pointer, into: &failures)
        }
        if case .object(let members) = instance {
            checkObject(members, against: schema, at: pointer, into: &failures)
        }
        checkCombinations(instance, against: schema, at: pointer, into: &failures)
    }

    private func checkNumber(
        _ number: Double, instance: JSONInstance, against schema: JSONInstance, at pointer: String,
        into failures: inout [Failure]
    ) {
        let shown = instance.summary
        if let minimum = schema["minimum"]?.numberValue, number < minimum {
            failures.append(
                Failure(pointer: pointer, message: "\(shown) is below the minimum \(format(minimum))"))
        }
        if let maximum = schema["maximum"]?.numberValue, number > maximum {
            failures.append(
                Failure(pointer: pointer, message: "\(shown) is above the maximum \(format(maximum))"))
        }
        if let bound = schema["exclusiveMinimum"]?.numberValue, number <= bound {
            failures.append(Failure(pointer: pointer, message: "\(shown) is not above \(format(bound))"))
        }
        if let bound = schema["exclusiveMaximum"]?.numberValue, number >= bound {
            failures.append(Failure(pointer: pointer, message: "\(shown) is not below \(format(bound))"))
        }
    }

    private func checkString(
        _ text: String, against schema: JSONInstance, at pointer: String, into failures: inout [Failure]
    ) {
        let length = text.unicodeScalars.count
        if let minimum = schema["minLength"]?.numberValue, Double(length) < minimum {
            failures.append(
                Failure(pointer: pointer, message: "the text \"\(text)\" is shorter than \(format(minimum))"))
        }
        if let maximum = schema["maxLength"]?.numberValue, Double(length) > maximum {
            failures.append(
                Failure(pointer: pointer, message: "the text is longer than \(format(maximum)) characters"))
        }
        if let pattern = schema["pattern"]?.stringValue, !matches(text, pattern) {
            // The description says what the pattern means better than the pattern does.
            let expected =
                schema["description"]?.stringValue.map { "expected \($0)" } ?? "expected to match \(pattern)"
            failures.append(
                Failure(
                    pointer: pointer,
                    message: "\(JSONInstance.string(text).summary) is not valid; \(expected)"))
        }
    }

    private func checkArray(
        _ items: [JSONInstance], against schema: JSONInstance, at pointer: String,
        into failures: inout [Failure]
    ) {
        if let minimum = schema["minItems"]?.numberValue, Double(items.count) < minimum {
            failures.append(
                Failure(
                    pointer: pointer,
                    message: "the list has \(items.count) items; expected at least \(format(minimum))"))
        }
        if let maximum = schema["maxItems"]?.numberValue, Double(items.count) > maximum {
            failures.append(
                Failure(
                    pointer: pointer,
                    message: "the list has \(items.count) items; expected at most \(format(maximum))"))
        }
        if let itemSchema = schema["items"] {
            for (index, item) in items.enumerated() {
                check(
                    item, against: itemSchema, at: JSONPointer.appending(index, to: pointer), into: &failures)
            }
        }
    }

    private func checkObject(
        _ members: [JSONInstance.Member], against schema: JSONInstance, at pointer: String,
        into failures: inout [Failure]
    ) {
        if let minimum = schema["minProperties"]?.numberValue, Double(members.count) < minimum {
            failures.append(
                Failure(
                    pointer: pointer,
                    message: "the mapping has \(members.count) keys; expected at least \(format(minimum))"))
        }
        if let maximum = schema["maxProperties"]?.numberValue, Double(members.count) > maximum {
            failures.append(
                Failure(
                    pointer: pointer,
                    message: "the mapping has \(members.count) keys; expected at most \(format(maximum))"))
        }
        if case .array(let required) = schema["required"] {
            for name in required.compactMap(\.stringValue) where !members.contains(where: { $0.key == name })
            {
                failures.append(Failure(pointer: pointer, message: "missing required key '\(name)'"))
            }
        }
        let properties = schema["properties"]
        let additional = schema["additionalProperties"]
        let names = schema["propertyNames"]
        for member in members {
            let here = JSONPointer.appending(member.key, to: pointer)
            if let names {
                var nameFailures: [Failure] = []
                check(.string(member.key), against: names, at: here, into: &nameFailures)
                failures += nameFailures.map {
                    Failure(pointer: here, message: "the key '\(member.key)': \($0.message)")
                }
            }
            if let propertySchema = properties?[member.key] {
                check(member.value, against: propertySchema, at: here, into: &failures)
            } else if case .bool(false) = additional {
                let allowed = properties?.keys ?? []
                failures.append(
                    Failure(
                        pointer: here,
                        message:
                            "unknown key '\(member.key)'; expected one of \(allowed.joined(separator: ", "))")
                )
            } else if let additional {
                check(member.value, against: additional, at: here, into: &failures)
            }
        }
    }

    private func checkCombinations(
        _ instance: JSONInstance, against schema: JSONInstance, at pointer: String,
        into failures: inout [Failure]
    ) {
        if case .array(let branches) = schema["allOf"] {
            for branch in branches { check(instance, against: branch, at: pointer, into: &failures) }
        }
        if let negated = schema["not"] {
            var inner: [Failure] = []
            check(instance, against: negated, at: pointer, into: &inner)
            if inner.isEmpty {
                failures.append(Failure(pointer: pointer, message: "\(instance.summary) is not allowed here"))
            }
        }
        for keyword in ["anyOf", "oneOf"] {
            guard case .array(let branches) = schema[keyword] else { continue }
            let outcomes = branches.map { branch -> [Failure] in
                var branchFailures: [Failure] = []
                check(instance, against: branch, at: pointer, into: &branchFailures)
                return branchFailures
            }
            let passing = outcomes.indices.filter { outcomes[$0].isEmpty }
            if passing.isEmpty {
                // Explain with the closest alternative: fewest failures, discriminator mismatches last.
                let closest = outcomes.indices.min { a, b in
                    rank(outcomes[a]) < rank(outcomes[b])
                }!
                failures.append(
                    Failure(
                        pointer: pointer,
                        message:
                            "matches none of the \(branches.count) alternatives of \(keyword); "
                            + "the closest, alternative \(closest + 1), fails as follows"))
                failures += outcomes[closest]
            } else if keyword == "oneOf" && passing.count > 1 {
                let list = passing.map { String($0 + 1) }.joined(separator: " and ")
                failures.append(
                    Failure(
                        pointer: pointer,
                        message: "matches alternatives \(list) of oneOf; expected exactly one"))
            }
        }
    }

    private func rank(_ failures: [Failure]) -> (Int, Int) {
        (failures.filter(\.isDiscriminator).count, failures.count)
    }

    private func matches(_ text: String, _ pattern: String) -> Bool {
        let expression: NSRegularExpression
        if let cached = expressions[pattern] {
            expression = cached
        } else {
            guard let compiled = try? NSRegularExpression(pattern: pattern) else { return false }
            expressions[pattern] = compiled
            expression = compiled
        }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.firstMatch(in: text, range: range) != nil
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e18 ? String(Int64(value)) : String(value)
    }
}
