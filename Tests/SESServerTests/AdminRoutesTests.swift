import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SESServer
import SimJSON
import Testing

/// The admin API: the clock, events, messages, summary, reset.
@Suite struct AdminRoutesTests {
    @Test func healthAndClock() async throws {
        try await ServerFixtures.withServer { client, _ in
            #expect(try await client.call(.get, "/_sesim/health").json == .object(["status": .string("ok")]))
            let clock = try await client.call(.get, "/_sesim/clock")
            #expect(
                clock.json
                    == .object(["now": .string("2026-03-02T09:00:00.000Z"), "mode": .string("manual")]))
        }
    }

    @Test func theClockMovesForwardOnly() async throws {
        let yaml = ServerFixtures.openAccount + "\nduration: 2h\n"
        try await ServerFixtures.withServer(yaml) { client, _ in
            #expect(try await client.advance(90)["now"] == .string("2026-03-02T09:01:30.000Z"))
            let set = try await client.call(.post, "/_sesim/clock/set", #"{"to":"2026-03-02T10:00:00Z"}"#)
            #expect(set.json == .object(["now": .string("2026-03-02T10:00:00.000Z")]))
            let back = try await client.call(.post, "/_sesim/clock/set", #"{"to":"2026-03-02T09:30:00Z"}"#)
            #expect(back.status == .badRequest)
            #expect(back.message?.contains("cannot move backwards") == true)
            let negative = try await client.advance(-1)
            #expect(negative.status == .badRequest)
            let past = try await client.advance(7200)
            #expect(past.status == .conflict)
            #expect(
                past.message
                    == "The clock cannot pass the scenario's end, 2026-03-02T11:00:00.000Z; it reads 2026-03-02T10:00:00.000Z."
            )
            let pastSet = try await client.call(.post, "/_sesim/clock/set", #"{"to":"2026-03-03T00:00:00Z"}"#)
            #expect(pastSet.status == .conflict)
            #expect(try await client.call(.post, "/_sesim/clock/advance", "{}").status == .badRequest)
            #expect(try await client.call(.post, "/_sesim/clock/advance", "nope").status == .badRequest)
            #expect(try await client.advance(3600)["now"] == .string("2026-03-02T11:00:00.000Z"))
        }
    }

    @Test func aSimulatorBounceIsAnEventAfterTheClockMoves() async throws {
        try await ServerFixtures.withServer { client, _ in
            let sent = try await client.sendSimple(to: ["bounce@simulator.amazonses.com"])
            let id = try #require(sent["MessageId"]?.stringValue)
            #expect(
                try await client.call(.get, "/_sesim/events?type=Bounce")["events"]?.arrayValue.isEmpty
                    == true)
            _ = try await client.advance(10)
            let bounces =
                try await client.call(.get, "/_sesim/events?type=Bounce")["events"]?.arrayValue ?? []
            #expect(bounces.count == 1)
            #expect(bounces.first?["eventType"] == .string("Bounce"))
            #expect(bounces.first?["bounce"]?["bounceType"] == .string("Permanent"))
            #expect(bounces.first?["mail"]?["messageId"] == .string(id))
            let all =
                try await client.call(.get, "/_sesim/events?messageId=\(id)")["events"]?.arrayValue ?? []
            #expect(all.compactMap { $0["eventType"]?.stringValue } == ["Send", "Bounce"])
            #expect(
                try await client.call(.get, "/_sesim/events?messageId=nope")["events"]?.arrayValue.isEmpty
                    == true)
        }
    }

    @Test func messagesShowWhatWasDelivered() async throws {
        try await ServerFixtures.withServer { client, _ in
            _ = try await client.call(
                .post, "/v2/email/configuration-sets", #"{"ConfigurationSetName":"tracked"}"#)
            _ = try await client.call(
                .post, "/v2/email/configuration-sets/tracked/event-destinations",
                #"{"EventDestinationName":"opens","EventDestination":{"Enabled":true,"MatchingEventTypes":["OPEN","CLICK"],"SnsDestination":{"TopicArn":"arn:aws:sns:us-east-1:123456789012:engagement"}}}"#
            )
            _ = try await client.call(
                .post, "/v2/email/templates",
                #"{"TemplateName":"welcome","TemplateContent":{"Subject":"Hi {{name}}","Text":"Hello {{name}}","Html":"<p>Hello <a href=\"https://example.com/start\">{{name}}</a></p>"}}"#
            )
            let sent = try await client.call(
                .post, "/v2/email/outbound-emails",
                #"{"FromEmailAddress":"app@example.com","Destination":{"ToAddresses":["ann@example.net"],"CcAddresses":["cc@example.net"],"BccAddresses":["bcc@example.net"]},"ConfigurationSetName":"tracked","EmailTags":[{"Name":"campaign","Value":"welcome"}],"Content":{"Template":{"TemplateName":"welcome","TemplateData":"{\"name\":\"Ann\"}"}}}"#
            )
            let id = try #require(sent["MessageId"]?.stringValue)
            let pending = try await client.call(.get, "/_sesim/messages/\(id)")
            #expect(pending["subject"] == .null)
            #expect(pending["recipients"]?.arrayValue.first?["status"] == .string("pending"))
            _ = try await client.advance(60)
            let message = try await client.call(.get, "/_sesim/messages/\(id)")
            #expect(message["messageId"] == .string(id))
            #expect(message["source"] == .string("app@example.com"))
            #expect(
                message["destination"]
                    == .object([
                        "toAddresses": .array([.string("ann@example.net")]),
                        "ccAddresses": .array([.string("cc@example.net")]),
                        "bccAddresses": .array([.string("bcc@example.net")]),
                    ]))
            #expect(message["subject"] == .string("Hi Ann"))
            #expect(message["textPart"] == .string("Hello Ann"))
            let html = try #require(message["htmlPart"]?.stringValue)
            #expect(html.contains("awstrack.me"))  // the link rewritten, the pixel added
            #expect(!html.contains("href=\"https://example.com/start\""))
            #expect(message["configurationSet"] == .string("tracked"))
            #expect(
                message["tags"]
                    == .array([.object(["name": .string("campaign"), "value": .string("welcome")])]))
            #expect(message["outgoingIp"]?.stringValue?.isEmpty == false)
            let recipients = message["recipients"]?.arrayValue ?? []
            #expect(recipients.count == 3)
            #expect(recipients.first?["address"] == .string("ann@example.net"))
            #expect(recipients.first?["status"] == .string("delivered"))
            #expect(recipients.first?["events"] == .array([.string("Send"), .string("Delivery")]))
            let list = try await client.call(.get, "/_sesim/messages")
            #expect(list["messages"]?.arrayValue.count == 1)
            #expect(
                try await client.call(.get, "/_sesim/messages?after=\(id)")["messages"]?.arrayValue.isEmpty
                    == true)
            #expect(try await client.call(.get, "/_sesim/messages?limit=0").status == .badRequest)
            let unknown = try await client.call(.get, "/_sesim/messages/0000")
            #expect(unknown.status == .notFound)
            #expect(unknown.message == "No message 0000.")
        }
    }

    @Test func summaryAndReset() async throws {
        try await ServerFixtures.withServer { client, _ in
            _ = try await client.sendSimple(to: ["success@simulator.amazonses.com"])
            _ = try await client.advance(30)
            let summary = try await client.call(.get, "/_sesim/summary")
            #expect(summary["scenario"] == .string("server-test"))
            #expect(summary["events"]?["send"] == .integer(1))
            let digest = summary["eventDigest"]
            #expect(digest != nil)
            let reset = try await client.call(.post, "/_sesim/reset")
            #expect(reset["now"] == .string("2026-03-02T09:00:00.000Z"))
            #expect(try await client.call(.get, "/_sesim/summary")["events"]?["send"] == .integer(0))
            #expect(try await client.call(.get, "/_sesim/messages")["messages"]?.arrayValue.isEmpty == true)
        }
    }
}
