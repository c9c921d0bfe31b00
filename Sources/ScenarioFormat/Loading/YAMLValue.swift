import SimCore
import Yams

/// One value of a scenario file with its place in the file and in the
/// scenario, and typed accessors that report a precise problem (and return
/// nil) when the value is not what was expected.
struct YAMLValue {
    let node: Node
    /// The scenario path, e.g. `traffic[0].retry`.
    let path: String
    let issues: IssueCollector

    var line: Int { node.mark?.line ?? 0 }
    var column: Int { node.mark?.column ?? 0 }

    /// Records a problem at this value.
    func report(_ message: String) {
        issues.report(message, path: path, line: line, column: column)
    }

    /// A description of what the node is, for "expected X, found Y" messages.
    var kindDescription: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch node.scalarKind ?? .string {
            case .null: return "nothing (null)"
            case .bool: return "a boolean (\(scalar.string))"
            case .int, .float: return "a number (\(scalar.string))"
            default: return "the text '\(scalar.string)'"
            }
        }
    }

    /// Whether the value is YAML null (`~`, `null`, or nothing).
    var isNull: Bool {
        if node.scalarKind == .null { return true }
        return false
    }

    // MARK: - Scalars

    /// The value as text: any scalar that is not null.
    var string: String? {
        guard case .scalar(let scalar) = node, node.scalarKind != .null else {
            report("expected text, found \(kindDescription)")
            return nil
        }
        return scalar.string
    }

    /// A non-empty string.
    var nonEmptyString: String? {
        guard let text = string else { return nil }
        if text.isEmpty {
            report("expected a non-empty text")
            return nil
        }
        return text
    }

    /// A boolean (`true` or `false`).
    var bool: Bool? {
        if case .scalar(let scalar) = node, node.scalarKind == .bool {
            switch scalar.string.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        report("expected true or false, found \(kindDescription)")
        return nil
    }

    /// The value as a number when YAML resolved it to an int or a float
    /// (`150_000` is 150000), without reporting anything otherwise.
    var number: Double? {
        guard case .scalar(let scalar) = node, node.scalarKind == .int || node.scalarKind == .float else {
            return nil
        }
        return Double(scalar.string.replacingOccurrences(of: "_", with: ""))
    }

    /// A number within `range`.
    func double(in range: ClosedRange<Double>, what: String = "a number") -> Double? {
        guard let value = number else {
            report("expected \(what), found \(kindDescription)")
            return nil
        }
        guard range.contains(value) else {
            report(
                "\(Self.format(value)) is out of range; expected \(what) from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))"
            )
            return nil
        }
        return value
    }

    /// A whole number within `range`.
    func int(in range: ClosedRange<Int>, what: String = "a whole number") -> Int? {
        guard case .scalar(let scalar) = node, node.scalarKind == .int,
            let value = Int(scalar.string.replacingOccurrences(of: "_", with: ""))
        else {
            report("expected \(what), found \(kindDescription)")
            return nil
        }
        guard range.contains(value) else {
            report(
                "\(value) is out of range; expected \(what) from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    /// A probability in [0, 1].
    var probability: Double? {
        guard number != nil else {
            report("expected a probability between 0 and 1, found \(kindDescription)")
            return nil
        }
        return double(in: 0...1, what: "a probability")
    }

    /// A duration (`90s`, `15m`, `1d12h`), optionally within `range`.
    func duration(in range: ClosedRange<SimDuration>? = nil) -> SimDuration? {
        guard case .scalar(let scalar) = node, node.scalarKind != .null else {
            report("expected a duration (\(TimeFormatError.durationForms)), found \(kindDescription)")
            return nil
        }
        do {
            let duration = try SimDuration(parsing: scalar.string)
            if let range, !range.contains(duration) {
                report(
                    "\(duration) is out of range; expected a duration from \(range.lowerBound) to \(range.upperBound)"
                )
                return nil
            }
            return duration
        } catch {
            report(error.description)
            return nil
        }
    }

    /// An instant of the run (`+36h`, `day 3 09:00`, an ISO 8601 timestamp).
    func instant(on calendar: SimCalendar) -> SimTime? {
        guard case .scalar(let scalar) = node, node.scalarKind != .null else {
            report("expected an instant (\(TimeFormatError.instantForms)), found \(kindDescription)")
            return nil
        }
        do {
            return try calendar.instant(parsing: scalar.string)
        } catch {
            report(error.description)
            return nil
        }
    }

    /// One of `choices`, spelled exactly.
    func choice<T>(_ choices: [(String, T)], what: String) -> T? {
        guard let text = string else { return nil }
        if let match = choices.first(where: { $0.0 == text }) { return match.1 }
        let names = choices.map(\.0)
        var message = "unknown \(what) '\(text)'"
        if let suggestion = Spelling.closest(to: text, among: names) {
            message += " (did you mean '\(suggestion)'?)"
        }
        report("\(message); expected one of \(names.joined(separator: ", "))")
        return nil
    }

    // MARK: - Collections

    /// The items of a list (a single non-list value is reported).
    var list: [YAMLValue]? {
        guard case .sequence(let sequence) = node else {
            report("expected a list, found \(kindDescription)")
            return nil
        }
        return sequence.enumerated().map { index, item in
            YAMLValue(node: item, path: "\(path)[\(index)]", issues: issues)
        }
    }

    /// The items of a list, or none when the value is not a list, without
    /// reporting anything (for a second look at a value already read).
    var items: [YAMLValue] {
        guard case .sequence(let sequence) = node else { return [] }
        return sequence.enumerated().map { index, item in
            YAMLValue(node: item, path: "\(path)[\(index)]", issues: issues)
        }
    }

    /// The value of `key` when this is a mapping that has it, without
    /// reporting anything (for a second look at a value already read).
    func child(_ key: String) -> YAMLValue? {
        guard case .mapping(let mapping) = node,
            let entry = mapping.first(where: { $0.key.scalar?.string == key })
        else { return nil }
        return YAMLValue(node: entry.value, path: Self.join(path, key), issues: issues)
    }

    /// The value at `path` below this one (keys and list positions), or the
    /// deepest value on the way that exists.
    func deepest(along segments: ArraySlice<MetricPath.Segment>) -> YAMLValue {
        guard let segment = segments.first else { return self }
        switch segment {
        case .key(let key):
            return child(key)?.deepest(along: segments.dropFirst()) ?? self
        case .index(let index):
            let list = items
            return list.indices.contains(index) ? list[index].deepest(along: segments.dropFirst()) : self
        }
    }

    /// The value as a mapping whose keys must be among `allowedKeys`;
    /// unknown keys are reported (with a suggestion when one is close).
    func mapping(allowedKeys: [String]) -> YAMLMapping? {
        guard case .mapping(let mapping) = node else {
            report("expected a mapping, found \(kindDescription)")
            return nil
        }
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        var seen: Set<String> = []
        for (keyNode, valueNode) in mapping {
            let key = keyNode.scalar?.string ?? ""
            let keyValue = YAMLValue(node: keyNode, path: Self.join(path, key), issues: issues)
            if !seen.insert(key).inserted {
                keyValue.report("duplicate key '\(key)'")
                continue
            }
            if !allowedKeys.contains(key) {
                var message = "unknown key '\(key)'"
                if let suggestion = Spelling.closest(to: key, among: allowedKeys) {
                    message += " (did you mean '\(suggestion)'?)"
                }
                keyValue.report("\(message); expected one of \(allowedKeys.joined(separator: ", "))")
                continue
            }
            entries.append((key, keyNode, valueNode))
        }
        return YAMLMapping(owner: self, entries: entries)
    }

    /// The value as a mapping of free-form keys (tags, template data),
    /// in sorted key order.
    var freeMapping: [(key: String, value: YAMLValue)]? {
        guard case .mapping(let mapping) = node else {
            report("expected a mapping, found \(kindDescription)")
            return nil
        }
        return mapping.map { keyNode, valueNode in
            let key = keyNode.scalar?.string ?? ""
            return (key, YAMLValue(node: valueNode, path: Self.join(path, key), issues: issues))
        }.sorted { $0.key < $1.key }
    }

    static func join(_ path: String, _ key: String) -> String { MetricPath.join(path, key) }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// A mapping whose keys were checked; values are looked up by key.
struct YAMLMapping {
    let owner: YAMLValue
    let entries: [(key: String, keyNode: Node, value: Node)]

    /// The value of `key`, or nil (silently) when it is absent or null.
    func optional(_ key: String) -> YAMLValue? {
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        let value = YAMLValue(node: entry.value, path: YAMLValue.join(owner.path, key), issues: owner.issues)
        return value.isNull ? nil : value
    }

    /// The value of `key`, reporting its absence.
    func required(_ key: String, what: String? = nil) -> YAMLValue? {
        if let value = optional(key) { return value }
        owner.report("missing required key '\(key)'\(what.map { " (\($0))" } ?? "")")
        return nil
    }

    /// The value of `key` even when it is null (nil only when it is absent),
    /// for keys where null is a value of its own.
    func present(_ key: String) -> YAMLValue? {
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        return YAMLValue(node: entry.value, path: YAMLValue.join(owner.path, key), issues: owner.issues)
    }

    /// The same mapping, reporting its problems nowhere: for reading values
    /// a second time once their problems have been reported.
    func silenced() -> YAMLMapping {
        let quiet = YAMLValue(
            node: owner.node, path: owner.path, issues: IssueCollector(file: owner.issues.file))
        return YAMLMapping(owner: quiet, entries: entries)
    }

    /// Whether `key` is present (even as null).
    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    /// The keys present, in file order.
    var keys: [String] { entries.map(\.key) }
}
