import Foundation
import SESEvents
import SESModel
import SimCore
import Yams

/// Reads scenario files: YAML (or JSON, which is YAML) into a checked
/// ``Scenario``.
///
/// Validation is strict — unknown keys, wrong types, values out of range,
/// references to templates, configuration sets or audiences that do not
/// exist — and complete: every problem in the file is reported, each with
/// its file, line, column and path, before anything runs.
public struct ScenarioLoader: Sendable {
    /// Replacements applied to the file's values before it is read (a
    /// sweep's `--set PATH=VALUE`): the value text is read as YAML.
    public var overrides: [ScenarioOverride]
    /// Whether `duration` may be left out (`sesim serve`, which runs until
    /// stopped): the scenario then ends ``Scenario/openEndDuration`` after
    /// its start and is marked ``Scenario/isOpenEnded``.
    public var durationOptional = false

    public init(overrides: [ScenarioOverride] = [], durationOptional: Bool = false) {
        self.overrides = overrides
        self.durationOptional = durationOptional
    }

    /// Reads and checks the scenario in `file`.
    ///
    /// - Throws: ``ScenarioValidationError`` listing every problem.
    public func load(file: String) throws(ScenarioValidationError) -> Scenario {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ScenarioValidationError(issues: [
                ScenarioIssue(
                    file: file, line: 0, column: 0, path: "",
                    message: "cannot read the file: \(Self.describe(fileError: error))")
            ])
        }
        return try load(text: text, file: file)
    }

    /// Reads and checks a scenario given as `text`; `file` names it in messages
    /// and is where relative template files are looked up from.
    public func load(text: String, file: String) throws(ScenarioValidationError) -> Scenario {
        let issues = IssueCollector(file: file)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ScenarioValidationError(issues: [
                    ScenarioIssue(file: file, line: 0, column: 0, path: "", message: "the file is empty")
                ])
            }
            root = node
        } catch let error as ScenarioValidationError {
            throw error
        } catch {
            throw ScenarioValidationError(issues: [Self.issue(fromYAMLError: error, file: file)])
        }
        var patched = root
        for override in overrides {
            do throws(ScenarioIssue) {
                patched = try override.apply(to: patched, file: file)
            } catch {
                issues.report(error.message, path: error.path, line: 0, column: 0)
            }
        }
        var reader = ScenarioReader(issues: issues, directory: (file as NSString).deletingLastPathComponent)
        reader.durationOptional = durationOptional
        let scenario = reader.read(YAMLValue(node: patched, path: "", issues: issues))
        guard issues.isEmpty, let scenario else {
            throw ScenarioValidationError(issues: issues.issues)
        }
        return scenario
    }

    static func issue(fromYAMLError error: any Error, file: String) -> ScenarioIssue {
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(let context, let problem, let mark, _),
                .parser(let context, let problem, let mark, _),
                .composer(let context, let problem, let mark, _):
                let prefix = context.map { "\($0.text) " } ?? ""
                return ScenarioIssue(
                    file: file, line: mark.line, column: mark.column, path: "",
                    message: "not valid YAML: \(prefix)\(problem)")
            case .reader(let problem, _, _, _):
                return ScenarioIssue(
                    file: file, line: 0, column: 0, path: "", message: "not valid YAML: \(problem)")
            case .duplicatedKeysInMapping(let duplicates, let context):
                // Yams rejects the file before it can be read; its mark is the
                // key's first appearance in the mapping.
                let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
                return ScenarioIssue(
                    file: file, line: context.mark.line, column: context.mark.column, path: "",
                    message: "duplicate key\(duplicates.count > 1 ? "s" : "") \(keys): "
                        + "a key may appear only once in a mapping")
            default:
                break
            }
        }
        return ScenarioIssue(file: file, line: 0, column: 0, path: "", message: "not valid YAML: \(error)")
    }

    static func describe(fileError error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSCocoaErrorDomain && nsError.code == NSFileReadNoSuchFileError {
            return "no such file"
        }
        return nsError.localizedDescription
    }
}
