import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SESServer
import SimJSON
import Testing

/// Raw MIME messages through API v1 (`SendRawEmail`) and API v2
/// (`SendEmail` with `Content.Raw`), each with its own size limit.
@Suite struct RawSendingRoutesTests {
    static let message = """
        From: Shop <shop@example.com>\r
        To: ann@example.net, bo@example.net\r
        Subject: =?UTF-8?B?R3LDvMOfZQ==?=\r
        X-SES-MESSAGE-TAGS: campaign=spring\r
        MIME-Version: 1.0\r
        Content-Type: text/plain; charset=UTF-8\r
        \r
        Hello from a raw message.\r

        """

    static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

    @Test func sendRawEmailTakesItsEnvelopeFromTheHeader() async throws {
        try await ServerFixtures.withServer { client, host in
            let reply = try await client.v1("SendRawEmail", [("RawMessage.Data", Self.base64(Self.message))])
            #expect(reply.status == .ok, "\(reply.text)")
            let id = try #require(reply.result("MessageId")?.text)
            _ = try await client.advance(30)
            let message = try #require(await host.message(id))
            #expect(message["subject"] == .string("Grüße"))
            #expect(
                message["destination"]?["toAddresses"]
                    == .array([.string("ann@example.net"), .string("bo@example.net")]))
            #expect(
                message["tags"]
                    == .array([.object(["name": .string("campaign"), "value": .string("spring")])]))
            #expect(message["textPart"] == .string("Hello from a raw message.\r\n"))
            let events = await host.eventRecords(type: "send", messageId: id)
            #expect(events.count == 1)
            #expect(events.first?.contains(#""ses:operation":["SendRawEmail"]"#) == true)
        }
    }

    @Test func sendRawEmailsMembersOverrideTheHeader() async throws {
        try await ServerFixtures.withServer { client, host in
            let reply = try await client.v1(
                "SendRawEmail",
                [
                    ("Source", "bounces@example.com"), ("Destinations.member.1", "cy@example.net"),
                    ("Tags.member.1.Name", "campaign"), ("Tags.member.1.Value", "autumn"),
                    ("RawMessage.Data", Self.base64(Self.message)),
                ])
            let id = try #require(reply.result("MessageId")?.text, "\(reply.text)")
            let message = try #require(await host.message(id))
            #expect(message["source"] == .string("bounces@example.com"))
            #expect(message["destination"]?["toAddresses"] == .array([.string("cy@example.net")]))
            #expect(
                message["tags"]
                    == .array([.object(["name": .string("campaign"), "value": .string("autumn")])]))
        }
    }

    @Test func rawRefusalsAreTheModels() async throws {
        try await ServerFixtures.withServer { client, _ in
            let noFrom = try await client.v1(
                "SendRawEmail", [("RawMessage.Data", Self.base64("To: a@example.net\r\n\r\nx"))])
            #expect(noFrom.errorCode == "InvalidParameterValue")
            #expect(noFrom.errorMessage == "Missing required header 'From'.")
            let noRecipients = try await client.v1(
                "SendRawEmail", [("RawMessage.Data", Self.base64("From: a@example.com\r\n\r\nx"))])
            #expect(noRecipients.errorMessage == "There are no recipients specified.")
            let notBase64 = try await client.v1("SendRawEmail", [("RawMessage.Data", "%%%")])
            #expect(notBase64.errorCode == "InvalidParameterValue")
            #expect(notBase64.errorMessage == "RawMessage.Data is not valid base64.")
            let missing = try await client.v1("SendRawEmail", [("Source", "a@example.com")])
            #expect(missing.errorCode == "ValidationError")
            #expect(missing.errorMessage?.contains("Value null at 'rawMessage'") == true)
        }
    }

    /// v1's limit is 10 MiB (SES: `Message length is more than 10485760 bytes long`).
    @Test func aV1MessageOverTenMegabytesIsRefusedByTheModel() async throws {
        try await ServerFixtures.withServer { client, _ in
            let header = "From: a@example.com\r\nTo: b@example.net\r\nSubject: big\r\n\r\n"
            var bytes = Array(header.utf8)
            bytes += Array(repeating: UInt8(ascii: "A"), count: 10_485_761 - bytes.count)
            let data = Data(bytes).base64EncodedString()
                .replacing("+", with: "%2B").replacing("/", with: "%2F").replacing("=", with: "%3D")
            let reply = try await client.v1Raw(
                "Action=SendRawEmail&Version=2010-12-01&RawMessage.Data=" + data)
            #expect(reply.errorCode == "InvalidParameterValue")
            #expect(reply.errorMessage == "Message length is more than 10485760 bytes long: '10485761'.")
        }
    }

    @Test func v2SendEmailSendsContentRaw() async throws {
        try await ServerFixtures.withServer { client, host in
            let body = JSONValue.object([
                "Content": .object(["Raw": .object(["Data": .string(Self.base64(Self.message))])]),
                "ConfigurationSetName": .null,
            ]).serialized()
            let reply = try await client.call(.post, "/v2/email/outbound-emails", body)
            #expect(reply.status == .ok, "\(reply.text)")
            let id = try #require(reply["MessageId"]?.stringValue)
            let events = await host.eventRecords(type: "send", messageId: id)
            #expect(events.first?.contains(#""ses:operation":["SendEmail"]"#) == true)
            let noFrom = try await client.call(
                .post, "/v2/email/outbound-emails",
                #"{"Content":{"Raw":{"Data":"\#(Self.base64("To: a@example.net\r\n\r\nx"))"}}}"#)
            #expect(noFrom.errorType == "BadRequestException")
            #expect(noFrom.message == "Missing required header 'From'.")
            let notBase64 = try await client.call(
                .post, "/v2/email/outbound-emails", #"{"Content":{"Raw":{"Data":"not base64!"}}}"#)
            #expect(notBase64.errorType == "BadRequestException")
            #expect(notBase64.message == "Content.Raw.Data is not valid base64.")
            let envelope = try await client.call(
                .post, "/v2/email/outbound-emails",
                JSONValue.object([
                    "FromEmailAddress": .string("envelope@example.com"),
                    "Destination": .object(["BccAddresses": .array([.string("dee@example.net")])]),
                    "Content": .object(["Raw": .object(["Data": .string(Self.base64(Self.message))])]),
                ]).serialized())
            let envelopeId = try #require(envelope["MessageId"]?.stringValue, "\(envelope.text)")
            let message = try #require(await host.message(envelopeId))
            #expect(message["source"] == .string("envelope@example.com"))
            // The envelope's recipients, as the model keeps a raw message's Destinations: one list.
            #expect(message["destination"]?["toAddresses"] == .array([.string("dee@example.net")]))
        }
    }
}
