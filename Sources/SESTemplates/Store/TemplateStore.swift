/// An account's templates with SES's rules (CreateTemplate, UpdateTemplate,
/// DeleteTemplate, GetTemplate, ListTemplates). Templates compile when created or
/// updated, so sends render without parsing.
public struct TemplateStore: Sendable {
    /// SES allows 10,000 templates per Region (AWS-DG quotas).
    public static let defaultMaximumTemplates = 10_000

    /// The most templates this store holds.
    public let maximumTemplates: Int

    private var templates: [String: CompiledTemplate] = [:]

    /// Counts the changes (create, update, delete): a caller that keeps a
    /// looked-up template can tell when it may have gone stale.
    public private(set) var revision = 0

    public init(maximumTemplates: Int = TemplateStore.defaultMaximumTemplates) {
        self.maximumTemplates = maximumTemplates
    }

    /// The number of templates.
    public var count: Int { templates.count }

    /// CreateTemplate: `AlreadyExists`, `LimitExceeded`, `InvalidTemplate`,
    /// `InvalidParameterValue`.
    @discardableResult
    public mutating func create(_ template: EmailTemplate) throws(TemplateError) -> CompiledTemplate {
        if templates[template.name] != nil {
            throw TemplateError(.alreadyExists, "Template \(template.name) already exists.")
        }
        if templates.count >= maximumTemplates {
            throw TemplateError(
                .limitExceeded, "Maximum number of templates (\(maximumTemplates)) exceeded for this account."
            )
        }
        let compiled = try CompiledTemplate(template)
        templates[template.name] = compiled
        revision += 1
        return compiled
    }

    /// UpdateTemplate: `TemplateDoesNotExist`, `InvalidTemplate`,
    /// `InvalidParameterValue`. A failed update leaves the old template in place.
    @discardableResult
    public mutating func update(_ template: EmailTemplate) throws(TemplateError) -> CompiledTemplate {
        guard templates[template.name] != nil else { throw Self.doesNotExist(template.name) }
        let compiled = try CompiledTemplate(template)
        templates[template.name] = compiled
        revision += 1
        return compiled
    }

    /// DeleteTemplate: `TemplateDoesNotExist` when absent (the SES v2 behaviour; v1
    /// returns success — see docs/templates.md).
    public mutating func delete(named name: String) throws(TemplateError) {
        guard templates.removeValue(forKey: name) != nil else { throw Self.doesNotExist(name) }
        revision += 1
    }

    /// GetTemplate: the compiled template, or `TemplateDoesNotExist`.
    public func template(named name: String) throws(TemplateError) -> CompiledTemplate {
        guard let template = templates[name] else { throw Self.doesNotExist(name) }
        return template
    }

    /// Whether a template of that name exists.
    public func contains(named name: String) -> Bool { templates[name] != nil }

    /// ListTemplates: every name, sorted (a deterministic order; SES documents none).
    public var names: [String] { templates.keys.sorted() }

    static func doesNotExist(_ name: String) -> TemplateError {
        TemplateError(.templateDoesNotExist, "Template \(name) does not exist.")
    }
}
