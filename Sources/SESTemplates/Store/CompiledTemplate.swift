/// A template with each of its parts compiled: what the store keeps, so that sending
/// renders without parsing again.
public struct CompiledTemplate: Sendable {
    /// The template as created.
    public let template: EmailTemplate
    public let subject: CompiledPart?
    public let text: CompiledPart?
    public let html: CompiledPart?

    /// At most 500 KB of text plus HTML, counted in UTF-8 bytes with 1 KB = 1,024 bytes
    /// (AWS-DG quotas; SES does not say how it counts).
    public static let maximumContentBytes = 500 * 1_024

    /// TemplateName: at most 64 characters of letters, digits, `_` and `-` (API-v1
    /// `Template.TemplateName`).
    public static let maximumNameLength = 64

    /// Validates and compiles every part (`InvalidParameterValue` for a bad name or
    /// size, `InvalidTemplate` for a part that does not parse).
    public init(_ template: EmailTemplate) throws(TemplateError) {
        try Self.validateName(template.name)
        if template.subjectPart == nil {
            throw TemplateError(.invalidParameterValue, "The subject must be specified.")
        }
        let size = (template.textPart?.utf8.count ?? 0) + (template.htmlPart?.utf8.count ?? 0)
        if size > Self.maximumContentBytes {
            throw TemplateError(
                .invalidParameterValue,
                "Template \(template.name) is \(size) bytes: text plus HTML must be at most 500 KB.")
        }
        self.template = template
        subject = try template.subjectPart.map { (source) throws(TemplateError) in
            try TemplateCompiler.compile(source, partName: "SubjectPart")
        }
        text = try template.textPart.map { (source) throws(TemplateError) in
            try TemplateCompiler.compile(source, partName: "TextPart")
        }
        html = try template.htmlPart.map { (source) throws(TemplateError) in
            try TemplateCompiler.compile(source, partName: "HtmlPart")
        }
    }

    static func validateName(_ name: String) throws(TemplateError) {
        if name.isEmpty {
            throw TemplateError(.invalidParameterValue, "Template name must be specified.")
        }
        let valid = name.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_"
                || $0 == "-"
        }
        if !valid || name.unicodeScalars.count > maximumNameLength {
            throw TemplateError(
                .invalidParameterValue,
                "Template name \(name) is invalid: use at most \(maximumNameLength) letters, digits, "
                    + "underscores and dashes.")
        }
    }

    /// The name of the template.
    public var name: String { template.name }

    /// Renders every part the template has into the caller's buffers (each is emptied
    /// first; a part the template lacks leaves its buffer empty). Throws the first
    /// rendering error, subject first, then text, then HTML, as SES reports one.
    public func render(
        data: TemplateData, with renderer: inout TemplateRenderer, into output: inout RenderedParts
    ) throws(TemplateError) {
        output.subject.removeAll(keepingCapacity: true)
        output.text.removeAll(keepingCapacity: true)
        output.html.removeAll(keepingCapacity: true)
        if let subject { try renderer.render(subject, data: data, appendingTo: &output.subject) }
        if let text { try renderer.render(text, data: data, appendingTo: &output.text) }
        if let html { try renderer.render(html, data: data, appendingTo: &output.html) }
    }
}

/// Caller-owned output buffers for the three parts, reused across renders.
public struct RenderedParts: Sendable {
    public var subject: [UInt8] = []
    public var text: [UInt8] = []
    public var html: [UInt8] = []

    public init() {}

    /// Total bytes rendered.
    public var byteCount: Int { subject.count + text.count + html.count }
}
