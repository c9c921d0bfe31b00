import Foundation
import SESEvents
import SimCore

@testable import SESModel

/// Raw messages for the tests: the MIME fixtures (Tests/MIMETests/Fixtures,
/// written by Python's `email` package and by hand) and small ones built here.
enum RawFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("MIMETests").appendingPathComponent("Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name + ".eml")))
    }

    /// A message with CRLF line breaks from `lines`.
    static func message(_ lines: [String]) -> [UInt8] {
        Array(lines.joined(separator: "\r\n").utf8)
    }

    /// A plain message from sender@example.com to `to`, with `extra` fields.
    static func plain(to: String = "recipient@example.com", extra: [String] = [], body: String = "Hello.")
        -> [UInt8]
    {
        message(["From: Sender <sender@example.com>", "To: \(to)", "Subject: Hi"] + extra + ["", body, ""])
    }

    static func request(
        _ raw: [UInt8], source: String? = nil, destinations: [String] = [], configurationSet: String? = nil,
        tags: [NameValue] = [], interface: RawSendInterface = .sendRawEmail
    ) -> SendRawEmailRequest {
        SendRawEmailRequest(
            source: source, destinations: destinations, rawMessage: raw,
            configurationSetName: configurationSet,
            tags: tags, interface: interface)
    }

    static func send(
        _ raw: [UInt8], account: inout SESAccount, source: String? = nil, destinations: [String] = [],
        configurationSet: String? = nil, tags: [NameValue] = [], interface: RawSendInterface = .sendRawEmail,
        at time: SimTime = .start
    ) throws(SESError) -> AcceptedMessage {
        try account.sendRawEmail(
            request(
                raw, source: source, destinations: destinations, configurationSet: configurationSet,
                tags: tags,
                interface: interface), at: time)
    }

    static func summary(_ message: AcceptedMessage) -> RawHeaderSummary? {
        if case .raw(let raw) = message.content { return raw.summary }
        return nil
    }
}
