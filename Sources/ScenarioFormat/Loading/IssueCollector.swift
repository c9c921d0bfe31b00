/// Gathers the problems found while a scenario file is read, so that reading
/// can go on past the first one.
///
/// A class because every reader of the file's parts adds to the same list.
final class IssueCollector {
    let file: String
    private(set) var issues: [ScenarioIssue] = []

    init(file: String) {
        self.file = file
    }

    func report(_ message: String, path: String, line: Int, column: Int) {
        issues.append(ScenarioIssue(file: file, line: line, column: column, path: path, message: message))
    }

    var isEmpty: Bool { issues.isEmpty }
}
