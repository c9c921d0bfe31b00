import ArgumentParser
import Foundation
import SESTemplates

/// `sesim render`: SES's TestRenderTemplate on the command line.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Renders a template as SES's TestRenderTemplate does.",
        discussion: """
            FILE is the AWS CLI create-template input ({"Template": {...}}) or the bare \
            template object. --default-data applies SendBulkTemplatedEmail's merge: the \
            data is merged over it. Prints one JSON object with the rendered SubjectPart, \
            TextPart and HtmlPart. Exit 1 on a template or rendering error (one stderr \
            line starting with the SES error name), 2 on bad arguments or unreadable files.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The template JSON file.", valueName: "file"))
    var template: String

    @Option(name: .long, help: ArgumentHelp("The template data, a JSON object.", valueName: "json"))
    var data: String?

    @Option(
        name: .customLong("data-file"),
        help: ArgumentHelp("A file holding the template data.", valueName: "file"))
    var dataFile: String?

    @Option(
        name: .customLong("default-data"),
        help: ArgumentHelp("Default template data (bulk sends) to merge the data over.", valueName: "json"))
    var defaultData: String?

    @Option(
        name: .customLong("default-data-file"),
        help: ArgumentHelp("A file holding the default template data.", valueName: "file"))
    var defaultDataFile: String?

    func validate() throws {
        if (data == nil) == (dataFile == nil) {
            throw ValidationError("Give exactly one of --data and --data-file.")
        }
        if defaultData != nil && defaultDataFile != nil {
            throw ValidationError("Give at most one of --default-data and --default-data-file.")
        }
    }

    func run() throws {
        let templateBytes = try Self.read(template)
        let dataBytes = try data.map { Array($0.utf8) } ?? Self.read(dataFile!)
        let defaultBytes = try defaultData.map { Array($0.utf8) } ?? defaultDataFile.map(Self.read)
        let emailTemplate = try Self.emailTemplate(from: templateBytes, path: template)
        do {
            let output = try Self.render(emailTemplate, data: dataBytes, defaultData: defaultBytes)
            print(output)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(1)
        }
    }

    /// Renders and returns the JSON object to print.
    static func render(_ template: EmailTemplate, data: [UInt8], defaultData: [UInt8]?) throws(TemplateError)
        -> String
    {
        let compiled = try CompiledTemplate(template)
        var merged = try TemplateData(renderingData: data)
        if let defaultData {
            merged = TemplateData.merging(merged, over: try TemplateData(renderingData: defaultData))
        }
        var renderer = TemplateRenderer()
        var parts = RenderedParts()
        try compiled.render(data: merged, with: &renderer, into: &parts)
        var fields: [(String, [UInt8])] = []
        if template.subjectPart != nil { fields.append(("SubjectPart", parts.subject)) }
        if template.textPart != nil { fields.append(("TextPart", parts.text)) }
        if template.htmlPart != nil { fields.append(("HtmlPart", parts.html)) }
        return "{" + fields.map { "\"\($0.0)\":" + jsonString($0.1) }.joined(separator: ",") + "}"
    }

    static func read(_ path: String) throws -> [UInt8] {
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw ValidationError("Cannot read \(path).")
        }
        return [UInt8](contents)
    }

    /// `{"Template": {...}}` or the bare object, with string parts.
    static func emailTemplate(from bytes: [UInt8], path: String) throws -> EmailTemplate {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw ValidationError("\(path) is not valid JSON.")
        }
        guard var fields = object as? [String: Any] else {
            throw ValidationError("\(path) must hold a JSON object.")
        }
        if let wrapped = fields["Template"] {
            guard let inner = wrapped as? [String: Any] else {
                throw ValidationError("\(path): \"Template\" must be an object.")
            }
            fields = inner
        }
        func part(_ key: String) throws -> String? {
            guard let value = fields[key] else { return nil }
            guard let text = value as? String else {
                throw ValidationError("\(path): \(key) must be a string.")
            }
            return text
        }
        guard let name = try part("TemplateName") else {
            throw ValidationError("\(path): TemplateName is missing.")
        }
        return EmailTemplate(
            name: name, subjectPart: try part("SubjectPart"), textPart: try part("TextPart"),
            htmlPart: try part("HtmlPart"))
    }

    /// A JSON string literal of UTF-8 bytes.
    static func jsonString(_ bytes: [UInt8]) -> String {
        JSONQuoting.quoted(String(decoding: bytes, as: UTF8.self))
    }
}
