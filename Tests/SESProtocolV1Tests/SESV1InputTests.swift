import SESEvents
import SESModel
import SESProtocolV1
import SESTemplates
import SimJSON
import Testing

/// Decoding boto3-style parameters of each v1 operation into the model's request.
@Suite struct SESV1InputTests {
    static func strings(_ values: String...) -> JSONValue { .array(values.map { .string($0) }) }

    @Test func sendEmailCarriesEveryMemberTheModelUses() throws {
        let request = try SESV1Input.request(
            operation: "SendEmail",
            parameters: .object([
                "Source": .string("Shop <shop@example.com>"),
                "Destination": .object([
                    "ToAddresses": Self.strings("a@example.net", "b@example.net"),
                    "CcAddresses": Self.strings("c@example.net"),
                    "BccAddresses": Self.strings("d@example.net"),
                ]),
                "Message": .object([
                    "Subject": .object(["Data": .string("Hi"), "Charset": .string("UTF-8")]),
                    "Body": .object([
                        "Text": .object(["Data": .string("text")]), "Html": .object(["Data": .string("<p>")]),
                    ]),
                ]),
                "ReplyToAddresses": Self.strings("r@example.com"), "ReturnPath": .string("b@example.com"),
                "Tags": .array([.object(["Name": .string("campaign"), "Value": .string("spring")])]),
                "ConfigurationSetName": .string("news"),
            ]))
        #expect(
            request
                == .sendEmail(
                    SendEmailRequest(
                        source: "Shop <shop@example.com>",
                        destination: Destination(
                            toAddresses: ["a@example.net", "b@example.net"], ccAddresses: ["c@example.net"],
                            bccAddresses: ["d@example.net"]),
                        message: SimpleContent(subject: "Hi", text: "text", html: "<p>"),
                        configurationSetName: "news",
                        tags: [NameValue(name: "campaign", value: "spring")])))
    }

    @Test func sendTemplatedAndBulkEmail() throws {
        let templated = try SESV1Input.request(
            operation: "SendTemplatedEmail",
            parameters: .object([
                "Source": .string("a@example.com"),
                "Destination": .object(["ToAddresses": Self.strings("b@example.net")]),
                "Template": .string("welcome"), "TemplateData": .string(#"{"n":1}"#),
            ]))
        #expect(
            templated
                == .sendTemplatedEmail(
                    SendTemplatedEmailRequest(
                        source: "a@example.com", destination: Destination(toAddresses: ["b@example.net"]),
                        template: "welcome", templateData: #"{"n":1}"#)))
        let bulk = try SESV1Input.request(
            operation: "SendBulkTemplatedEmail",
            parameters: .object([
                "Source": .string("a@example.com"), "Template": .string("news"),
                "DefaultTemplateData": .string("{}"), "ConfigurationSetName": .string("cs"),
                "DefaultTags": .array([.object(["Name": .string("k"), "Value": .string("v")])]),
                "Destinations": .array([
                    .object([
                        "Destination": .object(["ToAddresses": Self.strings("x@example.net")]),
                        "ReplacementTags": .array([.object(["Name": .string("k"), "Value": .string("w")])]),
                        "ReplacementTemplateData": .string(#"{"n":2}"#),
                    ]),
                    .object(["Destination": .object(["BccAddresses": Self.strings("y@example.net")])]),
                ]),
            ]))
        #expect(
            bulk
                == .sendBulkTemplatedEmail(
                    SendBulkTemplatedEmailRequest(
                        source: "a@example.com", template: "news", defaultTemplateData: "{}",
                        defaultTags: [NameValue(name: "k", value: "v")],
                        destinations: [
                            BulkEmailDestination(
                                destination: Destination(toAddresses: ["x@example.net"]),
                                replacementTags: [NameValue(name: "k", value: "w")],
                                replacementTemplateData: #"{"n":2}"#),
                            BulkEmailDestination(destination: Destination(bccAddresses: ["y@example.net"])),
                        ], configurationSetName: "cs")))
    }

    @Test func sendRawEmailDecodesItsBase64Message() throws {
        let request = try SESV1Input.request(
            operation: "SendRawEmail",
            parameters: .object([
                "Source": .string("a@example.com"), "Destinations": Self.strings("b@example.net"),
                "RawMessage": .object(["Data": .string("RnJvbTogYUBleGFtcGxlLmNvbQ0KDQpoaQ==")]),
                "Tags": .array([.object(["Name": .string("k"), "Value": .string("v")])]),
                "ConfigurationSetName": .string("cs"), "SourceArn": .string("arn:s"),
                "FromArn": .string("arn:f"),
                "ReturnPathArn": .string("arn:r"),
            ]))
        #expect(
            request
                == .sendRawEmail(
                    SendRawEmailRequest(
                        source: "a@example.com", destinations: ["b@example.net"],
                        rawMessage: Array("From: a@example.com\r\n\r\nhi".utf8), configurationSetName: "cs",
                        tags: [NameValue(name: "k", value: "v")], sourceArn: "arn:s", fromArn: "arn:f",
                        returnPathArn: "arn:r", interface: .sendRawEmail)))
        let bare = try SESV1Input.request(
            operation: "SendRawEmail", parameters: .object(["RawMessage": .object(["Data": .string("aGk=")])])
        )
        #expect(
            bare == .sendRawEmail(SendRawEmailRequest(rawMessage: Array("hi".utf8), interface: .sendRawEmail))
        )
    }

    @Test func templatesAccountAndIdentities() throws {
        let template = JSONValue.object([
            "Template": .object([
                "TemplateName": .string("t"), "SubjectPart": .string("S"),
                "HtmlPart": .string("<b>{{x}}</b>"),
            ])
        ])
        let expected = EmailTemplate(name: "t", subjectPart: "S", htmlPart: "<b>{{x}}</b>")
        #expect(
            try SESV1Input.request(operation: "CreateTemplate", parameters: template)
                == .createTemplate(expected))
        #expect(
            try SESV1Input.request(operation: "UpdateTemplate", parameters: template)
                == .updateTemplate(expected))
        let named = JSONValue.object(["TemplateName": .string("t")])
        #expect(
            try SESV1Input.request(operation: "GetTemplate", parameters: named) == .getTemplate(name: "t"))
        #expect(
            try SESV1Input.request(operation: "DeleteTemplate", parameters: named)
                == .deleteTemplate(name: "t"))
        #expect(try SESV1Input.request(operation: "ListTemplates", parameters: .null) == .listTemplates)
        #expect(
            try SESV1Input.request(
                operation: "TestRenderTemplate",
                parameters: .object(["TemplateName": .string("t"), "TemplateData": .string("{}")]))
                == .testRenderTemplate(name: "t", data: "{}"))
        #expect(try SESV1Input.request(operation: "GetSendQuota", parameters: .null) == .getSendQuota)
        #expect(
            try SESV1Input.request(operation: "GetSendStatistics", parameters: .object([:]))
                == .getSendStatistics)
        #expect(
            try SESV1Input.request(operation: "GetAccountSendingEnabled", parameters: .null)
                == .getAccountSendingEnabled)
        #expect(
            try SESV1Input.request(
                operation: "UpdateAccountSendingEnabled", parameters: .object(["Enabled": .bool(true)]))
                == .updateAccountSendingEnabled(enabled: true))
        #expect(
            try SESV1Input.request(operation: "UpdateAccountSendingEnabled", parameters: .null)
                == .updateAccountSendingEnabled(enabled: false))
        #expect(
            try SESV1Input.request(
                operation: "VerifyEmailIdentity",
                parameters: .object(["EmailAddress": .string("a@example.com")]))
                == .createEmailIdentity("a@example.com"))
        #expect(
            try SESV1Input.request(
                operation: "VerifyEmailAddress",
                parameters: .object(["EmailAddress": .string("a@example.com")]))
                == .createEmailIdentity("a@example.com"))
        #expect(
            try SESV1Input.request(
                operation: "VerifyDomainIdentity", parameters: .object(["Domain": .string("example.org")]))
                == .createEmailIdentity("example.org"))
        #expect(
            try SESV1Input.request(
                operation: "ListIdentities",
                parameters: .object([
                    "IdentityType": .string("Domain"), "MaxItems": .integer(5), "NextToken": .string("5"),
                ]))
                == .listEmailIdentities)
        #expect(
            try SESV1Input.request(
                operation: "GetIdentityVerificationAttributes",
                parameters: .object(["Identities": Self.strings("a.com")]))
                == .listEmailIdentities)
        #expect(
            try SESV1Input.request(
                operation: "DeleteIdentity", parameters: .object(["Identity": .string("a.com")]))
                == .deleteEmailIdentity("a.com"))
        #expect(
            try SESV1Input.request(
                operation: "DeleteVerifiedEmailAddress",
                parameters: .object(["EmailAddress": .string("a@b.com")]))
                == .deleteEmailIdentity("a@b.com"))
    }

    @Test func configurationSetsAndEventDestinations() throws {
        let set = JSONValue.object(["ConfigurationSetName": .string("cs")])
        #expect(
            try SESV1Input.request(
                operation: "CreateConfigurationSet",
                parameters: .object(["ConfigurationSet": .object(["Name": .string("cs")])]))
                == .createConfigurationSet(ConfigurationSet(name: "cs")))
        #expect(
            try SESV1Input.request(operation: "DeleteConfigurationSet", parameters: set)
                == .deleteConfigurationSet(name: "cs"))
        #expect(
            try SESV1Input.request(operation: "DescribeConfigurationSet", parameters: set)
                == .describeConfigurationSet(name: "cs"))
        #expect(
            try SESV1Input.request(operation: "ListConfigurationSets", parameters: .null)
                == .listConfigurationSets)
        let enabled = JSONValue.object(["ConfigurationSetName": .string("cs"), "Enabled": .bool(false)])
        #expect(
            try SESV1Input.request(operation: "UpdateConfigurationSetSendingEnabled", parameters: enabled)
                == .updateConfigurationSetSendingEnabled(name: "cs", enabled: false))
        #expect(
            try SESV1Input.request(
                operation: "UpdateConfigurationSetReputationMetricsEnabled", parameters: enabled)
                == .updateConfigurationSetReputationMetricsEnabled(name: "cs", enabled: false))
        let destination = JSONValue.object([
            "ConfigurationSetName": .string("cs"),
            "EventDestination": .object([
                "Name": .string("cw"), "Enabled": .bool(true),
                "MatchingEventTypes": Self.strings("send", "renderingFailure"),
                "CloudWatchDestination": .object([
                    "DimensionConfigurations": .array([
                        .object([
                            "DimensionName": .string("campaign"),
                            "DimensionValueSource": .string("messageTag"),
                            "DefaultDimensionValue": .string("none"),
                        ])
                    ])
                ]),
            ]),
        ])
        let expected = EventDestination(
            name: "cw", enabled: true, matchingTypes: EventTypeSet([.send, .renderingFailure]),
            kind: .cloudWatch(dimensions: [
                DimensionConfiguration(name: "campaign", valueSource: .messageTag, defaultValue: "none")
            ]))
        #expect(
            try SESV1Input.request(
                operation: "CreateConfigurationSetEventDestination", parameters: destination)
                == .createConfigurationSetEventDestination(configurationSet: "cs", destination: expected))
        #expect(
            try SESV1Input.request(
                operation: "UpdateConfigurationSetEventDestination", parameters: destination)
                == .updateConfigurationSetEventDestination(configurationSet: "cs", destination: expected))
        let firehose = JSONValue.object([
            "ConfigurationSetName": .string("cs"),
            "EventDestination": .object([
                "Name": .string("fh"), "MatchingEventTypes": Self.strings("bounce"),
                "KinesisFirehoseDestination": .object([
                    "IAMRoleARN": .string("arn:aws:iam::1:role/r"),
                    "DeliveryStreamARN": .string("arn:aws:firehose:s"),
                ]),
            ]),
        ])
        // `Enabled` is false when absent.
        #expect(
            try SESV1Input.request(operation: "CreateConfigurationSetEventDestination", parameters: firehose)
                == .createConfigurationSetEventDestination(
                    configurationSet: "cs",
                    destination: EventDestination(
                        name: "fh", enabled: false, matchingTypes: EventTypeSet(.bounce),
                        kind: .firehose(deliveryStream: "arn:aws:firehose:s"))))
        #expect(
            try SESV1Input.request(
                operation: "DeleteConfigurationSetEventDestination",
                parameters: .object([
                    "ConfigurationSetName": .string("cs"), "EventDestinationName": .string("fh"),
                ]))
                == .deleteConfigurationSetEventDestination(configurationSet: "cs", destinationName: "fh"))
    }

    @Test func everyServedOperationDecodes() {
        // Each operation of the table has a decoder (none falls through to InvalidAction).
        for operation in SESV1Model.operations {
            do {
                _ = try SESV1Input.call(operation: operation.name, parameters: .null)
            } catch {
                #expect(error.error.code != .invalidAction, "\(operation.name): \(error)")
            }
        }
    }
}
