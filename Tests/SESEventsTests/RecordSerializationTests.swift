import Foundation
import SESEvents
import SimCore
import Testing

/// Every record type against SES's documented example (ses-facts.md §6.4):
/// the serialised record is parsed back and compared field by field — keys,
/// nesting, values and JSON types.
@Suite("Event records match SES's documented examples")
struct RecordSerializationTests {
    let serializer = EventRecordSerializer(calendar: Fixtures.calendar)

    func expectMatches(
        _ event: SESEvent, documented: String, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        let bytes = serializer.record(event)
        let actual = try Fixtures.parse(bytes)
        let expected = try Fixtures.parse(documented)
        let difference = Fixtures.difference(actual, expected)
        #expect(
            difference == nil, "\(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
    }

    @Test func bounceRecordMatchesTheDocumentedExample() throws {
        let event = Fixtures.event(
            .bounce(
                Bounce(
                    bounceType: .permanent, bounceSubType: .general,
                    bouncedRecipients: [
                        BouncedRecipient(
                            emailAddress: "recipient@example.com", action: "failed", status: "5.1.1",
                            diagnosticCode: "smtp; 550 5.1.1 user unknown")
                    ],
                    timestamp: Fixtures.at("2017-08-05T00:41:02.669Z"), feedbackId: Fixtures.feedbackId,
                    reportingMTA: "dsn; mta.example.com")), at: "2017-08-05T00:41:02.669Z")
        try expectMatches(
            event,
            documented: """
                {"eventType":"Bounce",
                 "bounce":{"bounceType":"Permanent","bounceSubType":"General",
                   "bouncedRecipients":[{"emailAddress":"recipient@example.com","action":"failed","status":"5.1.1",
                     "diagnosticCode":"smtp; 550 5.1.1 user unknown"}],
                   "timestamp":"2017-08-05T00:41:02.669Z",
                   "feedbackId":"\(Fixtures.feedbackIdText)",
                   "reportingMTA":"dsn; mta.example.com"},
                 "mail":\(Fixtures.exampleMailJSON())}
                """)
    }

    @Test func complaintRecordMatchesTheDocumentedExample() throws {
        let userAgent =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/60.0.3112.90 Safari/537.36"
        let event = Fixtures.event(
            .complaint(
                Complaint(
                    complainedRecipients: ["recipient@example.com"],
                    timestamp: Fixtures.at("2017-08-05T00:41:02.669Z"),
                    feedbackId: Fixtures.feedbackId, userAgent: userAgent, complaintFeedbackType: "abuse",
                    arrivalDate: Fixtures.at("2017-08-05T00:41:02.669Z"))),
            mail: Fixtures.exampleMail(timestamp: "2017-08-05T00:40:01.123Z"), at: "2017-08-05T00:41:02.669Z")
        try expectMatches(
            event,
            documented: """
                {"eventType":"Complaint",
                 "complaint":{"complainedRecipients":[{"emailAddress":"recipient@example.com"}],
                   "timestamp":"2017-08-05T00:41:02.669Z",
                   "feedbackId":"\(Fixtures.feedbackIdText)",
                   "userAgent":"\(userAgent)",
                   "complaintFeedbackType":"abuse","arrivalDate":"2017-08-05T00:41:02.669Z"},
                 "mail":\(Fixtures.exampleMailJSON(timestamp: "2017-08-05T00:40:01.123Z"))}
                """)
    }

    @Test func deliveryRecordCarriesTheOutgoingIPTagAndMatchesTheDocumentedExample() throws {
        let mail = Fixtures.exampleMail(
            timestamp: "2016-10-19T23:20:52.240Z",
            tags: Fixtures.exampleTags + [NameValue(name: "myCustomTag1", value: "myCustomTagValue1")],
            outgoingIp: "192.0.2.0")
        let event = Fixtures.event(
            .delivery(
                Delivery(
                    timestamp: Fixtures.at("2016-10-19T23:21:04.133Z"), processingTimeMillis: 11893,
                    recipients: ["recipient@example.com"], smtpResponse: "250 2.6.0 Message received",
                    reportingMTA: "mta.example.com")), mail: mail, at: "2016-10-19T23:21:04.133Z")
        try expectMatches(
            event,
            documented: """
                {"eventType":"Delivery",
                 "mail":\(Fixtures.exampleMailJSON(
                    timestamp: "2016-10-19T23:20:52.240Z",
                    extraTagsJSON: #","ses:outgoing-ip":["192.0.2.0"],"myCustomTag1":["myCustomTagValue1"]"#)),
                 "delivery":{"timestamp":"2016-10-19T23:21:04.133Z","processingTimeMillis":11893,
                   "recipients":["recipient@example.com"],"smtpResponse":"250 2.6.0 Message received",
                   "reportingMTA":"mta.example.com"}}
                """)
    }

    @Test func sendRecordHasAnEmptySendObject() throws {
        let tagsHeader = NameValue(
            name: "X-SES-MESSAGE-TAGS",
            value: "myCustomTag1=myCustomTagValue1, myCustomTag2=myCustomTagValue2")
        let mail = Fixtures.exampleMail(headers: Fixtures.exampleHeaders + [tagsHeader])
        let event = Fixtures.event(.send, mail: mail, at: "2017-08-05T00:40:02.012Z")
        let headerJSON =
            #"{"name":"X-SES-MESSAGE-TAGS","value":"myCustomTag1=myCustomTagValue1, myCustomTag2=myCustomTagValue2"}"#
        var expectedMail = try #require(try Fixtures.parse(Fixtures.exampleMailJSON()) as? [String: Any])
        var headers = try #require(expectedMail["headers"] as? [Any])
        headers.append(try Fixtures.parse(headerJSON))
        expectedMail["headers"] = headers
        let expected: [String: Any] = ["eventType": "Send", "mail": expectedMail, "send": [String: Any]()]
        let actual = try Fixtures.parse(serializer.record(event))
        #expect(Fixtures.difference(actual, expected) == nil)
    }

    @Test func rejectRecordMatchesTheDocumentedExample() throws {
        let event = Fixtures.event(.reject(Reject()), at: "2017-08-05T00:40:03.000Z")
        try expectMatches(
            event,
            documented: """
                {"eventType":"Reject","mail":\(Fixtures.exampleMailJSON()),"reject":{"reason":"Bad content"}}
                """)
    }

    @Test func openRecordMatchesTheDocumentedExample() throws {
        let userAgent =
            "Mozilla/5.0 (iPhone; CPU iPhone OS 10_3_3 like Mac OS X) AppleWebKit/603.3.8 (KHTML, like Gecko) Mobile/14G60"
        let mail = Fixtures.exampleMail(
            headers: [NameValue(name: "X-SES-CONFIGURATION-SET", value: "ConfigSet")]
                + Fixtures.exampleHeaders)
        let event = Fixtures.event(
            .open(
                Open(
                    ipAddress: "192.0.2.1", timestamp: Fixtures.at("2017-08-09T22:00:19.652Z"),
                    userAgent: userAgent)),
            mail: mail, at: "2017-08-09T22:00:19.652Z")
        try expectMatches(
            event,
            documented: """
                {"eventType":"Open",
                 "mail":\(Fixtures.exampleMailJSON(extraHeaderJSON: #"{"name":"X-SES-CONFIGURATION-SET","value":"ConfigSet"},"#)),
                 "open":{"ipAddress":"192.0.2.1","timestamp":"2017-08-09T22:00:19.652Z",
                   "userAgent":"\(userAgent)"}}
                """)
    }

    @Test func clickRecordGroupsLinkTagsAndMatchesTheDocumentedExample() throws {
        let userAgent =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/60.0.3112.90 Safari/537.36"
        let event = Fixtures.event(
            .click(
                Click(
                    ipAddress: "192.0.2.1", timestamp: Fixtures.at("2017-08-09T23:51:25.570Z"),
                    userAgent: userAgent,
                    link: "http://docs.aws.amazon.com/ses/latest/DeveloperGuide/send-email-smtp.html",
                    linkTags: [
                        NameValue(name: "samplekey0", value: "samplevalue0"),
                        NameValue(name: "samplekey1", value: "samplevalue1"),
                    ])),
            mail: Fixtures.exampleMail(timestamp: "2017-08-09T23:50:05.795Z"), at: "2017-08-09T23:51:25.570Z")
        try expectMatches(
            event,
            documented: """
                {"eventType":"Click",
                 "click":{"ipAddress":"192.0.2.1",
                   "link":"http://docs.aws.amazon.com/ses/latest/DeveloperGuide/send-email-smtp.html",
                   "linkTags":{"samplekey0":["samplevalue0"],"samplekey1":["samplevalue1"]},
                   "timestamp":"2017-08-09T23:51:25.570Z",
                   "userAgent":"\(userAgent)"},
                 "mail":\(Fixtures.exampleMailJSON(timestamp: "2017-08-09T23:50:05.795Z"))}
                """)
    }

    @Test func renderingFailureRecordUsesTheFailureKeyAndHasNoHeaders() throws {
        let mail = MailObject(
            timestamp: Fixtures.at("2018-01-22T18:43:06.197Z"), source: "sender@example.com",
            sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/sender@example.com",
            sendingAccountId: "123456789012", messageId: Fixtures.messageId,
            destination: ["recipient@example.com"],
            headers: [],
            commonHeaders: CommonHeaders(from: [], to: [], messageId: Fixtures.messageId, subject: nil),
            tags: [NameValue(name: "ses:configuration-set", value: "ConfigSet")])
        let event = Fixtures.event(
            .renderingFailure(
                RenderingFailure(
                    templateName: "MyTemplate",
                    errorMessage: "Attribute 'attributeName' is not present in the rendering data.")),
            mail: mail,
            at: "2018-01-22T18:43:06.197Z")
        try expectMatches(
            event,
            documented: """
                {"eventType":"Rendering Failure",
                 "mail":{"timestamp":"2018-01-22T18:43:06.197Z","source":"sender@example.com",
                   "sourceArn":"arn:aws:ses:us-east-1:123456789012:identity/sender@example.com",
                   "sendingAccountId":"123456789012",
                   "messageId":"\(Fixtures.messageIdText)",
                   "destination":["recipient@example.com"],"headersTruncated":false,
                   "tags":{"ses:configuration-set":["ConfigSet"]}},
                 "failure":{"errorMessage":"Attribute 'attributeName' is not present in the rendering data.",
                   "templateName":"MyTemplate"}}
                """)
    }

    @Test func deliveryDelayRecordMatchesTheDocumentedExample() throws {
        let mail = Fixtures.exampleMail(
            timestamp: "2020-06-16T00:15:40.641Z",
            tags: [NameValue(name: "ses:configuration-set", value: "ConfigSet")])
        let event = Fixtures.event(
            .deliveryDelay(
                DeliveryDelay(
                    timestamp: Fixtures.at("2020-06-16T00:25:40.095Z"),
                    delayType: .transientCommunicationFailure,
                    expirationTime: Fixtures.at("2020-06-16T00:25:40.914Z"),
                    delayedRecipients: [
                        DelayedRecipient(
                            emailAddress: "recipient@example.com", status: "4.4.1",
                            diagnosticCode: "smtp; 421 4.4.1 Unable to connect to remote host")
                    ])), mail: mail, at: "2020-06-16T00:25:40.095Z")
        var expectedMail = try #require(
            try Fixtures.parse(Fixtures.exampleMailJSON(timestamp: "2020-06-16T00:15:40.641Z"))
                as? [String: Any])
        expectedMail["tags"] = ["ses:configuration-set": ["ConfigSet"]]
        let detail = try Fixtures.parse(
            """
            {"timestamp":"2020-06-16T00:25:40.095Z","delayType":"TransientCommunicationFailure",
             "expirationTime":"2020-06-16T00:25:40.914Z",
             "delayedRecipients":[{"emailAddress":"recipient@example.com","status":"4.4.1",
               "diagnosticCode":"smtp; 421 4.4.1 Unable to connect to remote host"}]}
            """)
        let expected: [String: Any] = [
            "eventType": "DeliveryDelay", "mail": expectedMail, "deliveryDelay": detail,
        ]
        #expect(Fixtures.difference(try Fixtures.parse(serializer.record(event)), expected) == nil)
    }

    @Test func subscriptionRecordMatchesTheDocumentedExample() throws {
        let tags = [
            NameValue(name: "ses:operation", value: "SendEmail"),
            NameValue(name: "ses:configuration-set", value: "ConfigSet"),
        ]
        let mail = Fixtures.exampleMail(tags: tags)
        let topics = [TopicSubscriptionStatus(topicName: "ExampleTopicName", subscriptionStatus: "OptOut")]
        let event = Fixtures.event(
            .subscription(
                Subscription(
                    contactList: "ContactListName", timestamp: Fixtures.at("2022-01-12T01:00:17.910Z"),
                    source: "UnsubscribeHeader",
                    newTopicPreferences: TopicPreferences(
                        unsubscribeAll: true, topicSubscriptionStatus: topics),
                    oldTopicPreferences: TopicPreferences(
                        unsubscribeAll: false, topicSubscriptionStatus: topics))),
            mail: mail, at: "2022-01-12T01:00:17.910Z")
        var expectedMail = try #require(try Fixtures.parse(Fixtures.exampleMailJSON()) as? [String: Any])
        expectedMail["tags"] = ["ses:operation": ["SendEmail"], "ses:configuration-set": ["ConfigSet"]]
        let detail = try Fixtures.parse(
            """
            {"contactList":"ContactListName","timestamp":"2022-01-12T01:00:17.910Z",
             "source":"UnsubscribeHeader",
             "newTopicPreferences":{"unsubscribeAll":true,
               "topicSubscriptionStatus":[{"topicName":"ExampleTopicName","subscriptionStatus":"OptOut"}]},
             "oldTopicPreferences":{"unsubscribeAll":false,
               "topicSubscriptionStatus":[{"topicName":"ExampleTopicName","subscriptionStatus":"OptOut"}]}}
            """)
        let expected: [String: Any] = [
            "eventType": "Subscription", "mail": expectedMail, "subscription": detail,
        ]
        #expect(Fixtures.difference(try Fixtures.parse(serializer.record(event)), expected) == nil)
    }

    @Test func recordsAreCompactAndInAFixedKeyOrder() {
        let mail = MailObject(
            timestamp: Fixtures.at("2017-08-05T00:40:02.012Z"), source: "a@example.com", sourceArn: "arn",
            sendingAccountId: "123456789012", messageId: Fixtures.messageId, destination: ["b@example.com"],
            headers: [NameValue(name: "Subject", value: "Hi")],
            commonHeaders: CommonHeaders(
                from: ["a@example.com"], date: "Sat, 5 Aug 2017 00:40:02 +0000", to: ["b@example.com"],
                messageId: Fixtures.messageId, subject: "Hi"),
            tags: [
                NameValue(name: "campaign", value: "spring"),
                NameValue(name: "ses:configuration-set", value: "cs"),
                NameValue(name: "campaign", value: "launch"),
            ], outgoingIp: "198.51.100.7")
        let record = serializer.record(
            SESEvent(
                time: Fixtures.at("2017-08-05T00:40:02.012Z"), mail: mail, detail: .send, configurationSet: 0)
        )
        #expect(
            String(decoding: record, as: UTF8.self)
                == #"{"eventType":"Send","mail":{"timestamp":"2017-08-05T00:40:02.012Z","source":"a@example.com","#
                + #""sourceArn":"arn","sendingAccountId":"123456789012","messageId":"\#(Fixtures.messageIdText)","#
                + #""destination":["b@example.com"],"headersTruncated":false,"headers":[{"name":"Subject","value":"Hi"}],"#
                + #""commonHeaders":{"from":["a@example.com"],"date":"Sat, 5 Aug 2017 00:40:02 +0000","#
                + #""to":["b@example.com"],"messageId":"\#(Fixtures.messageIdText)","subject":"Hi"},"#
                + #""tags":{"campaign":["spring","launch"],"ses:configuration-set":["cs"],"#
                + #""ses:outgoing-ip":["198.51.100.7"]}},"send":{}}"#)
    }

    @Test func optionalFieldsAreOmittedWhenAbsent() throws {
        let event = Fixtures.event(
            .bounce(
                Bounce(
                    bounceType: .transient, bounceSubType: .mailboxFull,
                    bouncedRecipients: [BouncedRecipient(emailAddress: "recipient@example.com")],
                    timestamp: Fixtures.at("2017-08-05T00:41:02.669Z"), feedbackId: Fixtures.feedbackId)),
            at: "2017-08-05T00:41:02.669Z")
        let record = try #require(try Fixtures.parse(serializer.record(event)) as? [String: Any])
        let bounce = try #require(record["bounce"] as? [String: Any])
        #expect(
            Set(bounce.keys) == [
                "bounceType", "bounceSubType", "bouncedRecipients", "timestamp", "feedbackId",
            ])
        let recipients = try #require(bounce["bouncedRecipients"] as? [[String: Any]])
        #expect(recipients.map { Set($0.keys) } == [["emailAddress"]])
    }

    @Test func stringsAreEscapedAsJSONRequires() throws {
        let tricky = "quote\" backslash\\ tab\t newline\n bell\u{07} del\u{7F} café 雪 🙂"
        var buffer = OutputBuffer()
        JSONBytes.appendString(tricky, to: &buffer)
        let bytes = buffer.bytes
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == #""quote\" backslash\\ tab\t newline\n bell\u0007 del"# + "\u{7F} café 雪 🙂\"")
        #expect(try Fixtures.parse(bytes) as? String == tricky)
    }

    @Test func integersPrintInDecimal() {
        for value: Int64 in [0, 7, 10, 11893, -42, .max, .min] {
            var buffer = OutputBuffer()
            JSONBytes.appendInteger(value, to: &buffer)
            #expect(buffer.text == String(value))
        }
    }
}
