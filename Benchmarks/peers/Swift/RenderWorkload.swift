import Foundation
import SESTemplates

/// The rendering workload: the template in `peers/templates/shipping.*.hbs` over the
/// rows `workload.py` writes (per-recipient JSON merged over the defaults, as
/// SendBulkTemplatedEmail does), rendered with SES's rules (no HTML escaping).
struct RenderWorkload {
    let template: CompiledTemplate
    let defaults: TemplateData
    let rows: [[UInt8]]
    let merged: [TemplateData]

    init(templates: String, workDirectory: String) throws {
        func part(_ name: String) throws -> String {
            var text = try String(contentsOfFile: "\(templates)/shipping.\(name).hbs", encoding: .utf8)
            if text.hasSuffix("\n") { text.removeLast() }  // one trailing line break, as render_python.py
            return text
        }
        template = try CompiledTemplate(
            EmailTemplate(
                name: "Shipping", subjectPart: try part("subject"), textPart: try part("text"),
                htmlPart: try part("html")))
        let defaultsJSON = try Data(contentsOf: URL(fileURLWithPath: "\(workDirectory)/defaults.json"))
        defaults = try TemplateData(renderingData: Array(defaultsJSON))
        let rowsFile = try Data(contentsOf: URL(fileURLWithPath: "\(workDirectory)/rows.jsonl"))
        rows = rowsFile.split(separator: UInt8(ascii: "\n")).map { Array($0) }
        let defaults = defaults
        merged = try rows.map { TemplateData.merging(try TemplateData(renderingData: $0), over: defaults) }
    }

    /// Writes every row's rendering, each part preceded by its byte count on a line,
    /// for `render_python.py` to compare.
    func writeRenderings(to path: String) throws {
        var renderer = TemplateRenderer()
        var parts = RenderedParts()
        var output: [UInt8] = []
        for data in merged {
            try template.render(data: data, with: &renderer, into: &parts)
            for bytes in [parts.subject, parts.text, parts.html] {
                output.append(contentsOf: "\(bytes.count)\n".utf8)
                output.append(contentsOf: bytes)
            }
        }
        try Data(output).write(to: URL(fileURLWithPath: path))
    }

    /// Times `renders` renders of already parsed, merged data, cycling over the rows.
    func renderOnly(renders: Int) throws -> (seconds: Double, bytes: Int) {
        var renderer = TemplateRenderer()
        var parts = RenderedParts()
        for data in merged { try template.render(data: data, with: &renderer, into: &parts) }  // warm
        var bytes = 0
        let clock = ContinuousClock()
        let start = clock.now
        for index in 0..<renders {
            try template.render(data: merged[index % merged.count], with: &renderer, into: &parts)
            bytes &+= parts.byteCount
        }
        return ((clock.now - start).seconds, bytes)
    }

    /// Times `renders` rounds of parsing a row's JSON, merging it over the defaults
    /// and rendering.
    func parseMergeRender(renders: Int) throws -> (seconds: Double, bytes: Int) {
        var renderer = TemplateRenderer()
        var parser = TemplateDataParser()
        var replacement = TemplateData()
        var data = TemplateData()
        var parts = RenderedParts()
        for row in rows {  // warm
            try parser.parseRenderingData(row, into: &replacement)
            TemplateData.merge(replacement, over: defaults, into: &data)
            try template.render(data: data, with: &renderer, into: &parts)
        }
        var bytes = 0
        let clock = ContinuousClock()
        let start = clock.now
        for index in 0..<renders {
            try parser.parseRenderingData(rows[index % rows.count], into: &replacement)
            TemplateData.merge(replacement, over: defaults, into: &data)
            try template.render(data: data, with: &renderer, into: &parts)
            bytes &+= parts.byteCount
        }
        return ((clock.now - start).seconds, bytes)
    }
}
