import SESProtocolV1
import SimJSON

/// Reads a Query request's flat parameters into the structured value an
/// operation's input shape describes, as botocore's `QuerySerializer`
/// writes them: nested structures with dots (`Message.Subject.Data`), list
/// elements as `Name.member.N` (an empty list as `Name=`), map entries as
/// `Name.entry.N.key` / `Name.entry.N.value`, booleans as `true`/`false`,
/// numbers as text, blobs as base64 (kept as text for ``SESV1Input``).
///
/// Parameters the shape does not have (`Action`, `Version`, a presigned
/// URL's `X-Amz-*`, anything unknown) are left out. A value that does not
/// read as its shape's kind is kept as text, so that the decoder reports it
/// in SES's validation wording; list or map positions that are not numbers
/// from 1 are an `InvalidQueryParameter`.
enum QueryStructure {
    /// The most dot-separated parts a parameter's name may have. The deepest
    /// name an operation served has six
    /// (`EventDestination.CloudWatchDestination.DimensionConfigurations.member.1.DimensionName`).
    static let maximumDepth = 16

    /// The parameters of `form` under `shape` (the operation's input).
    static func value(of form: QueryForm, shape: V1Shape?) throws(SESV1Error) -> JSONValue {
        guard let shape else { return .object([:]) }
        var root = Node()
        for (name, value) in form.values {
            let components = name.split(separator: ".", omittingEmptySubsequences: false)
            guard components.count <= maximumDepth else {
                throw SESV1Error(
                    .invalidQueryParameter,
                    "The parameter \(name.prefix(100))… is malformed: it has more than \(maximumDepth) parts."
                )
            }
            root.insert(components[...], value: value)
        }
        return try convert(root, shape: shape, path: "") ?? .object([:])
    }

    /// A tree of the parameters' dotted names.
    struct Node {
        var value: String?
        var children: [Substring: Node] = [:]

        mutating func insert(_ components: ArraySlice<Substring>, value text: String) {
            guard let first = components.first else {
                value = text
                return
            }
            children[first, default: Node()].insert(components.dropFirst(), value: text)
        }
    }

    private static func convert(_ node: Node, shape: V1Shape, path: String) throws(SESV1Error) -> JSONValue? {
        switch shape.kind {
        case .structure:
            var members: [String: JSONValue] = [:]
            for member in shape.members {
                guard let child = node.children[Substring(member.name)],
                    let target = SESV1Model.shape(named: member.shape)
                else { continue }
                let name = path.isEmpty ? member.name : "\(path).\(member.name)"
                if let value = try convert(child, shape: target, path: name) { members[member.name] = value }
            }
            if members.isEmpty, node.children.isEmpty, let text = node.value { return .string(text) }
            return .object(members)
        case .list:
            guard let items = node.children["member"] else {
                return node.value.map { $0.isEmpty ? .array([]) : .string($0) }
            }
            guard let member = shape.listMember.flatMap(SESV1Model.shape(named:)) else { return nil }
            var values: [JSONValue] = []
            for (position, child) in try positions(items, path: "\(path).member") {
                values.append(try convert(child, shape: member, path: "\(path).member.\(position)") ?? .null)
            }
            return .array(values)
        case .map:
            guard let entries = node.children["entry"] else {
                return node.value.map { $0.isEmpty ? .object([:]) : .string($0) }
            }
            guard let valueShape = shape.mapValue.flatMap(SESV1Model.shape(named:)) else { return nil }
            var values: [String: JSONValue] = [:]
            for (position, entry) in try positions(entries, path: "\(path).entry") {
                guard let key = entry.children["key"]?.value else {
                    throw SESV1Error(
                        .invalidQueryParameter, "The map entry \(path).entry.\(position) has no key.")
                }
                if let valueNode = entry.children["value"] {
                    values[key] = try convert(
                        valueNode, shape: valueShape, path: "\(path).entry.\(position).value")
                }
            }
            return .object(values)
        case .string, .blob, .timestamp:
            return node.value.map { .string($0) }
        case .boolean:
            return node.value.map { $0 == "true" ? .bool(true) : $0 == "false" ? .bool(false) : .string($0) }
        case .integer, .long:
            return node.value.map { text in Int64(text).map { .integer($0) } ?? .string(text) }
        case .double:
            return node.value.map { text in Double(text).map { .number($0) } ?? .string(text) }
        }
    }

    /// The children of a list's `member` (or a map's `entry`) node in order
    /// of their positions, which must be whole numbers from 1.
    private static func positions(_ node: Node, path: String) throws(SESV1Error) -> [(Int, Node)] {
        var result: [(Int, Node)] = []
        for (key, child) in node.children {
            guard let position = Int(key), position >= 1, key.first != "+" else {
                throw SESV1Error(
                    .invalidQueryParameter,
                    "The parameter \(path).\(key) is malformed: a list position must be a whole number from 1."
                )
            }
            result.append((position, child))
        }
        return result.sorted { $0.0 < $1.0 }
    }
}
