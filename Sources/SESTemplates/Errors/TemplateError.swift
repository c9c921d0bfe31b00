/// An error from the template store, the template language or rendering, carrying
/// the error name SES reports (`code.rawValue`, e.g. `MissingRenderingAttribute`)
/// and its message, so the model can publish it as a Rendering Failure's
/// `errorMessage` and `sesim render` can print `Name: message`.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The SES error names this module reports.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        /// CreateTemplate: a template of that name exists already.
        case alreadyExists = "AlreadyExists"
        /// GetTemplate, UpdateTemplate, DeleteTemplate, rendering: no template of that name.
        case templateDoesNotExist = "TemplateDoesNotExist"
        /// CreateTemplate: the account holds its maximum number of templates.
        case limitExceeded = "LimitExceeded"
        /// CreateTemplate, UpdateTemplate: a part does not parse, or names an unknown
        /// helper or partial.
        case invalidTemplate = "InvalidTemplate"
        /// A request parameter is out of range: a bad template name, a missing subject,
        /// text plus HTML over 500 KB.
        case invalidParameterValue = "InvalidParameterValue"
        /// Rendering: the template data is not a JSON object of at most 262,144 characters.
        case invalidRenderingParameter = "InvalidRenderingParameter"
        /// Rendering: a rendered variable is absent (or `null`) in the template data.
        case missingRenderingAttribute = "MissingRenderingAttribute"
        /// Rendering: the simulator's guard against runaway templates (output or work
        /// beyond ``RenderingOptions/maximumOutputBytes`` or
        /// ``RenderingOptions/maximumSteps``). Not an SES name: see docs/templates.md.
        case renderingLimitExceeded = "RenderingLimitExceeded"
    }

    /// Where in a template part an ``Code/invalidTemplate`` error was found.
    public struct Location: Sendable, Equatable {
        /// The part: `SubjectPart`, `TextPart` or `HtmlPart` (or a partial's name in
        /// conformance runs).
        public var part: String
        /// 1-based line.
        public var line: Int
        /// 1-based column, counted in Unicode scalars.
        public var column: Int

        public init(part: String, line: Int, column: Int) {
            self.part = part
            self.line = line
            self.column = column
        }
    }

    /// The error's kind.
    public var code: Code
    /// The human-readable message, as SES words it where its wording is known.
    public var message: String
    /// For template syntax errors: the part, line and column.
    public var location: Location?

    /// The SES error name, e.g. `TemplateDoesNotExist`.
    public var name: String { code.rawValue }

    /// `Name: message`, the form `sesim render` prints.
    public var description: String { "\(name): \(message)" }

    public init(_ code: Code, _ message: String, location: Location? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }

    /// `Attribute 'NAME' is not present in the rendering data.`
    static func missingAttribute(_ name: String) -> TemplateError {
        TemplateError(.missingRenderingAttribute, "Attribute '\(name)' is not present in the rendering data.")
    }
}
