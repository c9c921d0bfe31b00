import Testing

@testable import MIME

@Suite("Header fields")
struct HeaderParsingTests {
    @Test func foldedValuesAreUnfoldedKeepingTheSpaceAfterEachBreak() throws {
        let message = try MIMEMessage(
            "Subject: a long\r\n  subject\r\n\tcontinued\r\nTo: a@example.com\r\n\r\nbody")
        #expect(message.value("Subject") == "a long  subject\tcontinued")
        #expect(message.value("to") == "a@example.com")
        #expect(message.header.map(\.name) == ["Subject", "To"])
    }

    @Test func bareLineFeedsWorkAsLineBreaks() throws {
        let message = try MIMEMessage("From: a@example.com\nSubject: x\n\nbody\n")
        #expect(message.value("Subject") == "x")
        #expect(String(decoding: message.bytes[message.parts[0].body], as: UTF8.self) == "body\n")
    }

    @Test func aMessageWithoutABlankLineIsAllHeader() throws {
        let message = try MIMEMessage("From: a@example.com\r\nSubject: x")
        #expect(message.value("Subject") == "x")
        #expect(message.parts[0].body.isEmpty)
    }

    @Test func linesThatAreNotFieldsAreSkippedWithTheirContinuations() throws {
        let message = try MIMEMessage(
            "From: a@example.com\r\nnot a field\r\n continuation\r\nBad Name: x\r\n: empty\r\nTo: b@x.org\r\n\r\n"
        )
        #expect(message.header.map(\.name) == ["From", "To"])
        #expect(message.value("From") == "a@example.com")
    }

    @Test func spacesBeforeTheColonAreNotPartOfTheName() throws {
        let message = try MIMEMessage("Subject  : spaced\r\n\r\n")
        #expect(message.header.first?.name == "Subject")
        #expect(message.value("subject") == "spaced")
    }

    @Test func eightBitValuesReadAsUTF8ElseLatin1() throws {
        let utf8 = try MIMEMessage(parsing: Array("Subject: Grüße\r\n\r\n".utf8))
        #expect(utf8.value("Subject") == "Grüße")
        let latin1 = try MIMEMessage(parsing: Array("Subject: Gr".utf8) + [0xFC] + Array("\r\n\r\n".utf8))
        #expect(latin1.value("Subject") == "Grü")
    }

    @Test func repeatedFieldsAreAllKeptInOrder() throws {
        let message = try MIMEMessage("Received: one\r\nReceived: two\r\n\r\n")
        #expect(message.fields(named: "received").map { message.value(of: $0) } == ["one", "two"])
    }

    @Test func theFieldRangeCoversTheFoldedLines() throws {
        let text = "Subject: a\r\n b\r\n\r\n"
        let message = try MIMEMessage(text)
        let field = try #require(message.header.first)
        #expect(String(decoding: message.bytes[field.range], as: UTF8.self) == "Subject: a\r\n b")
    }
}
