import SimCore

/// Interim: the names of the account's templates, until SESTemplates' store lands.
public struct TemplateCatalog: Hashable, Sendable {
    public var names: Set<String> = []

    public init() {}

    public func contains(_ name: String) -> Bool { names.contains(name) }
}

extension SESAccount {
    /// Adds a template as the initial setup does (interim, name only).
    public mutating func addTemplate(named name: String) {
        templates.names.insert(name)
    }

    /// `CreateTemplate` (interim, name only).
    public mutating func createTemplate(named name: String, at now: SimTime) throws(SESError) {
        try admitControlPlaneCall(.createTemplate, at: now)
        templates.names.insert(name)
    }

    /// `UpdateTemplate` (interim, name only).
    public mutating func updateTemplate(named name: String, at now: SimTime) throws(SESError) {
        try admitControlPlaneCall(.updateTemplate, at: now)
        guard templates.contains(name) else {
            throw SESError(.templateDoesNotExist, SESErrorMessages.templateDoesNotExist(name))
        }
    }

    /// `DeleteTemplate` (interim, name only).
    public mutating func deleteTemplate(named name: String, at now: SimTime) throws(SESError) {
        try admitControlPlaneCall(.deleteTemplate, at: now)
        templates.names.remove(name)
    }
}
