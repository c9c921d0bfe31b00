import SESEvents
import SESModel

extension SESV1Input {
    /// `SendEmail`. `ReplyToAddresses`, `ReturnPath`, the ARNs of sending
    /// authorization and each `Charset` are accepted and not modelled.
    static func sendEmail(_ input: V1Parameters) -> SESV1Call {
        let message = input.object("Message")
        let body = message?.object("Body")
        let content = SimpleContent(
            subject: message?.object("Subject")?.requiredString("Data") ?? "",
            text: body?.object("Text")?.requiredString("Data"),
            html: body?.object("Html")?.requiredString("Data"))
        return SESV1Call(
            operation: "SendEmail",
            request: .sendEmail(
                SendEmailRequest(
                    source: input.requiredString("Source"),
                    destination: destination(input.object("Destination")),
                    message: content, configurationSetName: input.string("ConfigurationSetName"),
                    tags: tags(input, "Tags"))))
    }

    /// `SendTemplatedEmail`: a stored template by name (`TemplateArn` is
    /// accepted; `Template` names the template, as v1 requires it).
    static func sendTemplatedEmail(_ input: V1Parameters) -> SESV1Call {
        SESV1Call(
            operation: "SendTemplatedEmail",
            request: .sendTemplatedEmail(
                SendTemplatedEmailRequest(
                    source: input.requiredString("Source"),
                    destination: destination(input.object("Destination")),
                    template: input.requiredString("Template"),
                    templateData: input.requiredString("TemplateData"),
                    configurationSetName: input.string("ConfigurationSetName"), tags: tags(input, "Tags"))))
    }

    /// `SendBulkTemplatedEmail`: default data and tags, one entry per destination.
    static func sendBulkTemplatedEmail(_ input: V1Parameters) -> SESV1Call {
        let destinations = input.objects("Destinations").map { entry in
            BulkEmailDestination(
                destination: destination(entry.object("Destination")),
                replacementTags: tags(entry, "ReplacementTags"),
                replacementTemplateData: entry.string("ReplacementTemplateData"))
        }
        return SESV1Call(
            operation: "SendBulkTemplatedEmail",
            request: .sendBulkTemplatedEmail(
                SendBulkTemplatedEmailRequest(
                    source: input.requiredString("Source"), template: input.requiredString("Template"),
                    defaultTemplateData: input.string("DefaultTemplateData"),
                    defaultTags: tags(input, "DefaultTags"),
                    destinations: destinations, configurationSetName: input.string("ConfigurationSetName"))))
    }

    /// `SendRawEmail`: the message whole (`RawMessage.Data`, base64 on the
    /// wire), with optional `Source`, `Destinations`, `Tags` and
    /// `ConfigurationSetName` (the model takes each from the message's header
    /// when absent) and the ARNs of sending authorization (carried, not
    /// modelled). The model applies v1's 10 MB limit (docs/raw-email.md).
    static func sendRawEmail(_ input: V1Parameters) throws(SESV1InputError) -> SESV1Call {
        SESV1Call(
            operation: "SendRawEmail",
            request: .sendRawEmail(
                SendRawEmailRequest(
                    source: input.string("Source"), destinations: input.strings("Destinations"),
                    rawMessage: try rawMessage(input),
                    configurationSetName: input.string("ConfigurationSetName"),
                    tags: tags(input, "Tags"), sourceArn: input.string("SourceArn"),
                    fromArn: input.string("FromArn"),
                    returnPathArn: input.string("ReturnPathArn"), interface: .sendRawEmail)))
    }

    /// `RawMessage.Data`, decoded from base64.
    static func rawMessage(_ input: V1Parameters) throws(SESV1InputError) -> [UInt8] {
        let text = input.object("RawMessage")?.requiredString("Data") ?? ""
        guard let bytes = Base64Text.decode(text) else {
            throw SESV1InputError(
                SESV1Error(.invalidParameterValue, "RawMessage.Data is not valid base64."),
                at: "RawMessage.Data")
        }
        return bytes
    }

    static func destination(_ input: V1Parameters?) -> Destination {
        guard let input else { return Destination() }
        return Destination(
            toAddresses: input.strings("ToAddresses"), ccAddresses: input.strings("CcAddresses"),
            bccAddresses: input.strings("BccAddresses"))
    }

    static func tags(_ input: V1Parameters, _ key: String) -> [NameValue] {
        input.objects(key).map {
            NameValue(name: $0.requiredString("Name"), value: $0.requiredString("Value"))
        }
    }
}
