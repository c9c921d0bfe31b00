/// A link tag from `ses:tags="name:value;…"`, published with Click events.
public struct LinkTag: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
