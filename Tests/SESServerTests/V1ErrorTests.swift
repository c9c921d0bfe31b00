import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SESServer
import Testing

/// Every error the v1 routes answer with: status, `Type`, `Code`, `Message`.
@Suite struct V1ErrorTests {
    @Test func aRateOverrunIsThrottlingInSESsErrorShape() async throws {
        try await ServerFixtures.withServer { client, _ in
            for index in 0..<14 {
                #expect(try await client.v1Send(to: ["r\(index)@example.net"]).status == .ok)
            }
            let reply = try await client.v1Send(to: ["late@example.net"])
            let requestId = try #require(reply.requestId)
            #expect(reply.status == .badRequest)
            // The shape of awsdocs/amazon-ses-developer-guide#60, byte for byte.
            #expect(
                reply.text == """
                    <ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">
                      <Error>
                        <Type>Sender</Type>
                        <Code>Throttling</Code>
                        <Message>Maximum sending rate exceeded.</Message>
                      </Error>
                      <RequestId>\(requestId)</RequestId>
                    </ErrorResponse>

                    """)
            _ = try await client.advance(1)
            #expect(try await client.v1Send(to: ["late@example.net"]).status == .ok)
        }
    }

    @Test func theDailyQuotaIsThrottlingToo() async throws {
        try await ServerFixtures.withServer(ServerFixtures.openAccount + "\n  max24HourSend: 2\n") {
            client, _ in
            #expect(try await client.v1Send(to: ["a@example.net", "b@example.net"]).status == .ok)
            let reply = try await client.v1Send(to: ["c@example.net"])
            #expect(reply.status == .badRequest)
            #expect(reply.errorType == "Sender")
            #expect(reply.errorCode == "Throttling")
            #expect(reply.errorMessage == "Daily message quota exceeded.")
        }
    }

    @Test func theControlPlaneRateIsThrottlingRateExceeded() async throws {
        let yaml = """
            name: control
            start: 2026-03-02T09:00:00Z
            account: { autoVerifySenders: true }
            """
        try await ServerFixtures.withServer(yaml) { client, _ in
            #expect(try await client.v1("GetSendQuota").status == .ok)
            let reply = try await client.v1("GetSendQuota")
            #expect(reply.errorCode == "Throttling")
            #expect(reply.errorMessage == "Rate exceeded")
        }
    }

    @Test func sendingErrorsHaveTheModelsCodes() async throws {
        let yaml = """
            name: strict
            start: 2026-03-02T09:00:00Z
            account: { identities: [example.com], controlPlaneRate: unlimited }
            """
        try await ServerFixtures.withServer(yaml) { client, _ in
            let unverified = try await client.v1Send(from: "Shop <shop@example.org>", to: ["x@example.net"])
            #expect(unverified.errorCode == "MessageRejected")
            #expect(
                unverified.errorMessage
                    == "Email address is not verified. The following identities failed the check in region "
                    + "US-EAST-1: Shop <shop@example.org>, shop@example.org")
            let noSet = try await client.v1Send(
                from: "a@example.com", to: ["x@example.net"], configurationSet: "nope")
            #expect(noSet.errorCode == "ConfigurationSetDoesNotExist")
            #expect(noSet.errorMessage == "Configuration set <nope> does not exist.")
            let noTemplate = try await client.v1(
                "SendTemplatedEmail",
                [
                    ("Source", "a@example.com"), ("Destination.ToAddresses.member.1", "x@example.net"),
                    ("Template", "gone"), ("TemplateData", "{}"),
                ])
            #expect(noTemplate.errorCode == "TemplateDoesNotExist")
            #expect(noTemplate.errorMessage == "Template gone does not exist.")
            let badAddress = try await client.v1Send(from: "a@example.com", to: ["nobody"])
            #expect(badAddress.errorCode == "InvalidParameterValue")

            _ = try await client.v1("CreateConfigurationSet", [("ConfigurationSet.Name", "news")])
            _ = try await client.v1(
                "UpdateConfigurationSetSendingEnabled",
                [("ConfigurationSetName", "news"), ("Enabled", "false")])
            let pausedSet = try await client.v1Send(
                from: "a@example.com", to: ["x@example.net"], configurationSet: "news")
            #expect(pausedSet.errorCode == "ConfigurationSetSendingPausedException")
            #expect(pausedSet.errorMessage == "Email sending is disabled for the configuration set <news>.")

            _ = try await client.v1("UpdateAccountSendingEnabled", [("Enabled", "false")])
            #expect(try await client.v1("GetAccountSendingEnabled").result("Enabled")?.text == "false")
            let paused = try await client.v1Send(from: "a@example.com", to: ["x@example.net"])
            #expect(paused.errorCode == "AccountSendingPausedException")
            #expect(paused.errorMessage == "Email sending is disabled for your entire Amazon SES account.")
        }
    }

    @Test func templateAndConfigurationSetErrors() async throws {
        try await ServerFixtures.withServer { client, _ in
            let template = [("Template.TemplateName", "t"), ("Template.SubjectPart", "Hi {{name}}")]
            #expect(try await client.v1("CreateTemplate", template).status == .ok)
            #expect(try await client.v1("CreateTemplate", template).errorCode == "AlreadyExists")
            let broken = try await client.v1(
                "CreateTemplate", [("Template.TemplateName", "b"), ("Template.SubjectPart", "{{#if x}}")])
            #expect(broken.errorCode == "InvalidTemplate")
            let missing = try await client.v1(
                "TestRenderTemplate", [("TemplateName", "t"), ("TemplateData", "{}")])
            #expect(missing.errorCode == "MissingRenderingAttribute")
            #expect(missing.errorMessage == "Attribute 'name' is not present in the rendering data.")
            let invalid = try await client.v1(
                "TestRenderTemplate", [("TemplateName", "t"), ("TemplateData", "{nope")])
            #expect(invalid.errorCode == "InvalidRenderingParameter")
            #expect(
                try await client.v1("GetTemplate", [("TemplateName", "x")]).errorCode
                    == "TemplateDoesNotExist")
            #expect(
                try await client.v1("UpdateTemplate", [("Template.TemplateName", "x")]).errorCode
                    == "TemplateDoesNotExist")
            // Deleting what is not there succeeds (boto/boto3#3140), as verifying twice does.
            #expect(try await client.v1("DeleteTemplate", [("TemplateName", "x")]).status == .ok)
            #expect(try await client.v1("DeleteIdentity", [("Identity", "nobody.example")]).status == .ok)
            #expect(
                try await client.v1("VerifyEmailIdentity", [("EmailAddress", "a@example.com")]).status == .ok)
            #expect(
                try await client.v1("VerifyEmailIdentity", [("EmailAddress", "a@example.com")]).status == .ok)

            let set = [("ConfigurationSet.Name", "cs")]
            #expect(try await client.v1("CreateConfigurationSet", set).status == .ok)
            #expect(
                try await client.v1("CreateConfigurationSet", set).errorCode
                    == "ConfigurationSetAlreadyExists")
            #expect(
                try await client.v1("CreateConfigurationSet", [("ConfigurationSet.Name", "bad name")])
                    .errorCode
                    == "InvalidConfigurationSet")
            #expect(
                try await client.v1("DescribeConfigurationSet", [("ConfigurationSetName", "no")]).errorCode
                    == "ConfigurationSetDoesNotExist")
            let destination = [
                ("ConfigurationSetName", "cs"), ("EventDestination.Name", "d"),
                ("EventDestination.MatchingEventTypes.member.1", "send"),
                ("EventDestination.SNSDestination.TopicARN", "arn:aws:sns:us-east-1:123456789012:t"),
            ]
            #expect(try await client.v1("CreateConfigurationSetEventDestination", destination).status == .ok)
            #expect(
                try await client.v1("CreateConfigurationSetEventDestination", destination).errorCode
                    == "EventDestinationAlreadyExists")
            #expect(
                try await client.v1(
                    "DeleteConfigurationSetEventDestination",
                    [("ConfigurationSetName", "cs"), ("EventDestinationName", "x")]
                ).errorCode == "EventDestinationDoesNotExist")
        }
    }

    @Test func unknownAndMissingActions() async throws {
        try await ServerFixtures.withServer { client, _ in
            let unknown = try await client.v1("SendSmokeSignal")
            #expect(unknown.status == .badRequest)
            #expect(unknown.errorType == "Sender")
            #expect(unknown.errorCode == "InvalidAction")
            #expect(unknown.errorMessage == "Could not find operation SendSmokeSignal for version 2010-12-01")
            let version = try await client.v1Raw("Action=SendEmail&Version=2019-09-27")
            #expect(version.errorCode == "InvalidAction")
            #expect(version.errorMessage == "Could not find operation SendEmail for version 2019-09-27")
            for body in ["", "Version=2010-12-01", "Action="] {
                let missing = try await client.v1Raw(body)
                #expect(missing.status == .badRequest)
                #expect(missing.errorCode == "MissingAction")
                #expect(missing.errorMessage == "Missing Action")
            }
            let get = try await client.v1Raw("", uri: "/", method: .get)
            #expect(get.errorCode == "MissingAction")
        }
    }

    @Test func malformedFormsGetClearErrors() async throws {
        try await ServerFixtures.withServer { client, _ in
            let percent = try await client.v1Raw("Action=SendEmail&Source=a%4")
            #expect(percent.status == .notFound)
            #expect(percent.errorCode == "MalformedQueryString")
            #expect(
                percent.errorMessage
                    == "The query string contains a syntax error: '%' must be followed by two hexadecimal digits."
            )
            let utf8 = try await client.v1Raw("Action=SendEmail&Source=%FF%FE")
            #expect(utf8.errorCode == "MalformedQueryString")
            let position = try await client.v1Raw(
                "Action=SendEmail&Source=a%40example.com&Destination.ToAddresses.member.first=b%40example.net&Message.Subject.Data=s&Message.Body.Text.Data=t"
            )
            #expect(position.errorCode == "InvalidQueryParameter")
            let deep = try await client.v1Raw(
                "Action=SendEmail&Source" + String(repeating: ".x", count: 100_000) + "=1")
            #expect(deep.errorCode == "InvalidQueryParameter")
            let missing = try await client.v1("SendEmail", [("Source", "a@example.com")])
            #expect(missing.errorCode == "ValidationError")
            #expect(
                missing.errorMessage
                    == "2 validation errors detected: Value null at 'destination' failed to satisfy constraint: Member "
                    + "must not be null; Value null at 'message' failed to satisfy constraint: Member must not be null"
            )
            let kind = try await client.v1("ListIdentities", [("MaxItems", "many")])
            #expect(kind.errorCode == "ValidationError")
            let flag = try await client.v1("UpdateAccountSendingEnabled", [("Enabled", "yes")])
            #expect(flag.errorCode == "ValidationError")
            // The server goes on.
            #expect(try await client.v1("GetSendStatistics").status == .ok)
        }
    }

    @Test func aBodyOverTheLimitIsRefused() async throws {
        try await ServerFixtures.withServer { client, _ in
            let body = "Action=SendEmail&Source=" + String(repeating: "a", count: 17 * 1_048_576)
            let reply = try await client.v1Raw(body)
            #expect(reply.status == .badRequest)
            #expect(reply.errorCode == "InvalidParameterValue")
            #expect(reply.errorMessage?.hasPrefix("The request body is larger than 17825792 bytes") == true)
        }
    }

    @Test func anotherRegionIsSignatureDoesNotMatch() async throws {
        try await ServerFixtures.withServer { client, _ in
            func signed(_ region: String) -> HTTPFields {
                var headers = HTTPFields()
                headers[.authorization] =
                    "AWS4-HMAC-SHA256 Credential=AKID/20260302/\(region)/ses/aws4_request, SignedHeaders=host, Signature=abc"
                return headers
            }
            let refused = try await client.v1("GetSendQuota", headers: signed("eu-west-1"))
            #expect(refused.status == .forbidden)
            #expect(refused.errorType == "Sender")
            #expect(refused.errorCode == "SignatureDoesNotMatch")
            #expect(refused.errorMessage == "Credential should be scoped to a valid region, not 'eu-west-1'.")
            #expect(try await client.v1("GetSendQuota", headers: signed("us-east-1")).status == .ok)
            let presigned = try await client.v1Raw(
                "",
                uri:
                    "/?Action=GetSendQuota&X-Amz-Credential=AKID%2F20260302%2Fap-south-1%2Fses%2Faws4_request",
                method: .get)
            #expect(presigned.errorCode == "SignatureDoesNotMatch")
        }
    }
}
