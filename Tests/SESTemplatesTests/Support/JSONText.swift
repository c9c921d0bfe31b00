import SESTemplates

/// Writes a `TemplateData.Value` back to JSON text, keeping key order (the
/// conformance data relies on it for `#each` over objects).
enum JSONText {
    static func write(_ value: TemplateData.Value) -> String {
        var out = ""
        write(value, to: &out)
        return out
    }

    static func write(_ value: TemplateData.Value, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .boolean(let flag): out += flag ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): writeString(text, to: &out)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                writeString(member.key, to: &out)
                out += ":"
                write(member.value, to: &out)
            }
            out += "}"
        }
    }

    static func writeString(_ text: String, to out: inout String) {
        out += JSONQuoting.quoted(text)
    }
}

extension TemplateData.Value {
    /// The member named `key` of an object.
    subscript(key: String) -> TemplateData.Value? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// Whether any object in the value has a member named `key`.
    func containsKey(_ key: String) -> Bool {
        switch self {
        case .object(let members): return members.contains { $0.key == key || $0.value.containsKey(key) }
        case .array(let items): return items.contains { $0.containsKey(key) }
        default: return false
        }
    }
}
