/// Template data: a JSON value parsed once into a compact, flat tree that the renderer
/// reads without allocating.
///
/// Nodes are stored in preorder in one array: a container is followed by its
/// descendants, and each node knows where its subtree ends, so siblings are found by
/// skipping. String and number bytes live in one byte array (`storage`), which begins
/// with a copy of the parsed JSON text: a string without escapes is just a range of
/// it, so parsing copies nothing per value. Object members carry their key as a range
/// of `storage`. This is what makes per-recipient parsing fast (benchmark (b)).
public struct TemplateData: Sendable {
    /// The JSON type of a node.
    public enum Kind: UInt8, Sendable, Equatable {
        case null, boolean, number, string, array, object
    }

    @usableFromInline
    struct Node: Sendable {
        /// The node's JSON type.
        var kind: Kind
        /// `true`/`false` for booleans.
        var flag: Bool
        /// For object members: a later member of the same object has the same key
        /// (JSON's last-key-wins rule), so this one is skipped.
        var shadowed: Bool = false
        /// For strings and numbers, the first byte in `storage`; unused otherwise.
        var start: UInt32
        /// For strings and numbers, the byte count; for containers, the child count.
        var count: UInt32
        /// One past the last node of this node's subtree.
        var end: UInt32
        /// For object members, the key's first byte in `storage`.
        var keyStart: UInt32
        /// For object members, the key's byte count.
        var keyCount: UInt32
    }

    @usableFromInline var nodes: [Node]
    @usableFromInline var storage: [UInt8]

    /// An empty object: the data `{}`.
    public init() {
        nodes = [Node(kind: .object, flag: false, start: 0, count: 0, end: 1, keyStart: 0, keyCount: 0)]
        storage = []
    }

    init(nodes: [Node], storage: [UInt8]) {
        self.nodes = nodes
        self.storage = storage
    }

    /// The root value's kind.
    public var rootKind: Kind { nodes[0].kind }

    /// The number of values (nodes) in the tree, containers included.
    public var valueCount: Int { nodes.count }

    // MARK: Reading nodes (used by the renderer, the merge and tests)

    /// The node index of the root value.
    static let root: Int32 = 0

    func kind(_ node: Int32) -> Kind { nodes[Int(node)].kind }

    /// The bytes of a string or number node.
    func bytes(_ node: Int32) -> ArraySlice<UInt8> {
        let n = nodes[Int(node)]
        return storage[Int(n.start)..<Int(n.start + n.count)]
    }

    /// The key bytes of an object member node.
    func keyBytes(_ node: Int32) -> ArraySlice<UInt8> {
        let n = nodes[Int(node)]
        return storage[Int(n.keyStart)..<Int(n.keyStart + n.keyCount)]
    }

    /// The children of an array or object, in order, skipping members shadowed by a
    /// later duplicate key.
    func children(_ node: Int32) -> [Int32] {
        var result: [Int32] = []
        var child = node + 1
        let end = Int32(nodes[Int(node)].end)
        let isObject = nodes[Int(node)].kind == .object
        while child < end {
            if !(isObject && nodes[Int(child)].shadowed) { result.append(child) }
            child = Int32(nodes[Int(child)].end)
        }
        return result
    }

    /// The member of object `node` whose key equals `key`, or nil.
    func member(_ node: Int32, key: some Collection<UInt8>) -> Int32? {
        guard nodes[Int(node)].kind == .object else { return nil }
        var child = node + 1
        let end = Int32(nodes[Int(node)].end)
        while child < end {
            let n = nodes[Int(child)]
            if !n.shadowed && Int(n.keyCount) == key.count
                && storage[Int(n.keyStart)..<Int(n.keyStart + n.keyCount)].elementsEqual(key)
            {
                return child
            }
            child = Int32(n.end)
        }
        return nil
    }
}

extension TemplateData {
    /// A plain Swift rendering of the value, for tests and diagnostics: objects as
    /// ordered `(key, value)` pairs, numbers as their JSON text.
    public enum Value: Sendable, Equatable {
        case null
        case boolean(Bool)
        case number(String)
        case string(String)
        case array([Value])
        case object([Member])
    }

    /// An object member of a ``Value``.
    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: Value

        public init(_ key: String, _ value: Value) {
            self.key = key
            self.value = value
        }
    }

    /// The whole tree as a ``Value``.
    public var value: Value { value(at: Self.root) }

    func value(at node: Int32) -> Value {
        switch kind(node) {
        case .null: return .null
        case .boolean: return .boolean(nodes[Int(node)].flag)
        case .number: return .number(String(decoding: bytes(node), as: UTF8.self))
        case .string: return .string(String(decoding: bytes(node), as: UTF8.self))
        case .array: return .array(children(node).map { value(at: $0) })
        case .object:
            return .object(
                children(node).map {
                    Member(String(decoding: keyBytes($0), as: UTF8.self), value(at: $0))
                })
        }
    }
}
