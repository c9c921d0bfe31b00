import Hummingbird
import SESModel
import SESTemplates
import SimJSON

extension V2Routes {
    func registerTemplates(on group: RouterGroup<ServerContext>) {
        group.post("templates") { request, _ in
            let input = try await JSONInput.read(request)
            let template = try Self.template(named: try input.requiredString("TemplateName"), in: input)
            return try await performEmpty(.createTemplate(template))
        }
        group.get("templates") { request, _ in
            let paging = try Paging(request: request, defaultSize: 10, maximum: 100)
            guard case .templates(let templates) = try await perform(.listTemplates) else {
                throw V2Error.badRequest("unexpected answer")
            }
            let page = paging.page(templates)
            var members: [String: JSONValue] = [
                "TemplatesMetadata": .array(
                    page.items.map {
                        .object([
                            "TemplateName": .string($0.name), "CreatedTimestamp": epochSeconds($0.createdAt),
                        ])
                    })
            ]
            if let next = page.nextToken { members["NextToken"] = .string(next) }
            return jsonResponse(.object(members))
        }
        group.get("templates/:TemplateName") { _, context in
            let name = try Self.parameter("TemplateName", of: context)
            guard case .template(let template) = try await perform(.getTemplate(name: name)) else {
                throw V2Error.badRequest("unexpected answer")
            }
            var content: [String: JSONValue] = [:]
            if let subject = template.subjectPart { content["Subject"] = .string(subject) }
            if let text = template.textPart { content["Text"] = .string(text) }
            if let html = template.htmlPart { content["Html"] = .string(html) }
            return jsonResponse(
                .object([
                    "TemplateName": .string(template.name), "TemplateContent": .object(content),
                    "Tags": .array([]),
                ]))
        }
        group.put("templates/:TemplateName") { request, context in
            let input = try await JSONInput.read(request)
            let template = try Self.template(
                named: try Self.parameter("TemplateName", of: context), in: input)
            return try await performEmpty(.updateTemplate(template))
        }
        group.delete("templates/:TemplateName") { _, context in
            try await performEmpty(.deleteTemplate(name: try Self.parameter("TemplateName", of: context)))
        }
        group.post("templates/:TemplateName/render") { request, context in
            let name = try Self.parameter("TemplateName", of: context)
            let input = try await JSONInput.read(request)
            let data = try input.requiredString("TemplateData")
            try input.check("TemplateData", data, maximumLength: Self.maximumTemplateDataLength)
            guard
                case .renderedTemplate(let rendered) = try await perform(
                    .testRenderTemplate(name: name, data: data))
            else { throw V2Error.badRequest("unexpected answer") }
            return jsonResponse(.object(["RenderedTemplate": .string(rendered.mime)]))
        }
    }

    /// A template from `TemplateContent` (`Subject`, `Text`, `Html`).
    static func template(named name: String, in input: JSONInput) throws(V2Error) -> EmailTemplate {
        let content = try input.requiredObject("TemplateContent")
        return EmailTemplate(
            name: name, subjectPart: try content.string("Subject"), textPart: try content.string("Text"),
            htmlPart: try content.string("Html"))
    }
}
