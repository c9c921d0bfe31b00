/// How a render treats escaping, missing values and runaway templates.
public struct RenderingOptions: Sendable, Equatable {
    /// HTML-escape `{{value}}` (not `{{{value}}}` or `{{&value}}`) as handlebars.js
    /// does. SES does not escape (ses-facts §7.2), so this is off by default; the
    /// conformance run turns it on where a case expects escaping.
    public var escapesHTML: Bool
    /// Render a missing or `null` value as nothing, as handlebars.js does, instead of
    /// SES's `MissingRenderingAttribute`. Off by default; on for the conformance run.
    public var rendersMissingValuesAsEmpty: Bool
    /// A part whose output would pass this many bytes fails with
    /// `RenderingLimitExceeded` (SES's largest message is 40 MB).
    public var maximumOutputBytes: Int
    /// A render that executes more instructions than this fails with
    /// `RenderingLimitExceeded`: nested loops over large data can otherwise run for
    /// a very long time while writing little.
    public var maximumSteps: Int

    public init(
        escapesHTML: Bool = false, rendersMissingValuesAsEmpty: Bool = false,
        maximumOutputBytes: Int = 40 * 1_024 * 1_024, maximumSteps: Int = 50_000_000
    ) {
        self.escapesHTML = escapesHTML
        self.rendersMissingValuesAsEmpty = rendersMissingValuesAsEmpty
        self.maximumOutputBytes = maximumOutputBytes
        self.maximumSteps = maximumSteps
    }

    /// SES's rules: no escaping; a rendered variable must be present.
    public static let ses = RenderingOptions()

    /// handlebars.js's defaults: escaping on; missing values render as nothing.
    public static let handlebarsJS = RenderingOptions(escapesHTML: true, rendersMissingValuesAsEmpty: true)
}
