/// One problem found in a scenario file: where it is and what was expected.
///
/// Printed the way compilers print diagnostics, so editors can jump to it:
/// `scenarios/launch.yaml:14:9: configurationSets[0].eventDestinations[1].types[2]:
/// unknown event type 'bounced'; expected one of send, reject, …`.
public struct ScenarioIssue: Error, Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The file, as the user named it.
    public var file: String
    /// 1-based line, or 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column (in Unicode scalars), or 0.
    public var column: Int
    /// The path of the value in the scenario, e.g. `traffic[0].retry.maxAttempts`.
    public var path: String
    /// What is wrong and what was expected.
    public var message: String

    public init(file: String, line: Int, column: Int, path: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    public var description: String {
        let position = line > 0 ? "\(file):\(line):\(column):" : "\(file):"
        return path.isEmpty ? "\(position) \(message)" : "\(position) \(path): \(message)"
    }

    public static func < (lhs: ScenarioIssue, rhs: ScenarioIssue) -> Bool {
        (lhs.line, lhs.column, lhs.path, lhs.message) < (rhs.line, rhs.column, rhs.path, rhs.message)
    }
}

/// Every problem found in a scenario file: loading stops only after the
/// whole file has been checked, so a user sees all of them at once.
public struct ScenarioValidationError: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var issues: [ScenarioIssue]

    public init(issues: [ScenarioIssue]) {
        self.issues = issues.sorted()
    }

    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
