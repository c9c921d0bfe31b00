import Foundation
import SESEvents
import SimCore

/// Shared inputs: the documented SES examples (ses-facts.md §6.4) rebuilt as
/// model values, and helpers to read JSON back.
enum Fixtures {
    /// A calendar starting before every documented example's instants.
    static let calendar = SimCalendar(startUnixMicroseconds: 1_451_606_400_000_000)  // 2016-01-01T00:00:00Z

    /// The instant `iso` (an ISO 8601 UTC timestamp) on ``calendar``.
    static func at(_ iso: String) -> SimTime {
        try! calendar.instant(parsing: iso)
    }

    /// The documented examples' `EXAMPLE…` IDs are not hexadecimal, so a
    /// message ID of SES's real shape stands in for them (the pastebin
    /// simulator notification's), and its feedback ID for theirs.
    static let messageId = MessageID(
        prefix: 0x0102_015f_d91a_5ca3, uuid: 0x93c2_45fe_e333_46ae_8fed_9616_0d20_cfab)
    static let messageIdText = "0102015fd91a5ca3-93c245fe-e333-46ae-8fed-96160d20cfab-000000"
    static let feedbackId = MessageID(
        prefix: 0x0102_015f_d91a_6479, uuid: 0xae22_395c_1f7d_4423_a9e5_e071_5bff_c731)
    static let feedbackIdText = "0102015fd91a6479-ae22395c-1f7d-4423-a9e5-e0715bffc731-000000"

    static let exampleHeaders = [
        NameValue(name: "From", value: "Sender Name <sender@example.com>"),
        NameValue(name: "To", value: "recipient@example.com"),
        NameValue(name: "Subject", value: "Message sent from Amazon SES"),
        NameValue(name: "MIME-Version", value: "1.0"),
        NameValue(
            name: "Content-Type",
            value: "multipart/alternative; boundary=\"----=_Part_7307378_1629847660.1516840721503\""),
    ]

    static let exampleTags = [
        NameValue(name: "ses:configuration-set", value: "ConfigSet"),
        NameValue(name: "ses:source-ip", value: "192.0.2.0"),
        NameValue(name: "ses:from-domain", value: "example.com"),
        NameValue(name: "ses:caller-identity", value: "ses_user"),
    ]

    /// The full `mail` object of the documented Bounce example, sent at `timestamp`.
    static func exampleMail(
        timestamp: String = "2017-08-05T00:40:02.012Z", headers: [NameValue] = exampleHeaders,
        tags: [NameValue] = exampleTags, outgoingIp: String? = nil
    ) -> MailObject {
        MailObject(
            timestamp: at(timestamp), source: "Sender Name <sender@example.com>",
            sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/sender@example.com",
            sendingAccountId: "123456789012", messageId: messageId, destination: ["recipient@example.com"],
            headersTruncated: false, headers: headers,
            commonHeaders: CommonHeaders(
                from: ["Sender Name <sender@example.com>"], to: ["recipient@example.com"],
                messageId: messageId,
                subject: "Message sent from Amazon SES"),
            tags: tags, outgoingIp: outgoingIp)
    }

    /// The documented `mail` object as JSON text, with the stand-in ID.
    static func exampleMailJSON(
        timestamp: String = "2017-08-05T00:40:02.012Z", extraHeaderJSON: String = "",
        extraTagsJSON: String = ""
    ) -> String {
        """
        {"timestamp":"\(timestamp)","source":"Sender Name <sender@example.com>",
         "sourceArn":"arn:aws:ses:us-east-1:123456789012:identity/sender@example.com",
         "sendingAccountId":"123456789012","messageId":"\(messageIdText)",
         "destination":["recipient@example.com"],"headersTruncated":false,
         "headers":[\(extraHeaderJSON){"name":"From","value":"Sender Name <sender@example.com>"},
                    {"name":"To","value":"recipient@example.com"},
                    {"name":"Subject","value":"Message sent from Amazon SES"},
                    {"name":"MIME-Version","value":"1.0"},
                    {"name":"Content-Type","value":"multipart/alternative; boundary=\\"----=_Part_7307378_1629847660.1516840721503\\""}],
         "commonHeaders":{"from":["Sender Name <sender@example.com>"],"to":["recipient@example.com"],
           "messageId":"\(messageIdText)","subject":"Message sent from Amazon SES"},
         "tags":{"ses:configuration-set":["ConfigSet"],"ses:source-ip":["192.0.2.0"],
           "ses:from-domain":["example.com"],"ses:caller-identity":["ses_user"]\(extraTagsJSON)}}
        """
    }

    /// A configured event in configuration set 0.
    static func event(_ detail: EventDetail, mail: MailObject = exampleMail(), at time: String) -> SESEvent {
        SESEvent(time: at(time), mail: mail, detail: detail, configurationSet: 0)
    }

    /// Parses JSON text (or bytes) into Foundation values.
    static func parse(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    static func parse(_ bytes: [UInt8]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    }

    /// The first place where two parsed JSON values differ, as a path and
    /// the two values; nil when they are equal (keys, nesting, values, types).
    static func difference(_ actual: Any, _ expected: Any, path: String = "$") -> String? {
        switch (actual, expected) {
        case (let actual as [String: Any], let expected as [String: Any]):
            let actualKeys = Set(actual.keys)
            let expectedKeys = Set(expected.keys)
            if actualKeys != expectedKeys {
                return "\(path): keys \(actualKeys.sorted()) != expected \(expectedKeys.sorted())"
            }
            for key in expectedKeys.sorted() {
                if let found = difference(actual[key]!, expected[key]!, path: path + "." + key) {
                    return found
                }
            }
            return nil
        case (let actual as [Any], let expected as [Any]):
            if actual.count != expected.count {
                return "\(path): \(actual.count) elements != \(expected.count)"
            }
            for index in expected.indices {
                if let found = difference(actual[index], expected[index], path: "\(path)[\(index)]") {
                    return found
                }
            }
            return nil
        case (let actual as String, let expected as String):
            return actual == expected ? nil : "\(path): \"\(actual)\" != \"\(expected)\""
        case (let actual as NSNumber, let expected as NSNumber):
            let sameKind = isBoolean(actual) == isBoolean(expected)
            return actual == expected && sameKind ? nil : "\(path): \(actual) != \(expected)"
        case (is NSNull, is NSNull):
            return nil
        default:
            return "\(path): \(type(of: actual)) \(actual) != \(type(of: expected)) \(expected)"
        }
    }

    /// Whether a parsed number was a JSON `true` or `false`.
    static func isBoolean(_ number: NSNumber) -> Bool {
        String(describing: type(of: number)).contains("Boolean")
    }
}
