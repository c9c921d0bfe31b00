import SimJSON

extension BotocoreModel {
    /// The shape `name` of the SES v1 model.
    static func v1Shape(_ name: String) -> JSONValue? { ses?["shapes"]?[name] }

    /// Where the XML `element` departs from v1 shape `name`, read as
    /// botocore's `QueryParser` reads it: members by element name, lists as
    /// `member` elements, maps as `entry`/`key`/`value`, booleans `true` or
    /// `false`, numbers and ISO 8601 timestamps as text; empty when it conforms.
    static func v1Problems(_ element: XMLElement, shape name: String, path: String) -> [String] {
        guard let shape = v1Shape(name), let type = shape["type"]?.stringValue else {
            return ["\(path): no shape \(name)"]
        }
        switch type {
        case "structure":
            guard case .object(let members)? = shape["members"] else { return [] }
            var problems: [String] = []
            for child in element.children {
                guard let target = members[child.name]?["shape"]?.stringValue else {
                    problems.append("\(path)/\(child.name): not a member of \(name)")
                    continue
                }
                problems += v1Problems(child, shape: target, path: "\(path)/\(child.name)")
            }
            for required in shape["required"]?.arrayValue.compactMap(\.stringValue) ?? []
            where element[required] == nil {
                problems.append("\(path)/\(required): required by \(name), missing")
            }
            return problems
        case "list":
            let member = shape["member"]?["shape"]?.stringValue ?? ""
            return element.children.enumerated().flatMap { index, child in
                child.name == "member"
                    ? v1Problems(child, shape: member, path: "\(path)/member[\(index)]")
                    : ["\(path)/\(child.name): a list holds member elements"]
            }
        case "map":
            let value = shape["value"]?["shape"]?.stringValue ?? ""
            return element.children.flatMap { entry -> [String] in
                guard entry.name == "entry", entry["key"] != nil, let item = entry["value"] else {
                    return ["\(path)/\(entry.name): a map holds entry elements with a key and a value"]
                }
                return v1Problems(item, shape: value, path: "\(path)/entry[\(entry["key"]?.text ?? "")]")
            }
        case "string":
            if let allowed = shape["enum"]?.arrayValue.compactMap(\.stringValue),
                !allowed.contains(element.text)
            {
                return ["\(path): '\(element.text)' is not one of \(name)'s values"]
            }
            return []
        case "boolean":
            return ["true", "false"].contains(element.text)
                ? [] : ["\(path): '\(element.text)' is not a boolean"]
        case "integer", "long":
            return Int64(element.text) != nil ? [] : ["\(path): '\(element.text)' is not an integer"]
        case "double":
            return Double(element.text) != nil ? [] : ["\(path): '\(element.text)' is not a number"]
        case "timestamp":
            return element.text.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z/) != nil
                ? [] : ["\(path): '\(element.text)' is not an ISO 8601 timestamp"]
        default:
            return []
        }
    }
}
