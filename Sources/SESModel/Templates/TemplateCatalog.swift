/// Interim: the names of the account's templates, until SESTemplates' store lands.
public struct TemplateCatalog: Hashable, Sendable {
    public var names: Set<String> = []

    public init() {}

    public func contains(_ name: String) -> Bool { names.contains(name) }
}
