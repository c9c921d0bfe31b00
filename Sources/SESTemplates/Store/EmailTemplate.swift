/// An SES email template as CreateTemplate takes it: a name and up to three parts, each
/// a Handlebars template.
public struct EmailTemplate: Sendable, Equatable {
    /// `TemplateName`.
    public var name: String
    /// `SubjectPart`.
    public var subjectPart: String?
    /// `TextPart`.
    public var textPart: String?
    /// `HtmlPart`.
    public var htmlPart: String?

    public init(name: String, subjectPart: String? = nil, textPart: String? = nil, htmlPart: String? = nil) {
        self.name = name
        self.subjectPart = subjectPart
        self.textPart = textPart
        self.htmlPart = htmlPart
    }
}
