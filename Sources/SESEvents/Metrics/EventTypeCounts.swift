/// A count per event type: what a summary reports for the account and for
/// each destination.
///
/// Encodes as a JSON object keyed by the types' matching names (`send`,
/// `reject`, …, `subscription`), all ten always present, in ``EventType``
/// order — never in hash order.
public struct EventTypeCounts: Hashable, Sendable, Encodable {
    private var counts: [Int]

    /// All counts zero.
    public init() { counts = Array(repeating: 0, count: EventType.allCases.count) }

    /// The count for `type`.
    public subscript(type: EventType) -> Int {
        get { counts[type.rawValue] }
        set { counts[type.rawValue] = newValue }
    }

    /// The sum over every type.
    public var total: Int { counts.reduce(0, +) }

    private struct TypeKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TypeKey.self)
        for type in EventType.allCases {
            try container.encode(counts[type.rawValue], forKey: TypeKey(stringValue: type.matchingName))
        }
    }
}
