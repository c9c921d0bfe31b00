import SESTemplates
import SimCore

extension SESAccount {
    /// Adds a template as the initial setup does: the same checks as
    /// `CreateTemplate`, without its rate limit.
    public mutating func addTemplate(_ template: EmailTemplate, at now: SimTime = .start) throws(SESError) {
        do throws(TemplateError) {
            try templates.create(template)
        } catch {
            throw SESError(templateError: error)
        }
        templateCreationTimes[template.name] = now
    }

    /// `CreateTemplate`.
    public mutating func createTemplate(_ template: EmailTemplate, at now: SimTime) throws(SESError) {
        try admitControlPlaneCall(.createTemplate, at: now)
        try addTemplate(template, at: now)
    }

    /// `UpdateTemplate`.
    public mutating func updateTemplate(_ template: EmailTemplate, at now: SimTime) throws(SESError) {
        try admitControlPlaneCall(.updateTemplate, at: now)
        do throws(TemplateError) {
            try templates.update(template)
        } catch {
            throw SESError(templateError: error)
        }
    }

    /// `DeleteTemplate`.
    public mutating func deleteTemplate(named name: String, at now: SimTime) throws(SESError) {
        try admitControlPlaneCall(.deleteTemplate, at: now)
        do throws(TemplateError) {
            try templates.delete(named: name)
        } catch {
            throw SESError(templateError: error)
        }
        templateCreationTimes[name] = nil
    }

    /// `GetTemplate`.
    public mutating func getTemplate(named name: String, at now: SimTime) throws(SESError) -> EmailTemplate {
        try admitControlPlaneCall(.getTemplate, at: now)
        do throws(TemplateError) {
            return try templates.template(named: name).template
        } catch {
            throw SESError(templateError: error)
        }
    }
}

/// One template as `ListTemplates` reports it.
public struct TemplateMetadata: Hashable, Sendable {
    public var name: String
    public var createdAt: SimTime

    public init(name: String, createdAt: SimTime) {
        self.name = name
        self.createdAt = createdAt
    }
}

extension SESAccount {
    /// `ListTemplates`: every template, by name.
    public mutating func listTemplates(at now: SimTime) throws(SESError) -> [TemplateMetadata] {
        try admitControlPlaneCall(.listTemplates, at: now)
        return templates.names.map {
            TemplateMetadata(name: $0, createdAt: templateCreationTimes[$0] ?? .start)
        }
    }

    /// `TestRenderTemplate`: the template rendered with `data`, as the
    /// message SES would send (``RenderedTemplateMessage``).
    public mutating func testRenderTemplate(named name: String, data: String, at now: SimTime)
        throws(SESError) -> RenderedTemplateMessage
    {
        try admitControlPlaneCall(.testRenderTemplate, at: now)
        do throws(TemplateError) {
            let compiled = try templates.template(named: name)
            let parsed = try TemplateData(renderingData: Array(data.utf8))
            var renderer = TemplateRenderer()
            var parts = RenderedParts()
            try compiled.render(data: parsed, with: &renderer, into: &parts)
            return RenderedTemplateMessage(
                subject: String(decoding: parts.subject, as: UTF8.self),
                text: compiled.template.textPart == nil ? nil : String(decoding: parts.text, as: UTF8.self),
                html: compiled.template.htmlPart == nil ? nil : String(decoding: parts.html, as: UTF8.self))
        } catch {
            throw SESError(templateError: error)
        }
    }
}

extension SESError {
    /// The SES error a template store or rendering error is reported as.
    public init(templateError: TemplateError) {
        self.init(SESErrorCode(rawValue: templateError.name) ?? .invalidParameterValue, templateError.message)
    }
}
