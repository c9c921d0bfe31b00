import Foundation
import SESModel
import SESTemplates

extension ScenarioReader {
    static let rawMessageKeys = ["file", "text", "attachments", "recipientsIn"]
    static let attachmentKeys = ["name", "contentType", "size"]

    /// The largest attachment a client may generate: SES's largest message
    /// (40 MB with the v2 API and SMTP); SendRawEmail refuses anything over 10 MB.
    static let maximumAttachmentSize = 40 * 1_048_576

    /// A `SendRawEmail` client's `message`: exactly one of `file` (sent as it
    /// is) and `text` (a template), attachments, and where recipients go.
    func readRawMessage(_ value: YAMLValue) -> RawMessageDefinition? {
        guard let mapping = value.mapping(allowedKeys: Self.rawMessageKeys) else { return nil }
        var body: RawMessageDefinition.Body?
        switch (mapping.optional("file"), mapping.optional("text")) {
        case (let file?, nil):
            if let path = file.nonEmptyString { body = readMessageFile(path, at: file) }
        case (nil, let text?):
            if let source = text.string { body = checkMessageTemplate(source, at: text) }
        case (.some, .some):
            value.report("a message is given either by 'file' or by 'text', not both")
        case (nil, nil):
            value.report("missing required key 'file' or 'text' (the MIME message to send)")
        }
        var attachments: [GeneratedAttachment] = []
        if let list = mapping.optional("attachments") {
            attachments = list.items.compactMap { readAttachment($0) }
        }
        let placement =
            mapping.optional("recipientsIn")?.choice(
                RawMessageDefinition.RecipientPlacement.allCases.map { ($0.rawValue, $0) },
                what: "recipient placement") ?? .destinations
        guard let body else { return nil }
        return RawMessageDefinition(body: body, attachments: attachments, recipientsIn: placement)
    }

    /// A message file's bytes, read whole (any bytes: 8-bit text is sent as it is).
    func readMessageFile(_ relativePath: String, at value: YAMLValue) -> RawMessageDefinition.Body? {
        let path =
            relativePath.hasPrefix("/")
            ? relativePath : (directory as NSString).appendingPathComponent(relativePath)
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard data.count <= RawSendInterface.smtp.maximumMessageSize else {
                value.report(
                    "the message file '\(path)' has \(data.count) bytes; SES's largest message is "
                        + "\(RawSendInterface.smtp.maximumMessageSize) bytes")
                return nil
            }
            return .file(path: relativePath, bytes: Array(data))
        } catch {
            value.report(
                "cannot read the message file '\(path)': \(ScenarioLoader.describe(fileError: error))")
            return nil
        }
    }

    /// A message template: it must compile as an SES template part does.
    func checkMessageTemplate(_ source: String, at value: YAMLValue) -> RawMessageDefinition.Body? {
        do throws(TemplateError) {
            _ = try TemplateCompiler.compile(source, partName: "message")
            return .template(source)
        } catch {
            value.report("\(error.name): \(error.message)")
            return nil
        }
    }

    func readAttachment(_ value: YAMLValue) -> GeneratedAttachment? {
        guard let mapping = value.mapping(allowedKeys: Self.attachmentKeys) else { return nil }
        let name = mapping.required("name", what: "the attachment's file name")?.nonEmptyString
        let contentType = mapping.optional("contentType")?.nonEmptyString ?? "application/octet-stream"
        if let typeValue = mapping.optional("contentType"), !contentType.contains("/") {
            typeValue.report("expected a media type such as application/pdf, found '\(contentType)'")
        }
        let size = mapping.required("size", what: "bytes, or a size such as 200KB or 1.5MB").flatMap {
            readByteSize($0)
        }
        if let name, name.contains("\"") || name.contains("\r") || name.contains("\n") {
            mapping.optional("name")?.report("a file name may not contain quotes or line breaks")
            return nil
        }
        guard let name, let size else { return nil }
        return GeneratedAttachment(name: name, contentType: contentType, size: size)
    }

    /// A size in bytes: a whole number, or a number with `B`, `KB` or `MB`
    /// (1 KB = 1,024 bytes, as SES counts its limits).
    func readByteSize(_ value: YAMLValue) -> Int? {
        let range = 0...Self.maximumAttachmentSize
        if value.number != nil { return value.int(in: range, what: "a size in bytes") }
        guard let text = value.string else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Double)] = [("KB", 1_024), ("MB", 1_048_576), ("B", 1)]
        for (unit, factor) in units where trimmed.hasSuffix(unit) {
            let number = trimmed.dropLast(unit.count).trimmingCharacters(in: .whitespaces)
            guard let amount = Double(number), amount >= 0 else { break }
            let bytes = Int((amount * factor).rounded())
            guard range.contains(bytes) else {
                value.report("\(text) is out of range; expected a size from 0 to 40MB")
                return nil
            }
            return bytes
        }
        value.report("expected a size such as 5000, 200KB or 1.5MB, found '\(text)'")
        return nil
    }
}
