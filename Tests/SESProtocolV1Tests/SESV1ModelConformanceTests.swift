import SESProtocolV1
import SimJSON
import Testing

/// The committed table of operations and shapes against the installed
/// botocore's `ses` model (scripts/generate-v1-model.py writes the table).
@Suite(.enabled(if: BotocoreSES.model != nil, "botocore (python3 -c 'import botocore') is not installed"))
struct SESV1ModelConformanceTests {
    @Test func everyOperationServedIsTheModelsWithItsShapes() throws {
        for operation in SESV1Model.operations {
            let model = try #require(
                BotocoreSES.operation(operation.name), "\(operation.name) is not in botocore's model")
            #expect(BotocoreSES.text(model["input"]?["shape"]) == operation.input, "\(operation.name)")
            #expect(BotocoreSES.text(model["output"]?["shape"]) == operation.output, "\(operation.name)")
            #expect(
                BotocoreSES.text(model["output"]?["resultWrapper"]) == operation.resultWrapper,
                "\(operation.name)")
            #expect(BotocoreSES.text(model["http"]?["requestUri"]) == "/", "\(operation.name)")
        }
    }

    /// Every shape the operations reach: its kind, members (names, shapes,
    /// order), required members, list and map shapes, enum values, limits.
    @Test func everyShapeIsTheModels() throws {
        var reached: [String] = SESV1Model.operations.flatMap { [$0.input, $0.output].compactMap { $0 } }
        var seen: Set<String> = []
        while let name = reached.popLast() {
            guard seen.insert(name).inserted else { continue }
            let shape = try #require(SESV1Model.shape(named: name), "\(name) is missing from the table")
            let model = try #require(BotocoreSES.shape(name), "\(name) is not in botocore's model")
            #expect(BotocoreSES.text(model["type"]) == shape.kind.rawValue, "\(name)")
            switch shape.kind {
            case .structure:
                guard case .object(let members)? = model["members"] else {
                    Issue.record("\(name) has no members")
                    continue
                }
                #expect(Set(members.keys) == Set(shape.members.map(\.name)), "\(name)")
                for member in shape.members {
                    #expect(
                        BotocoreSES.text(members[member.name]?["shape"]) == member.shape,
                        "\(name).\(member.name)")
                    reached.append(member.shape)
                }
                #expect(Set(BotocoreSES.texts(model["required"])) == Set(shape.required), "\(name)")
            case .list:
                #expect(BotocoreSES.text(model["member"]?["shape"]) == shape.listMember, "\(name)")
                reached += shape.listMember.map { [$0] } ?? []
            case .map:
                #expect(BotocoreSES.text(model["key"]?["shape"]) == shape.mapKey, "\(name)")
                #expect(BotocoreSES.text(model["value"]?["shape"]) == shape.mapValue, "\(name)")
                reached += [shape.mapKey, shape.mapValue].compactMap { $0 }
            case .string:
                #expect(BotocoreSES.texts(model["enum"]) == shape.enumValues, "\(name)")
                #expect(model["max"]?.numberValue.map { Int($0) } == shape.maximumLength, "\(name)")
            default:
                break
            }
        }
    }

    /// A call with every member of botocore's input shape, each of its kind
    /// (the first enum value, one list element), passes validation: the
    /// decoder reads nothing the model lacks and refuses nothing it has.
    @Test func aCallWithEveryModelMemberIsValid() throws {
        for operation in SESV1Model.operations {
            let input = BotocoreSES.text(BotocoreSES.operation(operation.name)?["input"]?["shape"])
            let parameters = input.map { Self.sample(shape: $0, depth: 0) } ?? .null
            do {
                _ = try SESV1Input.call(operation: operation.name, parameters: parameters)
            } catch {
                #expect(error.error.code != .validationError, "\(operation.name): \(error)")
                #expect(error.error.code != .invalidAction, "\(operation.name): \(error)")
            }
        }
    }

    static func sample(shape name: String, depth: Int) -> JSONValue {
        guard let shape = BotocoreSES.shape(name), depth < 8 else { return .null }
        switch BotocoreSES.text(shape["type"]) {
        case "structure":
            guard case .object(let members)? = shape["members"] else { return .object([:]) }
            var value: [String: JSONValue] = [:]
            for (key, member) in members {
                if let target = BotocoreSES.text(member["shape"]) {
                    value[key] = sample(shape: target, depth: depth + 1)
                }
            }
            return .object(value)
        case "list":
            return .array([sample(shape: BotocoreSES.text(shape["member"]?["shape"]) ?? "", depth: depth + 1)]
            )
        case "map":
            return .object([
                "k": sample(shape: BotocoreSES.text(shape["value"]?["shape"]) ?? "", depth: depth + 1)
            ])
        case "boolean": return .bool(true)
        case "integer", "long": return .integer(1)
        case "double": return .number(1)
        case "blob": return .string("U3ViamVjdDogeA0KDQpo")
        case "timestamp": return .string("2026-01-01T00:00:00Z")
        default:
            if let first = BotocoreSES.texts(shape["enum"]).first { return .string(first) }
            return .string(name == "Address" ? "a@example.com" : "x")
        }
    }
}
