import Foundation
import ScenarioTesting
import Testing

@testable import ScenarioFormat

@Suite("Loading: SendRawEmail clients")
struct RawMessageLoadingTests {
    static func scenario(_ client: String) -> String {
        """
        name: raw
        start: 2026-03-01T09:00:00Z
        duration: 1h
        traffic:
          - name: c
            api: SendRawEmail
            recipients: { list: [success@simulator.amazonses.com] }
            schedule: { executor: once }
        \(client)
        """
    }

    @Test func aTextMessageWithAttachmentsLoads() throws {
        let scenario = try ScenarioFixtures.load(
            Self.scenario(
                """
                    message:
                      text: "From: a@example.com\\n\\n{{name}}"
                      attachments: [{ name: a.pdf, contentType: application/pdf, size: 1.5MB }, { name: b.bin, size: 12 }]
                """))
        let client = scenario.traffic[0]
        #expect(client.api == .sendRawEmail)
        #expect(client.source == "")
        #expect(client.rawMessage?.body == .template("From: a@example.com\n\n{{name}}"))
        #expect(
            client.rawMessage?.attachments
                == [
                    GeneratedAttachment(name: "a.pdf", contentType: "application/pdf", size: 1_572_864),
                    GeneratedAttachment(name: "b.bin", size: 12),
                ])
        #expect(client.rawMessage?.recipientsIn == .destinations)
    }

    @Test func aMessageFileIsReadRelativeToTheScenario() throws {
        let folder = ScenarioFixtures.temporaryDirectory()
        let bytes: [UInt8] =
            Array("From: a@example.com\r\nSubject: caf".utf8) + [0xE9] + Array("\r\n\r\nx".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: folder).appendingPathComponent("m.eml"))
        let path = (folder as NSString).appendingPathComponent("scenario.yaml")
        try Self.scenario("    message: { file: m.eml, recipientsIn: headers }").write(
            toFile: path, atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader().load(file: path)
        #expect(scenario.traffic[0].rawMessage?.body == .file(path: "m.eml", bytes: bytes))
        #expect(scenario.traffic[0].rawMessage?.recipientsIn == .headers)
    }

    @Test func mistakesAreReportedWithTheirPlace() {
        let missing = ScenarioFixtures.absentPath("none.eml")
        #expect(
            ScenarioFixtures.messages(Self.scenario("    message: { file: \(missing) }")).first?.hasPrefix(
                "test.yaml:9:22: traffic[0].message.file: cannot read the message file '\(missing)': ")
                == true)
        #expect(
            ScenarioFixtures.messages(Self.scenario("    message: { text: \"{{#if x}}open\" }"))
                == [
                    "test.yaml:9:22: traffic[0].message.text: InvalidTemplate: "
                        + "message line 1, column 1: the block 'if' is never closed"
                ])
        #expect(
            ScenarioFixtures.messages(Self.scenario("    message: { file: a.eml, text: x }"))
                == [
                    "test.yaml:9:14: traffic[0].message: a message is given either by 'file' or by 'text', not both"
                ])
        #expect(
            ScenarioFixtures.messages(Self.scenario("    message: { attachments: [] }"))
                == [
                    "test.yaml:9:14: traffic[0].message: missing required key 'file' or 'text' (the MIME message to send)"
                ])
        #expect(
            ScenarioFixtures.messages(
                Self.scenario("    message: { text: x, attachments: [{ name: a, size: 3GB }] }"))
                == [
                    "test.yaml:9:56: traffic[0].message.attachments[0].size: expected a size such as 5000, 200KB or 1.5MB, found '3GB'"
                ])
        #expect(
            ScenarioFixtures.messages(
                Self.scenario("    message: { text: x, attachments: [{ name: a, size: 50MB }] }"))
                == [
                    "test.yaml:9:56: traffic[0].message.attachments[0].size: 50MB is out of range; expected a size from 0 to 40MB"
                ])
        #expect(
            ScenarioFixtures.messages(
                Self.scenario("    message: { text: x }\n    content: { subject: s, text: t }"))
                == [
                    "test.yaml:10:14: traffic[0].content: SendRawEmail sends a MIME message ('message'), not 'content'"
                ])
    }

    @Test func onlyRawClientsTakeAMessageAndTheyNeedOne() {
        let sendEmail = """
            name: raw
            start: 2026-03-01T09:00:00Z
            duration: 1h
            traffic:
              - name: c
                api: SendEmail
                from: a@example.com
                content: { subject: s, text: t }
                message: { text: x }
                recipients: { list: [success@simulator.amazonses.com] }
                schedule: { executor: once }
            """
        #expect(
            ScenarioFixtures.messages(sendEmail)
                == ["test.yaml:9:14: traffic[0].message: only SendRawEmail clients send a MIME message"])
        #expect(
            ScenarioFixtures.messages(Self.scenario(""))
                == [
                    "test.yaml:5:5: traffic[0]: missing required key 'message' (the MIME message to send: file or text)"
                ])
    }
}
