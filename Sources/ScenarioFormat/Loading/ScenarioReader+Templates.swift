import Foundation
import SESEvents
import SESModel
import SESTemplates
import SimCore
import Yams

extension ScenarioReader {
    // MARK: - Templates

    static let templateKeys = ["name", "subject", "text", "html", "file"]

    func readTemplates(_ value: YAMLValue?) -> [EmailTemplate] {
        guard let items = value?.list else { return [] }
        var templates: [EmailTemplate] = []
        var names: Set<String> = []
        for item in items {
            guard let template = readTemplate(item) else { continue }
            if !names.insert(template.name).inserted {
                item.report("a template named '\(template.name)' is already defined")
                continue
            }
            templates.append(template)
        }
        return templates
    }

    /// A template given inline or by `file` (in `templates` and in the
    /// CreateTemplate and UpdateTemplate actions).
    func readTemplate(_ item: YAMLValue) -> EmailTemplate? {
        guard let mapping = item.mapping(allowedKeys: Self.templateKeys) else { return nil }
        guard let file = mapping.optional("file") else { return readInlineTemplate(mapping) }
        if mapping.has("subject") || mapping.has("text") || mapping.has("html") || mapping.has("name") {
            item.report("a template is given either by 'file' or by name, subject, text and html, not both")
        }
        return file.string.flatMap { readTemplateFile($0, at: file) }
    }

    func readInlineTemplate(_ mapping: YAMLMapping) -> EmailTemplate? {
        let name = mapping.required("name")?.nonEmptyString
        let subject = mapping.required("subject", what: "the SubjectPart")?.string
        let text = mapping.optional("text")?.string
        let html = mapping.optional("html")?.string
        if text == nil && html == nil {
            mapping.owner.report("a template needs a text or an html part (or both)")
        }
        guard let name else { return nil }
        // Without a subject the other parts are still compiled, for their syntax errors.
        let template = EmailTemplate(name: name, subjectPart: subject ?? "", textPart: text, htmlPart: html)
        let compiled = checkCompiles(
            template, at: mapping.owner,
            parts: ["SubjectPart": "subject", "TextPart": "text", "HtmlPart": "html"], mapping: mapping)
        return subject == nil ? nil : compiled
    }

    /// Compiles `template` as CreateTemplate would, reporting a template
    /// syntax error at the part's value (with the line and column in the part).
    func checkCompiles(
        _ template: EmailTemplate, at value: YAMLValue, parts: [String: String], mapping: YAMLMapping?
    ) -> EmailTemplate? {
        do throws(TemplateError) {
            _ = try CompiledTemplate(template)
            return template
        } catch {
            var target = value
            if let location = error.location, let key = parts[location.part],
                let partValue = mapping?.optional(key)
            {
                target = partValue
            }
            let position = error.location.map { " (\($0.part) line \($0.line), column \($0.column))" } ?? ""
            target.report("\(error.name): \(error.message)\(position)")
            return nil
        }
    }

    /// An AWS CLI `create-template` input file (`{"Template": {...}}`) or the bare template object.
    func readTemplateFile(_ relativePath: String, at value: YAMLValue) -> EmailTemplate? {
        let path =
            relativePath.hasPrefix("/")
            ? relativePath : (directory as NSString).appendingPathComponent(relativePath)
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            value.report(
                "cannot read the template file '\(path)': \(ScenarioLoader.describe(fileError: error))")
            return nil
        }
        let fileIssues = IssueCollector(file: path)
        defer {
            for issue in fileIssues.issues {
                value.report("in template file \(issue.description)")
            }
        }
        guard let node = try? Yams.compose(yaml: text) else {
            fileIssues.report("not valid JSON or YAML", path: "", line: 0, column: 0)
            return nil
        }
        var root = YAMLValue(node: node, path: "", issues: fileIssues)
        if let wrapper = root.node.mapping, wrapper.keys.contains(where: { $0.scalar?.string == "Template" })
        {
            guard let outer = root.mapping(allowedKeys: ["Template"]), let inner = outer.required("Template")
            else {
                return nil
            }
            root = inner
        }
        guard
            let mapping = root.mapping(allowedKeys: ["TemplateName", "SubjectPart", "TextPart", "HtmlPart"])
        else { return nil }
        // The same rules as an inline template's.
        let name = mapping.required("TemplateName")?.nonEmptyString
        let subject = mapping.required("SubjectPart")?.string
        let textPart = mapping.optional("TextPart")?.string
        let htmlPart = mapping.optional("HtmlPart")?.string
        if textPart == nil && htmlPart == nil {
            mapping.owner.report("a template needs a TextPart or an HtmlPart (or both)")
        }
        guard let name else { return nil }
        let template = EmailTemplate(
            name: name, subjectPart: subject ?? "", textPart: textPart, htmlPart: htmlPart)
        let compiled = checkCompiles(template, at: value, parts: [:], mapping: nil)
        return subject == nil ? nil : compiled
    }
}
