import SimJSON

/// A path to a value in a run's summary: keys joined by dots, with keys that
/// contain other characters in brackets and quotes, and list positions in
/// brackets: `events.delivery`, `ips["192.0.2.1"].overflow`, `expectations[0].passed`.
public struct MetricPath: Hashable, Sendable, CustomStringConvertible {
    /// `path` with `key` appended as metric paths write it: after a dot
    /// when the key is a plain name, else in brackets and quotes.
    package static func join(_ path: String, _ key: String) -> String {
        let safe = key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } && !key.isEmpty
        let segment = safe ? key : "[\"\(key)\"]"
        if path.isEmpty { return safe ? key : segment }
        return safe ? "\(path).\(key)" : "\(path)\(segment)"
    }

    /// One step of the path.
    public enum Segment: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public let segments: [Segment]
    public let description: String

    /// Reads `text`, or returns nil with `problem` describing what is wrong.
    public init?(parsing text: String, problem: inout String?) {
        var segments: [Segment] = []
        var characters = Substring(text)
        func takeKey() -> String? {
            let key = characters.prefix { $0 != "." && $0 != "[" }
            characters = characters.dropFirst(key.count)
            return key.isEmpty ? nil : String(key)
        }
        guard let first = takeKey() else {
            problem = "a metric path starts with a key, as in events.delivery"
            return nil
        }
        segments.append(.key(first))
        while let next = characters.first {
            if next == "." {
                characters = characters.dropFirst()
                guard let key = takeKey() else {
                    problem = "a '.' must be followed by a key"
                    return nil
                }
                segments.append(.key(key))
            } else {
                characters = characters.dropFirst()
                if characters.first == "\"" {
                    characters = characters.dropFirst()
                    guard let close = characters.firstIndex(of: "\"") else {
                        problem = "a quoted key must end with '\"]'"
                        return nil
                    }
                    segments.append(.key(String(characters[characters.startIndex..<close])))
                    characters = characters[characters.index(after: close)...]
                } else {
                    let digits = characters.prefix { $0.isNumber }
                    guard let index = Int(digits) else {
                        problem =
                            "brackets hold a list position or a quoted key, as in [0] or [\"192.0.2.1\"]"
                        return nil
                    }
                    segments.append(.index(index))
                    characters = characters.dropFirst(digits.count)
                }
                guard characters.first == "]" else {
                    problem = "a '[' must be closed by ']'"
                    return nil
                }
                characters = characters.dropFirst()
            }
        }
        self.segments = segments
        self.description = text
    }

    /// The value at this path in `root`, if there is one.
    public func resolve(in root: JSONValue) -> JSONValue? {
        var current = root
        for segment in segments {
            switch (segment, current) {
            case (.key(let key), .object(let members)):
                guard let value = members[key] else { return nil }
                current = value
            case (.index(let index), .array(let items)):
                guard items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }
}
