import Foundation
import Runner
import SESSimulation
import ScenarioFormat
import SimJSON

/// Loading, running and inspecting scenarios written inline in tests.
public enum ScenarioFixtures {
    /// The name scenario texts are loaded under, as it appears in messages.
    public static let fileName = "test.yaml"

    /// Loads `text` as the scenario file `file`.
    public static func load(_ text: String, file: String = fileName) throws(ScenarioValidationError)
        -> Scenario
    {
        try ScenarioLoader().load(text: text, file: file)
    }

    /// The problems loading `text` reports, in file order; empty when it loads.
    public static func issues(_ text: String, file: String = fileName) -> [ScenarioIssue] {
        do {
            _ = try load(text, file: file)
            return []
        } catch {
            return error.issues
        }
    }

    /// The problems loading `text` reports, each rendered as it is printed.
    public static func messages(_ text: String, file: String = fileName) -> [String] {
        issues(text, file: file).map(\.description)
    }

    /// Loads and runs `text`, writing outputs to `output` when given.
    public static func run(_ text: String, seed: UInt64? = nil, output: String? = nil) throws -> RunResult {
        var scenario = try load(text)
        if let seed { scenario.seed = seed }
        let directory: OutputDirectory? = try output.map { try OutputDirectory(path: $0) }
        return try ScenarioRunner(scenario: scenario).run(output: directory)
    }

    /// A new empty temporary folder.
    public static func temporaryDirectory() -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent(
            "sesim-scenarios-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A path in a new temporary folder where nothing exists yet.
    public static func absentPath(_ name: String = "out") -> String {
        (temporaryDirectory() as NSString).appendingPathComponent(name)
    }

    /// Writes `text` to `name` in a new temporary folder; returns its path.
    public static func write(_ text: String, named name: String = "scenario.yaml") -> String {
        let path = (temporaryDirectory() as NSString).appendingPathComponent(name)
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The names in `directory` (hidden ones included), sorted; empty when it does not exist.
    public static func entries(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    /// The bytes of `name` in `directory`.
    public static func contents(_ directory: String, _ name: String) -> Data? {
        FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name))
    }

    /// The value at `path` (a metric path) in `summary`.
    public static func value(_ path: String, in summary: JSONValue) -> JSONValue? {
        var problem: String?
        return MetricPath(parsing: path, problem: &problem)?.resolve(in: summary)
    }

    /// The number at `path` in `summary`.
    public static func number(_ path: String, in summary: JSONValue) -> Double? {
        value(path, in: summary)?.numberValue
    }

    /// The text at `path` in `summary`.
    public static func text(_ path: String, in summary: JSONValue) -> String? {
        if case .string(let text)? = value(path, in: summary) { return text }
        return nil
    }
}
