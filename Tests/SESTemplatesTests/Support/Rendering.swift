import SESTemplates

/// Compiles `template` and renders it against `json`, returning the text.
func render(
    _ template: String, _ json: String = "{}", options: RenderingOptions = .ses
) throws(TemplateError) -> String {
    let part = try TemplateCompiler.compile(template, partName: "HtmlPart")
    let data = try TemplateData(json: json)
    var renderer = TemplateRenderer(options: options)
    var output: [UInt8] = []
    try renderer.render(part, data: data, appendingTo: &output)
    return String(decoding: output, as: UTF8.self)
}

/// The error a render throws, or nil.
func renderingError(_ template: String, _ json: String = "{}", options: RenderingOptions = .ses)
    -> TemplateError?
{
    do {
        _ = try render(template, json, options: options)
        return nil
    } catch {
        return error
    }
}
