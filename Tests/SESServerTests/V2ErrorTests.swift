import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SESServer
import SimJSON
import Testing

/// Every error the v2 routes answer with: status, `x-amzn-ErrorType`, message.
@Suite struct V2ErrorTests {
    @Test func aRateOverrunIs429TooManyRequests() async throws {
        try await ServerFixtures.withServer { client, _ in
            for index in 0..<14 {
                #expect(try await client.sendSimple(to: ["r\(index)@example.net"]).status == .ok)
            }
            let reply = try await client.sendSimple(to: ["late@example.net"])
            #expect(reply.status == .tooManyRequests)
            #expect(reply.errorType == "TooManyRequestsException")
            #expect(reply.message == "Maximum sending rate exceeded.")
            // A second later the bucket has refilled.
            _ = try await client.advance(1)
            #expect(try await client.sendSimple(to: ["late@example.net"]).status == .ok)
        }
    }

    @Test func theDailyQuotaIsLimitExceeded() async throws {
        let yaml = ServerFixtures.openAccount + "\n  max24HourSend: 2\n"
        try await ServerFixtures.withServer(yaml) { client, _ in
            #expect(try await client.sendSimple(to: ["a@example.net", "b@example.net"]).status == .ok)
            let reply = try await client.sendSimple(to: ["c@example.net"])
            #expect(reply.status == .badRequest)
            #expect(reply.errorType == "LimitExceededException")
            #expect(reply.message == "Daily message quota exceeded.")
            // Mailbox simulator recipients do not count.
            #expect(try await client.sendSimple(to: ["success@simulator.amazonses.com"]).status == .ok)
        }
    }

    @Test func anUnverifiedSenderIsMessageRejected() async throws {
        let yaml = """
            name: strict
            start: 2026-03-02T09:00:00Z
            account: { identities: [example.com] }
            """
        try await ServerFixtures.withServer(yaml) { client, _ in
            #expect(try await client.sendSimple(from: "ok@example.com", to: ["x@example.net"]).status == .ok)
            let reply = try await client.sendSimple(from: "Shop <shop@example.org>", to: ["x@example.net"])
            #expect(reply.status == .badRequest)
            #expect(reply.errorType == "MessageRejected")
            #expect(
                reply.message
                    == "Email address is not verified. The following identities failed the check in region "
                    + "US-EAST-1: Shop <shop@example.org>, shop@example.org")
        }
    }

    @Test func aPausedAccountIsSendingPaused() async throws {
        try await ServerFixtures.withServer { client, _ in
            #expect(
                try await client.call(.put, "/v2/email/account/sending", #"{"SendingEnabled":false}"#).status
                    == .ok)
            let reply = try await client.sendSimple(to: ["x@example.net"])
            #expect(reply.status == .badRequest)
            #expect(reply.errorType == "SendingPausedException")
            #expect(reply.message == "Email sending is disabled for your entire Amazon SES account.")
            let account = try await client.call(.get, "/v2/email/account")
            #expect(account["SendingEnabled"] == .bool(false))
        }
    }

    @Test func aPausedConfigurationSetIsSendingPaused() async throws {
        try await ServerFixtures.withServer { client, _ in
            _ = try await client.call(
                .post, "/v2/email/configuration-sets", #"{"ConfigurationSetName":"news"}"#)
            _ = try await client.call(
                .put, "/v2/email/configuration-sets/news/sending", #"{"SendingEnabled":false}"#)
            let reply = try await client.sendSimple(to: ["x@example.net"], configurationSet: "news")
            #expect(reply.errorType == "SendingPausedException")
            #expect(reply.message == "Email sending is disabled for the configuration set <news>.")
        }
    }

    @Test func unknownTemplatesAndSetsAreNotFound404() async throws {
        try await ServerFixtures.withServer { client, _ in
            let template = try await client.call(
                .post, "/v2/email/outbound-emails",
                #"{"FromEmailAddress":"a@example.com","Destination":{"ToAddresses":["x@example.net"]},"Content":{"Template":{"TemplateName":"missing","TemplateData":"{}"}}}"#
            )
            #expect(template.status == .notFound)
            #expect(template.errorType == "NotFoundException")
            #expect(template.message == "Template missing does not exist.")
            let set = try await client.sendSimple(to: ["x@example.net"], configurationSet: "nope")
            #expect(set.status == .notFound)
            #expect(set.errorType == "NotFoundException")
            #expect(set.message == "Configuration set <nope> does not exist.")
            let get = try await client.call(.get, "/v2/email/configuration-sets/nope")
            #expect(get.status == .notFound)
            let render = try await client.call(
                .post, "/v2/email/templates/missing/render", #"{"TemplateData":"{}"}"#)
            #expect(render.status == .notFound)
            #expect(render.errorType == "NotFoundException")
        }
    }

    @Test func aMailFromFailureIsMailFromDomainNotVerified() async throws {
        let yaml = ServerFixtures.openAccount + "\n  mailFromDomainFailures: [example.com]\n"
        try await ServerFixtures.withServer(yaml) { client, _ in
            let reply = try await client.sendSimple(from: "a@example.com", to: ["x@example.net"])
            #expect(reply.status == .badRequest)
            #expect(reply.errorType == "MailFromDomainNotVerifiedException")
        }
    }

    @Test func malformedBodiesAreBadRequests() async throws {
        try await ServerFixtures.withServer { client, _ in
            for body in ["{", "[1,2]", "{\"Content\": 5}", "\"text\"", "{\"a\":1} x"] {
                let reply = try await client.call(.post, "/v2/email/outbound-emails", body)
                #expect(reply.status == .badRequest, "\(body)")
                #expect(reply.errorType == "BadRequestException", "\(body)")
                #expect(reply.message?.isEmpty == false)
            }
            let wrongType = try await client.call(
                .post, "/v2/email/identities", #"{"EmailIdentity": 12}"#)
            #expect(wrongType.message == "Invalid value at 'EmailIdentity': expected a string.")
            let badAddress = try await client.sendSimple(to: ["no-at-sign"])
            #expect(badAddress.errorType == "BadRequestException")
            let tooMuchData = try await client.call(
                .post, "/v2/email/templates/t/render",
                "{\"TemplateData\": \"" + String(repeating: "x", count: 262_145) + "\"}")
            #expect(tooMuchData.errorType == "BadRequestException")
            #expect(tooMuchData.message?.contains("262144") == true)
            let raw = try await client.call(
                .post, "/v2/email/outbound-emails",
                #"{"Content":{"Raw":{"Data":"RnJvbTogYUBleGFtcGxlLmNvbQ=="}}}"#)
            #expect(raw.errorType == "BadRequestException")
            #expect(raw.message == "There are no recipients specified.")
        }
    }

    @Test func aBodyOverSESsSizeLimitIsRefused() async throws {
        try await ServerFixtures.withServer { client, _ in
            let big = "{\"pad\":\"" + String(repeating: "a", count: 57_000_000) + "\"}"
            let reply = try await client.call(.post, "/v2/email/outbound-emails", big)
            #expect(reply.status == .badRequest)
            #expect(reply.errorType == "BadRequestException")
            #expect(try await client.call(.get, "/_sesim/health").status == .ok)
        }
    }

    @Test func missingTemplateVariablesInTestRenderAreBadRequests() async throws {
        try await ServerFixtures.withServer { client, _ in
            _ = try await client.call(
                .post, "/v2/email/templates",
                #"{"TemplateName":"t","TemplateContent":{"Subject":"Hi {{name}}"}}"#)
            let reply = try await client.call(
                .post, "/v2/email/templates/t/render", #"{"TemplateData":"{}"}"#)
            #expect(reply.status == .badRequest)
            #expect(reply.errorType == "BadRequestException")
            #expect(reply.message == "Attribute 'name' is not present in the rendering data.")
            let ok = try await client.call(
                .post, "/v2/email/templates/t/render", #"{"TemplateData":"{\"name\":\"Ann\"}"}"#)
            #expect(ok["RenderedTemplate"]?.stringValue?.hasPrefix("Subject: Hi Ann\r\n") == true)
        }
    }

    @Test func existingResourcesAreAlreadyExists() async throws {
        try await ServerFixtures.withServer { client, _ in
            let create = #"{"TemplateName":"t","TemplateContent":{"Subject":"s"}}"#
            #expect(try await client.call(.post, "/v2/email/templates", create).status == .ok)
            let again = try await client.call(.post, "/v2/email/templates", create)
            #expect(again.errorType == "AlreadyExistsException")
            let set = #"{"ConfigurationSetName":"cs"}"#
            _ = try await client.call(.post, "/v2/email/configuration-sets", set)
            #expect(
                try await client.call(.post, "/v2/email/configuration-sets", set).errorType
                    == "AlreadyExistsException")
            let identity = #"{"EmailIdentity":"example.org"}"#
            _ = try await client.call(.post, "/v2/email/identities", identity)
            #expect(
                try await client.call(.post, "/v2/email/identities", identity).errorType
                    == "AlreadyExistsException")
        }
    }

    @Test func theControlPlaneRateIsTooManyRequests() async throws {
        let yaml = """
            name: throttled
            start: 2026-03-02T09:00:00Z
            """
        try await ServerFixtures.withServer(yaml) { client, _ in
            #expect(try await client.call(.get, "/v2/email/account").status == .ok)
            let second = try await client.call(.get, "/v2/email/account")
            #expect(second.status == .tooManyRequests)
            #expect(second.errorType == "TooManyRequestsException")
            #expect(second.message == "Rate exceeded")
            _ = try await client.advance(1)
            #expect(try await client.call(.get, "/v2/email/account").status == .ok)
        }
    }

    @Test func anotherRegionsSignatureIsRefused() async throws {
        try await ServerFixtures.withServer { client, _ in
            var headers = HTTPFields()
            headers[.authorization] =
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260302/eu-west-1/ses/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=abc"
            let refused = try await client.call(.get, "/v2/email/account", headers: headers)
            #expect(refused.status == .forbidden)
            #expect(refused.errorType == "InvalidSignatureException")
            #expect(refused.message == "Credential should be scoped to a valid region, not 'eu-west-1'.")
            headers[.authorization] =
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260302/us-east-1/ses/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=anything"
            #expect(try await client.call(.get, "/v2/email/account", headers: headers).status == .ok)
            // Unsigned requests pass too.
            #expect(try await client.call(.get, "/v2/email/identities").status == .ok)
        }
    }

    @Test func unknownPathsAreUnknownOperations() async throws {
        try await ServerFixtures.withServer { client, _ in
            let reply = try await client.call(.get, "/v2/email/nothing-here")
            #expect(reply.status == .notFound)
            #expect(reply.errorType == "UnknownOperationException")
            #expect(reply.message == "No operation answers GET /v2/email/nothing-here.")
            let wrongMethod = try await client.call(.patch, "/v2/email/account")
            #expect(wrongMethod.errorType == "UnknownOperationException")
            let admin = try await client.call(.get, "/_sesim/nothing")
            #expect(admin.status == .notFound)
            #expect(admin.message != nil)
        }
    }

    @Test func everyV2AnswerHasARequestId() async throws {
        try await ServerFixtures.withServer { client, _ in
            let ok = try await client.call(.get, "/v2/email/identities")
            let error = try await client.call(.get, "/v2/email/templates/none")
            for reply in [ok, error] {
                #expect(reply.headers[HTTPField.Name("x-amzn-RequestId")!]?.count == 36)
            }
        }
    }
}
