import Yams

/// What YAML resolved a scalar to, by its tag.
enum ScalarKind {
    case null, bool, int, float, string

    init(_ node: Node) {
        switch node.tag.rawValue {
        case Tag.Name.null.rawValue: self = .null
        case Tag.Name.bool.rawValue: self = .bool
        case Tag.Name.int.rawValue: self = .int
        case Tag.Name.float.rawValue: self = .float
        default: self = .string
        }
    }
}

extension Node {
    /// The resolved kind of a scalar (nil for mappings and lists).
    var scalarKind: ScalarKind? {
        guard case .scalar = self else { return nil }
        return ScalarKind(self)
    }
}
