import SESTemplates
import SimCore

extension SESAccount {
    /// Adds a template as the initial setup does: the same checks as
    /// `CreateTemplate`, without its rate limit.
    public mutating func addTemplate(_ template: EmailTemplate) throws(SESError) {
        do throws(TemplateError) {
            try templates.create(template)
        } catch {
            throw SESError(templateError: error)
        }
    }

    /// `CreateTemplate`.
    public mutating func createTemplate(_ template: EmailTemplate, at now: SimTime) throws(SESError) {
        try admitControlPlaneCall(.createTemplate, at: now)
        try addTemplate(template)
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

extension SESError {
    /// The SES error a template store or rendering error is reported as.
    public init(templateError: TemplateError) {
        self.init(SESErrorCode(rawValue: templateError.name) ?? .invalidParameterValue, templateError.message)
    }
}
