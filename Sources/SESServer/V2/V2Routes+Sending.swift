import Foundation
import Hummingbird
import SESEvents
import SESModel
import SimJSON

extension V2Routes {
    /// The longest `TemplateData` the model allows (`EmailTemplateData`).
    static let maximumTemplateDataLength = 262_144

    func registerSending(on group: RouterGroup<ServerContext>) {
        group.post("outbound-emails") { request, _ in try await sendEmail(request) }
        group.post("outbound-bulk-emails") { request, _ in try await sendBulkEmail(request) }
    }

    /// `SendEmail`: `Content.Simple`, `Content.Template` or `Content.Raw`.
    func sendEmail(_ request: Request) async throws -> Response {
        let input = try await JSONInput.read(request)
        let content = try input.requiredObject("Content")
        let source = try input.string("FromEmailAddress") ?? ""
        let destination = try Self.destination(try input.object("Destination"))
        let tags = try Self.tags(input, "EmailTags")
        let configurationSet = try input.string("ConfigurationSetName")
        let call: SESRequest
        if let simple = try content.object("Simple") {
            let subject = try simple.requiredObject("Subject").requiredString("Data")
            let body = try simple.requiredObject("Body")
            call = .sendEmail(
                SendEmailRequest(
                    source: source, destination: destination,
                    message: SimpleContent(
                        subject: subject, text: try body.object("Text")?.requiredString("Data"),
                        html: try body.object("Html")?.requiredString("Data")),
                    configurationSetName: configurationSet, tags: tags))
        } else if let template = try content.object("Template") {
            if try template.object("TemplateContent") != nil {
                throw V2Error.badRequest(
                    "sesim does not render inline TemplateContent; create the template and name it in TemplateName."
                )
            }
            guard
                let name = try template.string("TemplateName")
                    ?? Self.templateName(fromArn: template.string("TemplateArn"))
            else { throw template.missing("TemplateName") }
            let data = try template.string("TemplateData") ?? "{}"
            try template.check("TemplateData", data, maximumLength: Self.maximumTemplateDataLength)
            call = .sendTemplatedEmail(
                SendTemplatedEmailRequest(
                    source: source, destination: destination, template: name, templateData: data,
                    configurationSetName: configurationSet, tags: tags))
        } else if let raw = try content.object("Raw") {
            call = .sendRawEmail(
                SendRawEmailRequest(
                    source: try input.string("FromEmailAddress"), destinations: destination.allAddresses,
                    rawMessage: try Self.rawMessage(raw), configurationSetName: configurationSet, tags: tags,
                    sourceArn: try input.string("FromEmailAddressIdentityArn"), interface: .sendEmail))
        } else {
            throw V2Error.badRequest("Content must have one of Simple, Raw or Template.")
        }
        guard case .message(let accepted) = try await perform(call) else {
            throw V2Error.badRequest("unexpected answer")
        }
        return jsonResponse(.object(["MessageId": .string(accepted.messageId.description)]))
    }

    /// `SendBulkEmail`: a template, default data and tags, up to 50 entries.
    func sendBulkEmail(_ request: Request) async throws -> Response {
        let input = try await JSONInput.read(request)
        let template = try input.requiredObject("DefaultContent").requiredObject("Template")
        if try template.object("TemplateContent") != nil {
            throw V2Error.badRequest(
                "sesim does not render inline TemplateContent; create the template and name it in TemplateName."
            )
        }
        guard
            let name = try template.string("TemplateName")
                ?? Self.templateName(fromArn: template.string("TemplateArn"))
        else { throw template.missing("TemplateName") }
        let defaultData = try template.string("TemplateData")
        try template.check("TemplateData", defaultData, maximumLength: Self.maximumTemplateDataLength)
        guard input.members["BulkEmailEntries"] != nil else { throw input.missing("BulkEmailEntries") }
        var destinations: [BulkEmailDestination] = []
        for entry in try input.objects("BulkEmailEntries") {
            let replacement = try entry.object("ReplacementEmailContent")?.object("ReplacementTemplate")
            let data = try replacement?.string("ReplacementTemplateData")
            try replacement?.check(
                "ReplacementTemplateData", data, maximumLength: Self.maximumTemplateDataLength)
            destinations.append(
                BulkEmailDestination(
                    destination: try Self.destination(try entry.requiredObject("Destination")),
                    replacementTags: try Self.tags(entry, "ReplacementTags"), replacementTemplateData: data))
        }
        let call = SESRequest.sendBulkTemplatedEmail(
            SendBulkTemplatedEmailRequest(
                source: try input.string("FromEmailAddress") ?? "", template: name,
                defaultTemplateData: defaultData,
                defaultTags: try Self.tags(input, "DefaultEmailTags"), destinations: destinations,
                configurationSetName: try input.string("ConfigurationSetName")))
        guard case .bulk(let result) = try await perform(call) else {
            throw V2Error.badRequest("unexpected answer")
        }
        let entries: [JSONValue] = result.entries.map { entry in
            var members: [String: JSONValue] = ["Status": .string(Self.v2Status(entry.status))]
            if let error = entry.error { members["Error"] = .string(error) }
            if let id = entry.messageId { members["MessageId"] = .string(id.description) }
            return .object(members)
        }
        return jsonResponse(.object(["BulkEmailEntryResults": .array(entries)]))
    }

    /// `Content.Raw.Data`: the message, base64 in the JSON body. Its size is
    /// the model's to check (40 MB through API v2, docs/raw-email.md).
    static func rawMessage(_ raw: JSONInput) throws(V2Error) -> [UInt8] {
        let text = try raw.requiredString("Data")
        guard let data = Data(base64Encoded: text) else {
            throw V2Error.badRequest("Content.Raw.Data is not valid base64.")
        }
        return Array(data)
    }

    static func destination(_ input: JSONInput?) throws(V2Error) -> Destination {
        guard let input else { return Destination() }
        return Destination(
            toAddresses: try input.strings("ToAddresses"), ccAddresses: try input.strings("CcAddresses"),
            bccAddresses: try input.strings("BccAddresses"))
    }

    static func tags(_ input: JSONInput, _ key: String) throws(V2Error) -> [NameValue] {
        var tags: [NameValue] = []
        for tag in try input.objects(key) {
            tags.append(
                NameValue(name: try tag.requiredString("Name"), value: try tag.requiredString("Value")))
        }
        return tags
    }

    /// The name at the end of a template ARN (`arn:aws:ses:…:template/NAME`).
    static func templateName(fromArn arn: String?) -> String? {
        guard let arn, let slash = arn.lastIndex(of: "/") else { return nil }
        let name = arn[arn.index(after: slash)...]
        return name.isEmpty ? nil : String(name)
    }

    /// v2's `BulkEmailStatus` for a v1 status (botocore's enum).
    static func v2Status(_ status: BulkEmailStatus) -> String {
        switch status {
        case .success: "SUCCESS"
        case .messageRejected: "MESSAGE_REJECTED"
        case .mailFromDomainNotVerified: "MAIL_FROM_DOMAIN_NOT_VERIFIED"
        case .configurationSetDoesNotExist: "CONFIGURATION_SET_NOT_FOUND"
        case .templateDoesNotExist: "TEMPLATE_NOT_FOUND"
        case .accountSuspended: "ACCOUNT_SUSPENDED"
        case .accountThrottled: "ACCOUNT_THROTTLED"
        case .accountDailyQuotaExceeded: "ACCOUNT_DAILY_QUOTA_EXCEEDED"
        case .invalidSendingPoolName: "INVALID_SENDING_POOL_NAME"
        case .accountSendingPaused: "ACCOUNT_SENDING_PAUSED"
        case .configurationSetSendingPaused: "CONFIGURATION_SET_SENDING_PAUSED"
        case .invalidParameterValue: "INVALID_PARAMETER"
        case .transientFailure: "TRANSIENT_FAILURE"
        case .failed: "FAILED"
        }
    }
}
