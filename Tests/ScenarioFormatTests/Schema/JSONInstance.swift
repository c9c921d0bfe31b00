import Yams

/// A JSON value as JSON Schema sees it: what a scenario file (or the schema
/// itself, JSON being YAML) holds once read.
///
/// YAML scalars are typed the way the scenario loader types them — by the tag
/// Yams resolved (`ScalarKind`): null, bool, int, float, and everything else
/// (timestamps included) as text. An int stays distinct from a float, because
/// the loader reads only YAML ints where it wants a whole number (`5.0` is not
/// a number of attempts); the validator's `integer` follows it.
indirect enum JSONInstance: Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONInstance])
    case object([Member])

    /// One member of an object, in file order.
    struct Member: Sendable {
        var key: String
        var value: JSONInstance
    }

    /// A YAML value that JSON cannot represent.
    struct ConversionError: Error, CustomStringConvertible {
        var description: String
    }

    /// The instance a YAML node stands for.
    init(yaml node: Node, pointer: String = "") throws(ConversionError) {
        switch node {
        case .scalar(let scalar):
            let text = scalar.string
            let digits = text.replacingOccurrences(of: "_", with: "")
            switch node.tag.rawValue {
            case Tag.Name.null.rawValue:
                self = .null
            case Tag.Name.bool.rawValue:
                self = .bool(["true", "yes", "on"].contains(text.lowercased()))
            case Tag.Name.int.rawValue:
                // `0x1F` and `1:30` are YAML ints the loader cannot read as whole numbers.
                if let value = Int(digits) {
                    self = .integer(value)
                } else if let value = Double(digits) {
                    self = .number(value)
                } else {
                    self = .string(text)
                }
            case Tag.Name.float.rawValue:
                // `.inf` and `.nan` are YAML floats the loader does not read as numbers.
                if let value = Double(digits), value.isFinite {
                    self = .number(value)
                } else {
                    self = .string(text)
                }
            default:
                self = .string(text)
            }
        case .sequence(let sequence):
            var items: [JSONInstance] = []
            for (index, item) in sequence.enumerated() {
                items.append(try JSONInstance(yaml: item, pointer: "\(pointer)/\(index)"))
            }
            self = .array(items)
        case .mapping(let mapping):
            var members: [Member] = []
            for (key, value) in mapping {
                let name = key.scalar?.string ?? ""
                members.append(
                    Member(
                        key: name,
                        value: try JSONInstance(
                            yaml: value, pointer: JSONPointer.appending(name, to: pointer))))
            }
            self = .object(members)
        case .alias:
            throw ConversionError(
                description: "\(pointer.isEmpty ? "/" : pointer): YAML aliases are not read")
        }
    }

    /// Reads YAML (or JSON) text.
    init(yamlText text: String) throws {
        guard let node = try Yams.compose(yaml: text) else {
            throw ConversionError(description: "the document is empty")
        }
        try self.init(yaml: node)
    }

    /// The value of member `key`, if this is an object that has it.
    subscript(key: String) -> JSONInstance? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The value at a JSON pointer such as `/$defs/account/properties`.
    func resolve(pointer: String) -> JSONInstance? {
        var current = self
        for token in JSONPointer.tokens(of: pointer) {
            switch current {
            case .object:
                guard let next = current[token] else { return nil }
                current = next
            case .array(let items):
                guard let index = Int(token), items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }

    /// The keys of an object, in order (empty for anything else).
    var keys: [String] {
        guard case .object(let members) = self else { return [] }
        return members.map(\.key)
    }

    /// The value as a number, if it is one.
    var numberValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// The value as text, if it is a string.
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// JSON equality: numbers by value (1 equals 1.0), objects regardless of member order.
    func jsonEquals(_ other: JSONInstance) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.jsonEquals($1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count
                && a.allSatisfy { member in
                    b.first { $0.key == member.key }.map { $0.value.jsonEquals(member.value) } ?? false
                }
        default:
            guard let a = numberValue, let b = other.numberValue else { return false }
            return a == b
        }
    }

    /// A short description for messages: `5`, `"text"`, `a mapping`.
    var summary: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return "the integer \(value)"
        case .number(let value): return "the number \(value)"
        case .string(let text):
            let shown = text.count > 60 ? String(text.prefix(57)) + "..." : text
            return "the text \"\(shown)\""
        case .array: return "a list"
        case .object: return "a mapping"
        }
    }

    /// The JSON Schema type names this value has (`integer` values are also `number`s).
    var typeNames: [String] {
        switch self {
        case .null: ["null"]
        case .bool: ["boolean"]
        case .integer: ["integer", "number"]
        case .number: ["number"]
        case .string: ["string"]
        case .array: ["array"]
        case .object: ["object"]
        }
    }
}

/// JSON pointers (RFC 6901): `/traffic/0/schedule`.
enum JSONPointer {
    static func appending(_ token: String, to pointer: String) -> String {
        pointer + "/"
            + token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    static func appending(_ index: Int, to pointer: String) -> String {
        "\(pointer)/\(index)"
    }

    static func tokens(of pointer: String) -> [String] {
        var text = Substring(pointer)
        if text.hasPrefix("#") { text = text.dropFirst() }
        return text.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }
}
