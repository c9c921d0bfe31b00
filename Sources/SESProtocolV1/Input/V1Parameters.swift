import SimJSON

/// The members of one structure of a v1 input, already checked against its
/// shape (``V1ShapeValidator``): reading them cannot fail on kinds, and a
/// required member is present.
struct V1Parameters {
    let members: [String: JSONValue]
    /// Where this structure sits, as boto3 names it (`Destinations[0]`).
    let path: String

    init(_ members: [String: JSONValue], path: String = "") {
        self.members = members
        self.path = path
    }

    /// boto3's name of member `key` of this structure.
    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func string(_ key: String) -> String? {
        if case .string(let text)? = members[key] { return text }
        return nil
    }

    /// A required string member (checked present); empty if it were absent.
    func requiredString(_ key: String) -> String { string(key) ?? "" }

    func strings(_ key: String) -> [String] {
        guard case .array(let items)? = members[key] else { return [] }
        return items.compactMap { item in
            if case .string(let text) = item { return text }
            return nil
        }
    }

    func bool(_ key: String) -> Bool? {
        if case .bool(let flag)? = members[key] { return flag }
        return nil
    }

    func integer(_ key: String) -> Int64? {
        switch members[key] {
        case .integer(let number)?: number
        case .number(let number)?: Int64(exactly: number.rounded())
        default: nil
        }
    }

    func object(_ key: String) -> V1Parameters? {
        guard case .object(let inner)? = members[key] else { return nil }
        return V1Parameters(inner, path: name(key))
    }

    func objects(_ key: String) -> [V1Parameters] {
        guard case .array(let items)? = members[key] else { return [] }
        return items.enumerated().compactMap { index, item in
            guard case .object(let inner) = item else { return nil }
            return V1Parameters(inner, path: "\(name(key))[\(index)]")
        }
    }
}
