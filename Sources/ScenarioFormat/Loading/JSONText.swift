import SimJSON
import Yams

/// YAML values written as JSON text (for template data), keeping the file's
/// key order so that the text is the same on every run.
enum JSONText {
    static func encode(_ node: Node) -> String {
        var output = ""
        write(node, to: &output)
        return output
    }

    private static func write(_ node: Node, to output: inout String) {
        switch node {
        case .scalar(let scalar):
            switch node.scalarKind ?? .string {
            case .null: output += "null"
            case .bool:
                output += ["true", "yes", "on"].contains(scalar.string.lowercased()) ? "true" : "false"
            case .int, .float:
                if let number = Double(scalar.string.replacingOccurrences(of: "_", with: "")), number.isFinite
                {
                    output += JSONNumber.format(number)
                } else {
                    JSONValue.writeString(scalar.string, to: &output)
                }
            default: JSONValue.writeString(scalar.string, to: &output)
            }
        case .sequence(let sequence):
            output += "["
            for (index, item) in sequence.enumerated() {
                if index > 0 { output += "," }
                write(item, to: &output)
            }
            output += "]"
        case .mapping(let mapping):
            output += "{"
            for (index, (key, value)) in mapping.enumerated() {
                if index > 0 { output += "," }
                JSONValue.writeString(key.scalar?.string ?? "", to: &output)
                output += ":"
                write(value, to: &output)
            }
            output += "}"
        case .alias:
            output += "null"
        }
    }
}
