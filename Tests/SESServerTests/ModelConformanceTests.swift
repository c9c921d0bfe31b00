import Hummingbird
import HummingbirdTesting
import SESServer
import SimJSON
import Testing

/// The v2 routes against botocore's own model of SES v2.
@Suite(.enabled(if: BotocoreModel.sesv2 != nil, "botocore (python3 -c 'import botocore') is not installed"))
struct ModelConformanceTests {
    @Test func everyRouteHasTheModelsMethodAndPath() throws {
        for route in V2Routes.operations {
            let http = try #require(
                BotocoreModel.operation(route.name)?["http"], "\(route.name) is not in the model")
            #expect(http["method"]?.stringValue == route.method.rawValue, "\(route.name)")
            #expect(http["requestUri"]?.stringValue == route.uri, "\(route.name)")
        }
    }

    @Test func everyOperationTheIssueNamesIsServed() {
        let served = Set(V2Routes.operations.map(\.name))
        let named = [
            "SendEmail", "SendBulkEmail", "GetAccount", "PutAccountSendingAttributes", "CreateEmailIdentity",
            "GetEmailIdentity", "ListEmailIdentities", "DeleteEmailIdentity", "CreateEmailTemplate",
            "GetEmailTemplate", "UpdateEmailTemplate", "DeleteEmailTemplate", "ListEmailTemplates",
            "TestRenderEmailTemplate", "CreateConfigurationSet", "GetConfigurationSet",
            "ListConfigurationSets",
            "DeleteConfigurationSet", "PutConfigurationSetSendingOptions",
            "CreateConfigurationSetEventDestination",
            "GetConfigurationSetEventDestinations", "UpdateConfigurationSetEventDestination",
            "DeleteConfigurationSetEventDestination", "PutSuppressedDestination", "GetSuppressedDestination",
            "DeleteSuppressedDestination", "ListSuppressedDestinations", "GetDedicatedIps", "GetDedicatedIp",
            "PutDedicatedIpWarmupAttributes", "GetDedicatedIpPool", "ListDedicatedIpPools",
        ]
        for name in named {
            #expect(served.contains(name), "\(name) is not served")
            #expect(BotocoreModel.operation(name) != nil, "\(name) is not in botocore's model")
        }
    }

    /// A request without its required body members is a BadRequestException
    /// naming one of them, whatever the operation.
    @Test func missingRequiredBodyMembersAreBadRequests() async throws {
        try await ServerFixtures.withServer { client, _ in
            for route in V2Routes.operations {
                let operation = try #require(BotocoreModel.operation(route.name))
                guard let input = operation["input"]?["shape"]?.stringValue else { continue }
                let members = BotocoreModel.members(of: input)
                let bodyRequired = BotocoreModel.required(of: input).filter {
                    members[$0]?["location"] == nil
                }
                guard !bodyRequired.isEmpty else { continue }
                let uri = route.uri.replacing(/\{[A-Za-z]+\}/, with: "x")
                let reply = try await client.call(route.method, uri, "{}")
                #expect(reply.status == .badRequest, "\(route.name): \(reply.text)")
                #expect(reply.errorType == "BadRequestException", "\(route.name)")
                let message = reply.message ?? ""
                #expect(bodyRequired.contains { message.contains("'\($0)'") }, "\(route.name): \(message)")
            }
        }
    }

    /// Every successful answer has only the model's members, of the model's
    /// kinds, with its required members.
    @Test func answersHaveTheModelsShapes() async throws {
        try await ServerFixtures.withServer(
            ServerFixtures.openAccount
                + "\ndedicatedIps:\n  pools: [marketing]\n  ips:\n    - { address: 198.51.100.7, pool: marketing }\n"
        ) { client, _ in
            let calls: [(String, HTTPRequest.Method, String, String?)] = [
                ("SendEmail", .post, "/v2/email/outbound-emails", Self.simpleSend),
                (
                    "CreateEmailTemplate", .post, "/v2/email/templates",
                    #"{"TemplateName":"t","TemplateContent":{"Subject":"Hi {{n}}","Text":"x","Html":"<p>{{n}}</p>"}}"#
                ),
                (
                    "SendBulkEmail", .post, "/v2/email/outbound-bulk-emails",
                    #"{"FromEmailAddress":"a@example.com","DefaultContent":{"Template":{"TemplateName":"t","TemplateData":"{\"n\":1}"}},"BulkEmailEntries":[{"Destination":{"ToAddresses":["success@simulator.amazonses.com"]}},{"Destination":{"ToAddresses":["not an address"]}}]}"#
                ),
                ("GetAccount", .get, "/v2/email/account", nil),
                (
                    "PutAccountSendingAttributes", .put, "/v2/email/account/sending",
                    #"{"SendingEnabled":true}"#
                ),
                ("CreateEmailIdentity", .post, "/v2/email/identities", #"{"EmailIdentity":"example.org"}"#),
                ("ListEmailIdentities", .get, "/v2/email/identities?PageSize=1", nil),
                ("GetEmailIdentity", .get, "/v2/email/identities/example.org", nil),
                ("ListEmailTemplates", .get, "/v2/email/templates", nil),
                ("GetEmailTemplate", .get, "/v2/email/templates/t", nil),
                (
                    "UpdateEmailTemplate", .put, "/v2/email/templates/t",
                    #"{"TemplateContent":{"Subject":"S"}}"#
                ),
                ("TestRenderEmailTemplate", .post, "/v2/email/templates/t/render", #"{"TemplateData":"{}"}"#),
                (
                    "CreateConfigurationSet", .post, "/v2/email/configuration-sets",
                    #"{"ConfigurationSetName":"cs","DeliveryOptions":{"SendingPoolName":"marketing","MaxDeliverySeconds":600},"TrackingOptions":{"CustomRedirectDomain":"t.example.com"}}"#
                ),
                ("GetConfigurationSet", .get, "/v2/email/configuration-sets/cs", nil),
                ("ListConfigurationSets", .get, "/v2/email/configuration-sets", nil),
                (
                    "PutConfigurationSetSendingOptions", .put, "/v2/email/configuration-sets/cs/sending",
                    #"{"SendingEnabled":true}"#
                ),
                (
                    "CreateConfigurationSetEventDestination", .post,
                    "/v2/email/configuration-sets/cs/event-destinations",
                    #"{"EventDestinationName":"cw","EventDestination":{"Enabled":true,"MatchingEventTypes":["SEND","RENDERING_FAILURE"],"CloudWatchDestination":{"DimensionConfigurations":[{"DimensionName":"campaign","DimensionValueSource":"MESSAGE_TAG","DefaultDimensionValue":"none"}]}}}"#
                ),
                (
                    "UpdateConfigurationSetEventDestination", .put,
                    "/v2/email/configuration-sets/cs/event-destinations/cw",
                    #"{"EventDestination":{"Enabled":false,"MatchingEventTypes":["BOUNCE"],"SnsDestination":{"TopicArn":"arn:aws:sns:us-east-1:123456789012:bounces"}}}"#
                ),
                (
                    "GetConfigurationSetEventDestinations", .get,
                    "/v2/email/configuration-sets/cs/event-destinations", nil
                ),
                (
                    "PutSuppressedDestination", .put, "/v2/email/suppression/addresses",
                    #"{"EmailAddress":"gone@example.com","Reason":"COMPLAINT"}"#
                ),
                ("GetSuppressedDestination", .get, "/v2/email/suppression/addresses/gone%40example.com", nil),
                ("ListSuppressedDestinations", .get, "/v2/email/suppression/addresses?Reason=COMPLAINT", nil),
                ("GetDedicatedIps", .get, "/v2/email/dedicated-ips?PoolName=marketing", nil),
                ("GetDedicatedIp", .get, "/v2/email/dedicated-ips/198.51.100.7", nil),
                (
                    "PutDedicatedIpWarmupAttributes", .put, "/v2/email/dedicated-ips/198.51.100.7/warmup",
                    #"{"WarmupPercentage":40}"#
                ),
                ("ListDedicatedIpPools", .get, "/v2/email/dedicated-ip-pools", nil),
                ("GetDedicatedIpPool", .get, "/v2/email/dedicated-ip-pools/marketing", nil),
                (
                    "DeleteConfigurationSetEventDestination", .delete,
                    "/v2/email/configuration-sets/cs/event-destinations/cw", nil
                ),
                (
                    "DeleteSuppressedDestination", .delete,
                    "/v2/email/suppression/addresses/gone%40example.com", nil
                ),
                ("DeleteConfigurationSet", .delete, "/v2/email/configuration-sets/cs", nil),
                ("DeleteEmailTemplate", .delete, "/v2/email/templates/t", nil),
                ("DeleteEmailIdentity", .delete, "/v2/email/identities/example.org", nil),
            ]
            #expect(
                Set(calls.map(\.0)) == Set(V2Routes.operations.map(\.name)), "every operation is exercised")
            for (name, method, uri, body) in calls {
                let reply = try await client.call(method, uri, body)
                #expect(reply.status == .ok, "\(name): \(reply.text)")
                let output = BotocoreModel.operation(name)?["output"]?["shape"]?.stringValue
                if let output {
                    #expect(BotocoreModel.problems(reply.json, shape: output) == [], "\(name): \(reply.text)")
                } else {
                    #expect(reply.json == .object([:]), "\(name)")
                }
            }
        }
    }

    @Test func theShapeCheckFindsWhatDeparts() {
        #expect(!BotocoreModel.problems(.object(["Nope": .bool(true)]), shape: "GetAccountResponse").isEmpty)
        #expect(!BotocoreModel.problems(.object([:]), shape: "SuppressedDestination").isEmpty)
        #expect(!BotocoreModel.problems(.string("MAYBE"), shape: "BulkEmailStatus").isEmpty)
    }

    static let simpleSend =
        #"{"FromEmailAddress":"a@example.com","Destination":{"ToAddresses":["success@simulator.amazonses.com"]},"Content":{"Simple":{"Subject":{"Data":"s"},"Body":{"Text":{"Data":"t"}}}},"EmailTags":[{"Name":"campaign","Value":"spring"}]}"#
}
