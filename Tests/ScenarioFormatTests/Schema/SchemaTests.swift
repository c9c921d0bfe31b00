import Foundation
import ScenarioTesting
import SimJSON
import Testing

@testable import ScenarioFormat

/// `scenarios/schema.json` describes the scenario format for editors; these
/// tests keep it and the loader in agreement: every example scenario passes
/// both, a scenario using every key passes both, deliberate mistakes fail
/// both, and the schema's key lists are the loader's.
@Suite("Scenario schema")
struct SchemaTests {
    @Test func schemaIsJSONThatTheValidatorFullyUnderstands() throws {
        let data = try Data(contentsOf: Repository.schemaFile)
        #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: data) }
        let validator = try Repository.schemaValidator()
        let problems = validator.schemaProblems()
        #expect(problems.isEmpty, "scenarios/schema.json:\n\(problems.joined(separator: "\n"))")
        #expect(validator.schema["$schema"]?.stringValue == "https://json-schema.org/draft/2020-12/schema")
    }

    @Test func thereAreExampleScenarios() {
        #expect(
            !Repository.exampleScenarios().isEmpty, "no scenarios/*.yaml found under \(Repository.root.path)")
    }

    @Test(arguments: Repository.exampleScenarios())
    func exampleScenarioValidatesAndLoads(_ name: String) throws {
        let path = Repository.scenarioPath(name)
        let instance = try JSONInstance(yamlText: String(contentsOfFile: path, encoding: .utf8))
        let failures = try Repository.schemaValidator().validate(instance)
        let report = failures.map { "  scenarios/\(name): \($0)" }.joined(separator: "\n")
        #expect(
            failures.isEmpty, "scenarios/\(name) does not validate against scenarios/schema.json:\n\(report)")
        do {
            _ = try ScenarioLoader().load(file: path)
        } catch {
            Issue.record("scenarios/\(name) does not load:\n\(error.description)")
        }
    }

    @Test func aScenarioWithEveryKeyPassesBoth() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sesim-schema-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let templatePath = folder.appendingPathComponent("template.json").path
        try SchemaFixtures.templateFile.write(toFile: templatePath, atomically: true, encoding: .utf8)
        let messagePath = folder.appendingPathComponent("message.eml").path
        try "From: sender@example.org\r\nSubject: Hi\r\n\r\nHello.\r\n".write(
            toFile: messagePath, atomically: true, encoding: .utf8)
        let text = SchemaFixtures.everyKey.replacingOccurrences(of: "TEMPLATE_FILE", with: templatePath)
            .replacingOccurrences(of: "MESSAGE_FILE", with: messagePath)

        let failures = try Repository.schemaValidator().validate(JSONInstance(yamlText: text))
        let report = failures.map { "  \($0)" }.joined(separator: "\n")
        #expect(failures.isEmpty, "every-key.yaml does not validate:\n\(report)")
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader().load(
                text: text, file: folder.appendingPathComponent("every-key.yaml").path)
        } catch {
            Issue.record("every-key.yaml does not load:\n\(error.description)")
            return
        }
        #expect(scenario.traffic.count == 6)
        #expect(scenario.traffic[4].rawMessage?.attachments.map(\.size) == [20_480, 1_500])
        #expect(scenario.actions.count == ActionDefinition.apiNames.count)
        #expect(Set(scenario.actions.map(\.call.operationName)) == Set(ActionDefinition.apiNames))
        #expect(scenario.expectations.count == 9)
    }

    /// The reference's complete example (the YAML block of its section "A complete example") is a valid scenario.
    @Test func theReferencesCompleteExamplePassesBoth() throws {
        let reference = try String(contentsOf: Repository.referenceFile, encoding: .utf8)
        let section = try #require(
            reference.components(separatedBy: ". A complete example\n").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```yaml\n").dropFirst().first)
        let text = try #require(block.components(separatedBy: "```").first)
        let failures = try Repository.schemaValidator().validate(JSONInstance(yamlText: text))
        let report = failures.map { "  \($0)" }.joined(separator: "\n")
        #expect(failures.isEmpty, "the reference's example does not validate:\n\(report)")
        do {
            _ = try ScenarioLoader().load(text: text, file: "docs/scenario-reference.md#19")
        } catch {
            Issue.record("the reference's example does not load:\n\(error.description)")
        }
    }

    @Test func theMinimalScenarioPassesBoth() throws {
        #expect(
            try Repository.schemaValidator().validate(JSONInstance(yamlText: SchemaFixtures.minimal)).isEmpty)
        #expect(throws: Never.self) {
            try ScenarioLoader().load(text: SchemaFixtures.minimal, file: "minimal.yaml")
        }
    }

    @Test(arguments: SchemaFixtures.mistakes)
    func aMistakeIsRejectedByBoth(_ mistake: SchemaFixtures.Mistake) throws {
        let text = SchemaFixtures.minimal + "\n" + mistake.yaml + "\n"
        let failures = try Repository.schemaValidator().validate(JSONInstance(yamlText: text))
        let report = failures.map { "  \($0)" }.joined(separator: "\n")
        #expect(
            failures.contains { $0.pointer == mistake.pointer },
            "\(mistake): expected a schema failure at \(mistake.pointer); got:\n\(report)")
        #expect(throws: ScenarioValidationError.self, "\(mistake): the loader accepted it") {
            try ScenarioLoader().load(text: text, file: "mistake.yaml")
        }
    }

    @Test func failuresNameTheKeyAndWhatWasExpected() throws {
        let text = SchemaFixtures.minimal + "\naccount: { maxSendRat: 5, sandbox: maybe }\n"
        let failures = try Repository.schemaValidator().validate(JSONInstance(yamlText: text))
        #expect(
            failures.map(\.description) == [
                "/account/maxSendRat: unknown key 'maxSendRat'; expected one of region, accountId, sandbox, "
                    + "maxSendRate, max24HourSend, burst, identities, callerIdentity, sourceIp, sendingEnabled, "
                    + "mailFromDomainFailures, suppression, autoVerifySenders, controlPlaneRate",
                "/account/sandbox: expected boolean, found the text \"maybe\"",
            ])
    }

    /// The keys the schema allows at each place are the keys the loader allows there.
    @Test func schemaKeysAreTheLoadersKeys() throws {
        let schema = try Repository.schemaValidator().schema
        func keys(_ pointer: String) -> Set<String> {
            Set(schema.resolve(pointer: pointer)?.keys ?? [])
        }
        let places: [(String, [String], Set<String>)] = [
            ("top level", ScenarioReader.topLevelKeys, keys("/properties")),
            ("account", ScenarioReader.accountKeys, keys("/$defs/account/properties")),
            (
                "templates", ScenarioReader.templateKeys,
                keys("/$defs/template/oneOf/0/properties").union(keys("/$defs/template/oneOf/1/properties"))
            ),
            (
                "configurationSets", ScenarioReader.configurationSetKeys,
                keys("/$defs/configurationSet/properties")
            ),
            ("eventDestinations", ScenarioReader.destinationKeys, keys("/$defs/eventDestination/properties")),
            ("audiences", ScenarioReader.audienceKeys, keys("/$defs/audience/properties")),
            ("providers", ScenarioReader.providerKeys, keys("/$defs/provider/properties")),
            ("delivery", ScenarioReader.deliveryKeys, keys("/$defs/delivery/properties")),
            (
                "delivery.recipients", ScenarioReader.behaviorKeys,
                keys("/$defs/delivery/properties/recipients/properties")
            ),
            ("dedicatedIps", ScenarioReader.dedicatedIPKeys, keys("/$defs/dedicatedIps/properties")),
            ("dedicatedIps.ips", ScenarioReader.ipKeys, keys("/$defs/dedicatedIp/properties")),
            ("reputation", ScenarioReader.reputationKeys, keys("/$defs/reputation/properties")),
            ("alarms", ScenarioReader.alarmKeys, keys("/$defs/alarm/properties")),
            ("pricing", ScenarioReader.pricingKeys, keys("/$defs/pricing/properties")),
            ("traffic", ScenarioReader.clientKeys, keys("/$defs/trafficClient/properties")),
            ("traffic.message", ScenarioReader.rawMessageKeys, keys("/$defs/rawMessage/properties")),
            (
                "traffic.message.attachments", ScenarioReader.attachmentKeys,
                keys("/$defs/rawAttachment/properties")
            ),
            ("schedule", ScenarioReader.scheduleKeys, keys("/$defs/schedule/properties")),
            ("retry", ScenarioReader.retryKeys, keys("/$defs/retry/properties")),
            ("actions", ScenarioReader.actionKeys, keys("/$defs/action/properties")),
            ("expect", ScenarioReader.expectationKeys, keys("/$defs/expectation/properties")),
        ]
        for (place, loaderKeys, schemaKeys) in places {
            let loader = Set(loaderKeys)
            let onlyLoader = loader.subtracting(schemaKeys).sorted()
            let onlySchema = schemaKeys.subtracting(loader).sorted()
            #expect(
                loader == schemaKeys,
                "\(place): only the loader allows \(onlyLoader); only the schema allows \(onlySchema)")
        }
        // Each executor's keys.
        guard case .array(let branches) = schema.resolve(pointer: "/$defs/schedule/oneOf") else {
            Issue.record("the schedule has no oneOf")
            return
        }
        var executors: [String: Set<String>] = [:]
        for branch in branches {
            if let name = branch.resolve(pointer: "/properties/executor/const")?.stringValue {
                executors[name] = Set(branch["properties"]?.keys ?? [])
            }
        }
        #expect(executors == ScenarioReader.executorKeys.mapValues(Set.init))
        // Choices.
        func choices(_ pointer: String) -> [String] {
            guard case .array(let items) = schema.resolve(pointer: pointer) else { return [] }
            return items.compactMap(\.stringValue)
        }
        #expect(choices("/$defs/action/properties/call/enum") == ActionDefinition.apiNames)
        #expect(
            choices("/$defs/eventDestination/properties/types/items/enum")
                == ScenarioReader.eventTypeChoices.map(\.0))
        #expect(choices("/$defs/retry/properties/jitter/enum") == RetryPolicy.Jitter.allCases.map(\.rawValue))
        #expect(
            choices("/$defs/schedule/properties/arrivals/enum") == ArrivalProcess.allCases.map(\.rawValue))
    }

    /// Every property of the schema has a description, and every key is in the reference.
    @Test func everyPropertyIsDescribedAndDocumented() throws {
        let schema = try Repository.schemaValidator().schema
        let reference = try String(contentsOf: Repository.referenceFile, encoding: .utf8)
        var undescribed: [String] = []
        var undocumented: Set<String> = []
        func walk(_ node: JSONInstance, at pointer: String, inBranch: Bool) {
            guard case .object(let members) = node else { return }
            for member in members {
                let here = JSONPointer.appending(member.key, to: pointer)
                switch member.key {
                case "properties":
                    for property in member.value.keys {
                        let value = member.value[property]!
                        let isConstraintOnly: Bool
                        if case .bool = value { isConstraintOnly = true } else { isConstraintOnly = inBranch }
                        if !isConstraintOnly && value["description"] == nil {
                            undescribed.append(JSONPointer.appending(property, to: here))
                        }
                        if !reference.contains("`\(property)`") { undocumented.insert(property) }
                        walk(value, at: JSONPointer.appending(property, to: here), inBranch: inBranch)
                    }
                case "$defs":
                    for name in member.value.keys {
                        walk(member.value[name]!, at: JSONPointer.appending(name, to: here), inBranch: false)
                    }
                case "oneOf", "anyOf", "allOf":
                    guard case .array(let branches) = member.value else { continue }
                    for (index, branch) in branches.enumerated() {
                        // A branch that only constrains keys declared beside it needs no descriptions.
                        let declaresItsOwn = branch["type"] != nil
                        walk(branch, at: JSONPointer.appending(index, to: here), inBranch: !declaresItsOwn)
                    }
                case "items", "additionalProperties", "not":
                    walk(member.value, at: here, inBranch: inBranch)
                default:
                    break
                }
            }
        }
        walk(schema, at: "", inBranch: false)
        #expect(
            undescribed.isEmpty, "properties without a description:\n\(undescribed.joined(separator: "\n"))")
        #expect(
            undocumented.isEmpty,
            "keys the schema has but docs/scenario-reference.md never names: \(undocumented.sorted())")
    }
}
