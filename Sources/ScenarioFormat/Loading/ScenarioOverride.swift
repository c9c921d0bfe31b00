import Yams

/// A replacement of one value of a scenario file, by path:
/// `account.maxSendRate=50`, `traffic[0].schedule.callRate=20`.
public struct ScenarioOverride: Hashable, Sendable {
    /// Where the value is.
    public var path: MetricPath
    /// The new value, as YAML text (`50`, `true`, `6h`, `[a, b]`).
    public var value: String

    public init(path: MetricPath, value: String) {
        self.path = path
        self.value = value
    }

    /// Reads `PATH=VALUE`.
    public init(parsing text: String) throws(ScenarioIssue) {
        guard let equals = text.firstIndex(of: "=") else {
            throw ScenarioIssue(
                file: "--set", line: 0, column: 0, path: text,
                message: "expected PATH=VALUE, as in account.maxSendRate=50")
        }
        var problem: String?
        guard let path = MetricPath(parsing: String(text[..<equals]), problem: &problem) else {
            throw ScenarioIssue(
                file: "--set", line: 0, column: 0, path: String(text[..<equals]),
                message: problem ?? "bad path")
        }
        self.init(path: path, value: String(text[text.index(after: equals)...]))
    }

    /// `root` with this override applied; missing mapping keys are created.
    func apply(to root: Node, file: String) throws(ScenarioIssue) -> Node {
        let replacement: Node
        do {
            replacement = try Yams.compose(yaml: value) ?? Node("", .init(.null))
        } catch {
            throw ScenarioIssue(
                file: file, line: 0, column: 0, path: path.description,
                message: "the value '\(value)' given with --set is not valid YAML")
        }
        return try replace(in: root, segments: path.segments[...], with: replacement, file: file)
    }

    private func replace(
        in node: Node, segments: ArraySlice<MetricPath.Segment>, with replacement: Node, file: String
    )
        throws(ScenarioIssue) -> Node
    {
        guard let segment = segments.first else { return replacement }
        switch (segment, node) {
        case (.key(let key), .mapping(var mapping)):
            var pairs = Array(mapping)
            if let index = pairs.firstIndex(where: { $0.0.scalar?.string == key }) {
                pairs[index].1 = try replace(
                    in: pairs[index].1, segments: segments.dropFirst(), with: replacement, file: file)
            } else {
                let empty = Node([(Node, Node)]())
                pairs.append(
                    (
                        Node(key),
                        try replace(in: empty, segments: segments.dropFirst(), with: replacement, file: file)
                    ))
            }
            mapping = Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark)
            return .mapping(mapping)
        case (.index(let index), .sequence(var sequence)):
            guard sequence.indices.contains(index) else {
                throw ScenarioIssue(
                    file: file, line: 0, column: 0, path: path.description,
                    message: "--set names list position \(index), but the list has \(sequence.count) items")
            }
            sequence[index] = try replace(
                in: sequence[index], segments: segments.dropFirst(), with: replacement, file: file)
            return .sequence(sequence)
        default:
            throw ScenarioIssue(
                file: file, line: 0, column: 0, path: path.description,
                message: "--set path does not match the scenario's structure")
        }
    }
}
