import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SESProtocolV1
import SESServer
import Testing

/// API v1 over the Query protocol: answers in SES's XML, checked by exact
/// bytes and against botocore's `ses` model.
@Suite struct V1RoutesTests {
    @Test func aSendEmailAnswerIsSESsXMLByteForByte() async throws {
        try await ServerFixtures.withServer { client, _ in
            let reply = try await client.v1Send(to: ["ann@example.net"])
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType] == "text/xml")
            let id = try #require(reply.result("MessageId")?.text)
            let requestId = try #require(reply.requestId)
            #expect(id.hasSuffix("-000000") && id.count == 60)
            #expect(
                reply.text == """
                    <SendEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">
                      <SendEmailResult>
                        <MessageId>\(id)</MessageId>
                      </SendEmailResult>
                      <ResponseMetadata>
                        <RequestId>\(requestId)</RequestId>
                      </ResponseMetadata>
                    </SendEmailResponse>

                    """)
        }
    }

    @Test func getSendQuotaWritesDoublesAsSESDoes() async throws {
        try await ServerFixtures.withServer { client, _ in
            _ = try await client.v1Send(to: ["a@example.net", "b@example.net"])
            let reply = try await client.v1("GetSendQuota")
            let requestId = try #require(reply.requestId)
            #expect(
                reply.text == """
                    <GetSendQuotaResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">
                      <GetSendQuotaResult>
                        <Max24HourSend>50000.0</Max24HourSend>
                        <MaxSendRate>14.0</MaxSendRate>
                        <SentLast24Hours>2.0</SentLast24Hours>
                      </GetSendQuotaResult>
                      <ResponseMetadata>
                        <RequestId>\(requestId)</RequestId>
                      </ResponseMetadata>
                    </GetSendQuotaResponse>

                    """)
        }
    }

    @Test func anOperationWithoutOutputAnswersOnlyItsMetadata() async throws {
        try await ServerFixtures.withServer { client, _ in
            let reply = try await client.v1("UpdateAccountSendingEnabled", [("Enabled", "true")])
            let requestId = try #require(reply.requestId)
            #expect(
                reply.text == """
                    <UpdateAccountSendingEnabledResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">
                      <ResponseMetadata>
                        <RequestId>\(requestId)</RequestId>
                      </ResponseMetadata>
                    </UpdateAccountSendingEnabledResponse>

                    """)
            let empty = try await client.v1("VerifyEmailIdentity", [("EmailAddress", "ann@example.com")])
            #expect(empty.text.contains("  <VerifyEmailIdentityResult/>\n"))
        }
    }

    @Test func getWithAQueryStringAndAnActionInTheURLWork() async throws {
        try await ServerFixtures.withServer { client, _ in
            let get = try await client.v1Raw(
                "", uri: "/?Action=GetAccountSendingEnabled&Version=2010-12-01", method: .get)
            #expect(get.status == .ok)
            #expect(get.result("Enabled")?.text == "true")
            let mixed = try await client.v1Raw("Version=2010-12-01", uri: "/?Action=GetSendStatistics")
            #expect(mixed.status == .ok)
            #expect(mixed.xml?.name == "GetSendStatisticsResponse")
            // `+` is a space in a form.
            let template = try await client.v1Raw(
                "Action=CreateTemplate&Template.TemplateName=t&Template.SubjectPart=Hello+%7B%7Bname%7D%7D")
            #expect(template.status == .ok)
            #expect(
                try await client.v1("GetTemplate", [("TemplateName", "t")]).result("Template/SubjectPart")?
                    .text
                    == "Hello {{name}}")
        }
    }

    @Test func listsMapsAndCarriageReturnsSurviveTheWire() async throws {
        try await ServerFixtures.withServer { client, _ in
            _ = try await client.v1("VerifyDomainIdentity", [("Domain", "example.org")])
            _ = try await client.v1("VerifyEmailIdentity", [("EmailAddress", "ann@example.com")])
            let list = try await client.v1("ListIdentities")
            #expect(list.result()?.members("Identities") == ["ann@example.com", "example.org"])
            let domains = try await client.v1("ListIdentities", [("IdentityType", "Domain")])
            #expect(domains.result()?.members("Identities") == ["example.org"])
            let paged = try await client.v1("ListIdentities", [("MaxItems", "1")])
            #expect(paged.result("NextToken")?.text == "1")
            let attributes = try await client.v1(
                "GetIdentityVerificationAttributes",
                [("Identities.member.1", "example.org"), ("Identities.member.2", "nobody.example")])
            let entries = try #require(attributes.result("VerificationAttributes")).children
            #expect(entries.count == 1)
            #expect(entries.first?["key"]?.text == "example.org")
            #expect(entries.first?.at("value/VerificationStatus")?.text == "Success")
            #expect(
                entries.first?.at("value/VerificationToken")?.text
                    == VerificationToken.token(forDomain: "example.org"))
            _ = try await client.v1(
                "CreateTemplate",
                [
                    ("Template.TemplateName", "t"), ("Template.SubjectPart", "Hi {{n}}"),
                    ("Template.TextPart", "x"),
                ])
            let rendered = try await client.v1(
                "TestRenderTemplate", [("TemplateName", "t"), ("TemplateData", #"{"n":"Bo"}"#)])
            #expect(rendered.text.contains("Subject: Hi Bo&#xD;\n"))
            #expect(
                rendered.result("RenderedTemplate")?.text.hasPrefix("Subject: Hi Bo\r\nMIME-Version: 1.0\r\n")
                    == true)
        }
    }

    /// Every operation served, called through the wire: 200 and an answer
    /// of botocore's output shape, with its metadata.
    @Test(.enabled(if: BotocoreModel.ses != nil, "botocore (python3 -c 'import botocore') is not installed"))
    func everyOperationAnswersInTheModelsShape() async throws {
        try await ServerFixtures.withServer(
            ServerFixtures.openAccount + "\n  identities: [example.com]\n"
        ) { client, _ in
            let sim = "success@simulator.amazonses.com"
            let calls: [(String, [(String, String)])] = [
                (
                    "SendEmail",
                    [
                        ("Source", "a@example.com"), ("Destination.ToAddresses.member.1", sim),
                        ("Message.Subject.Data", "s"), ("Message.Body.Html.Data", "<p>h</p>"),
                        ("Tags.member.1.Name", "k"), ("Tags.member.1.Value", "v"),
                    ]
                ),
                (
                    "CreateTemplate",
                    [
                        ("Template.TemplateName", "t"), ("Template.SubjectPart", "Hi {{n}}"),
                        ("Template.TextPart", "{{n}}"),
                    ]
                ),
                (
                    "SendTemplatedEmail",
                    [
                        ("Source", "a@example.com"), ("Destination.ToAddresses.member.1", sim),
                        ("Template", "t"), ("TemplateData", #"{"n":1}"#),
                    ]
                ),
                (
                    "SendBulkTemplatedEmail",
                    [
                        ("Source", "a@example.com"), ("Template", "t"), ("DefaultTemplateData", #"{"n":1}"#),
                        ("Destinations.member.1.Destination.ToAddresses.member.1", sim),
                        ("Destinations.member.2.Destination.ToAddresses.member.1", "not an address"),
                    ]
                ),
                (
                    "SendRawEmail",
                    [
                        ("Destinations.member.1", sim),
                        ("RawMessage.Data", "RnJvbTogYUBleGFtcGxlLmNvbQ0KU3ViamVjdDogcmF3DQoNCmJvZHkNCg=="),
                    ]
                ),
                ("GetSendQuota", []), ("GetSendStatistics", []),
                ("VerifyEmailIdentity", [("EmailAddress", "b@example.com")]),
                ("VerifyEmailAddress", [("EmailAddress", "c@example.com")]),
                ("VerifyDomainIdentity", [("Domain", "example.org")]),
                ("ListIdentities", [("IdentityType", "EmailAddress"), ("MaxItems", "1")]),
                ("ListVerifiedEmailAddresses", []),
                (
                    "GetIdentityVerificationAttributes",
                    [("Identities.member.1", "example.org"), ("Identities.member.2", "b@example.com")]
                ),
                ("GetTemplate", [("TemplateName", "t")]),
                (
                    "UpdateTemplate",
                    [
                        ("Template.TemplateName", "t"), ("Template.SubjectPart", "S"),
                        ("Template.HtmlPart", "<b>{{n}}</b>"),
                    ]
                ),
                ("ListTemplates", [("MaxItems", "5")]),
                ("TestRenderTemplate", [("TemplateName", "t"), ("TemplateData", #"{"n":"x"}"#)]),
                ("CreateConfigurationSet", [("ConfigurationSet.Name", "cs")]),
                (
                    "CreateConfigurationSetEventDestination",
                    [
                        ("ConfigurationSetName", "cs"), ("EventDestination.Name", "cw"),
                        ("EventDestination.Enabled", "true"),
                        ("EventDestination.MatchingEventTypes.member.1", "send"),
                        ("EventDestination.MatchingEventTypes.member.2", "renderingFailure"),
                        (
                            "EventDestination.CloudWatchDestination.DimensionConfigurations.member.1.DimensionName",
                            "k"
                        ),
                        (
                            "EventDestination.CloudWatchDestination.DimensionConfigurations.member.1.DimensionValueSource",
                            "messageTag"
                        ),
                        (
                            "EventDestination.CloudWatchDestination.DimensionConfigurations.member.1.DefaultDimensionValue",
                            "none"
                        ),
                    ]
                ),
                (
                    "UpdateConfigurationSetEventDestination",
                    [
                        ("ConfigurationSetName", "cs"), ("EventDestination.Name", "cw"),
                        ("EventDestination.MatchingEventTypes.member.1", "bounce"),
                        (
                            "EventDestination.KinesisFirehoseDestination.IAMRoleARN",
                            "arn:aws:iam::123456789012:role/r"
                        ),
                        (
                            "EventDestination.KinesisFirehoseDestination.DeliveryStreamARN",
                            "arn:aws:firehose:us-east-1:123456789012:deliverystream/s"
                        ),
                    ]
                ),
                (
                    "UpdateConfigurationSetSendingEnabled",
                    [("ConfigurationSetName", "cs"), ("Enabled", "false")]
                ),
                (
                    "UpdateConfigurationSetReputationMetricsEnabled",
                    [("ConfigurationSetName", "cs"), ("Enabled", "true")]
                ),
                (
                    "DescribeConfigurationSet",
                    [
                        ("ConfigurationSetName", "cs"),
                        ("ConfigurationSetAttributeNames.member.1", "eventDestinations"),
                        ("ConfigurationSetAttributeNames.member.2", "deliveryOptions"),
                        ("ConfigurationSetAttributeNames.member.3", "reputationOptions"),
                        ("ConfigurationSetAttributeNames.member.4", "trackingOptions"),
                    ]
                ),
                ("ListConfigurationSets", []),
                (
                    "DeleteConfigurationSetEventDestination",
                    [("ConfigurationSetName", "cs"), ("EventDestinationName", "cw")]
                ),
                ("DeleteConfigurationSet", [("ConfigurationSetName", "cs")]),
                ("UpdateAccountSendingEnabled", [("Enabled", "true")]),
                ("GetAccountSendingEnabled", []),
                ("DeleteTemplate", [("TemplateName", "t")]),
                ("DeleteIdentity", [("Identity", "example.org")]),
                ("DeleteVerifiedEmailAddress", [("EmailAddress", "c@example.com")]),
            ]
            #expect(
                Set(calls.map(\.0)) == Set(SESV1Model.operations.map(\.name)),
                "every operation is exercised")
            for (name, parameters) in calls {
                let reply = try await client.v1(name, parameters)
                #expect(reply.status == .ok, "\(name): \(reply.text)")
                let root = try #require(reply.xml, "\(name): \(reply.text)")
                #expect(root.name == "\(name)Response")
                #expect(root.attributes["xmlns"] == "http://ses.amazonaws.com/doc/2010-12-01/")
                #expect(root.at("ResponseMetadata/RequestId")?.text == reply.requestId, "\(name)")
                let operation = try #require(BotocoreModel.ses?["operations"]?[name])
                if let output = operation["output"]?["shape"]?.stringValue,
                    let wrapper = operation["output"]?["resultWrapper"]?.stringValue
                {
                    let result = try #require(root[wrapper], "\(name): no \(wrapper)")
                    #expect(
                        BotocoreModel.v1Problems(result, shape: output, path: wrapper) == [],
                        "\(name): \(reply.text)")
                    #expect(root.children.map(\.name) == [wrapper, "ResponseMetadata"], "\(name)")
                } else {
                    #expect(root.children.map(\.name) == ["ResponseMetadata"], "\(name)")
                }
            }
        }
    }

    @Test func theShapeCheckFindsWhatDeparts() throws {
        guard BotocoreModel.ses != nil else { return }
        let wrong = try #require(XMLElement.parse("<R><Max24HourSend>lots</Max24HourSend><Nope/></R>"))
        #expect(BotocoreModel.v1Problems(wrong, shape: "GetSendQuotaResponse", path: "R").count == 2)
        let missing = try #require(XMLElement.parse("<R/>"))
        #expect(!BotocoreModel.v1Problems(missing, shape: "SendEmailResponse", path: "R").isEmpty)
    }
}
