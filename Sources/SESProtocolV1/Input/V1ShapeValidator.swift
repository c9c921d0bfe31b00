import SimJSON

/// Checks a structured value against a shape of the model as SES's front
/// end checks a request before the operation runs: members of the right
/// kinds, required members present, enum values and length limits. Every
/// problem is collected (SES reports them all in one `ValidationError`).
///
/// Each problem is worded as AWS words it, with the member's path in the
/// request as SES spells it — names starting lowercase, list elements as
/// `destinations.1.member` (`Value null at 'message' failed to satisfy
/// constraint: Member must not be null`, captured in
/// aws-amplify/aws-sdk-ios#27). A member the shape does not have is
/// worded as botocore's own parameter check words it (`Unknown parameter in
/// Destination: "Foo", must be one of: …`).
struct V1ShapeValidator {
    struct Problem: Hashable {
        /// boto3's name for the place (`Destinations[0].Destination`).
        var memberPath: String
        var message: String
    }

    private(set) var problems: [Problem] = []

    /// Checks `value` against `shape`.
    mutating func check(_ value: JSONValue, shape: V1Shape, wirePath: String, memberPath: String) {
        switch (shape.kind, value) {
        case (.structure, .object(let members)):
            checkStructure(members, shape: shape, wirePath: wirePath, memberPath: memberPath)
        case (.list, .array(let items)):
            guard let member = shape.listMember.flatMap(SESV1Model.shape(named:)) else { return }
            for (index, item) in items.enumerated() {
                check(
                    item, shape: member, wirePath: "\(wirePath).\(index + 1).member",
                    memberPath: "\(memberPath)[\(index)]")
            }
        case (.map, .object(let entries)):
            guard let valueShape = shape.mapValue.flatMap(SESV1Model.shape(named:)) else { return }
            for (index, key) in entries.keys.sorted().enumerated() {
                check(
                    entries[key] ?? .null, shape: valueShape,
                    wirePath: "\(wirePath).entry.\(index + 1).value",
                    memberPath: "\(memberPath)[\"\(key)\"]")
            }
        case (.string, .string(let text)):
            checkString(text, shape: shape, wirePath: wirePath, memberPath: memberPath)
        case (.blob, .string), (.boolean, .bool), (.timestamp, .string), (.timestamp, .integer),
            (.timestamp, .number), (.double, .integer), (.double, .number), (.integer, .integer),
            (.long, .integer):
            return
        case (.integer, .number(let number)), (.long, .number(let number)):
            if number != number.rounded() || abs(number) >= 9.2e18 {
                wrongKind(value, shape: shape, wirePath: wirePath, memberPath: memberPath)
            }
        default:
            wrongKind(value, shape: shape, wirePath: wirePath, memberPath: memberPath)
        }
    }

    private mutating func checkStructure(
        _ members: [String: JSONValue], shape: V1Shape, wirePath: String, memberPath: String
    ) {
        for key in members.keys.sorted() where shape.member(named: key) == nil {
            let names = shape.members.map(\.name).joined(separator: ", ")
            problems.append(
                Problem(
                    memberPath: join(memberPath, key),
                    message: "Unknown parameter in \(memberPath.isEmpty ? "input" : memberPath): \"\(key)\", "
                        + "must be one of: \(names)"))
        }
        for member in shape.members {
            let wire =
                wirePath.isEmpty ? Self.wireName(member.name) : "\(wirePath).\(Self.wireName(member.name))"
            let path = join(memberPath, member.name)
            guard let value = members[member.name], value != .null else {
                if shape.required.contains(member.name) {
                    problems.append(
                        Problem(
                            memberPath: path,
                            message:
                                "Value null at '\(wire)' failed to satisfy constraint: Member must not be null"
                        ))
                }
                continue
            }
            guard let target = SESV1Model.shape(named: member.shape) else { continue }
            check(value, shape: target, wirePath: wire, memberPath: path)
        }
    }

    private mutating func checkString(_ text: String, shape: V1Shape, wirePath: String, memberPath: String) {
        if !shape.enumValues.isEmpty, !shape.enumValues.contains(text) {
            problems.append(
                Problem(
                    memberPath: memberPath,
                    message:
                        "Value '\(text)' at '\(wirePath)' failed to satisfy constraint: Member must satisfy "
                        + "enum value set: [\(shape.enumValues.joined(separator: ", "))]"))
        }
        if let maximum = shape.maximumLength, text.count > maximum {
            problems.append(
                Problem(
                    memberPath: memberPath,
                    message:
                        "Value at '\(wirePath)' failed to satisfy constraint: Member must have length less "
                        + "than or equal to \(maximum)"))
        }
    }

    private mutating func wrongKind(_ value: JSONValue, shape: V1Shape, wirePath: String, memberPath: String)
    {
        let shown: String
        if case .string(let text) = value { shown = text } else { shown = value.serialized() }
        problems.append(
            Problem(
                memberPath: memberPath,
                message:
                    "Value '\(shown.prefix(200))' at '\(wirePath)' failed to satisfy constraint: Member must be "
                    + Self.kindDescription(shape.kind)))
    }

    private func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// A member's name as SES's messages spell it: its first letter lowercase.
    static func wireName(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.lowercased() + name.dropFirst()
    }

    static func kindDescription(_ kind: V1Shape.Kind) -> String {
        switch kind {
        case .structure: "a structure"
        case .list: "a list"
        case .map: "a map"
        case .string: "a string"
        case .boolean: "a boolean (true or false)"
        case .integer, .long: "an integer"
        case .double: "a number"
        case .timestamp: "a timestamp"
        case .blob: "base64-encoded binary data"
        }
    }
}
