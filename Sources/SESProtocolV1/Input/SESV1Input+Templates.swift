import SESModel
import SESTemplates

extension SESV1Input {
    /// The template operations.
    static func template(_ operation: String, _ input: V1Parameters) throws(SESV1InputError) -> SESV1Call {
        switch operation {
        case "CreateTemplate":
            return SESV1Call(
                operation: operation, request: .createTemplate(template(input.object("Template"))))
        case "UpdateTemplate":
            return SESV1Call(
                operation: operation, request: .updateTemplate(template(input.object("Template"))))
        case "GetTemplate":
            return SESV1Call(
                operation: operation, request: .getTemplate(name: input.requiredString("TemplateName")))
        case "DeleteTemplate":
            return SESV1Call(
                operation: operation, request: .deleteTemplate(name: input.requiredString("TemplateName")),
                presentation: .deletion)
        case "ListTemplates":
            // API-v1: 10 by default; more than 100 is taken as 100.
            let page = try page(input, defaultSize: 10, maximum: 100)
            return SESV1Call(
                operation: operation, request: .listTemplates,
                presentation: .page(offset: page.offset, size: page.size))
        default:
            return SESV1Call(
                operation: operation,
                request: .testRenderTemplate(
                    name: input.requiredString("TemplateName"), data: input.requiredString("TemplateData")))
        }
    }

    /// A template from v1's `Template` structure.
    static func template(_ input: V1Parameters?) -> EmailTemplate {
        EmailTemplate(
            name: input?.requiredString("TemplateName") ?? "", subjectPart: input?.string("SubjectPart"),
            textPart: input?.string("TextPart"), htmlPart: input?.string("HtmlPart"))
    }
}
