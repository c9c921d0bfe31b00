import Testing

@testable import MIME

/// Messages written by Python's `email` package (Fixtures/generate.py) and
/// by hand (malformed-*.eml, lenient-*.eml).
@Suite("Messages from other software")
struct PythonFixtureTests {
    /// generate.py's `pattern(size, seed)`: the attachments' bytes.
    static func pattern(_ size: Int, seed: Int) -> [UInt8] {
        var value = seed
        return (0..<size).map { _ in
            value = (value &* 1_103_515_245 &+ 12_345) & 0x7FFF_FFFF
            return UInt8(value >> 16 & 0xFF)
        }
    }

    @Test func aPlainTextMessageWithLineFeeds() throws {
        let message = try FixtureFiles.message("plain-text")
        #expect(message.essences == ["text/plain"])
        #expect(message.value("From") == "Sender Name <sender@example.com>")
        let to = try AddressList.parse(message.valueBytes(of: try #require(message.field(named: "To"))))
        #expect(to.map(\.formatted) == ["First <first@example.com>", "second@example.com"])
        #expect(try message.text(of: 0) == "Hello,\nthis is a plain text message.\n")
    }

    @Test func alternativesInsideMixedWithAnAttachment() throws {
        let message = try FixtureFiles.message("alternative-in-mixed")
        #expect(
            message.essences == [
                "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "application/pdf",
            ])
        #expect(message.parts.filter(\.isHTMLBody).count == 1)
        #expect(try message.text(of: 3).contains(#"<a href="https://example.com/account">"#))
        var pdf: [UInt8] = []
        try message.decodedBody(of: 4, into: &pdf)
        #expect(pdf == Self.pattern(3000, seed: 7))
        #expect(message.parts[4].filename == "invoice.pdf")
        #expect(message.parts[4].isAttachment)
        try message.checkTransferEncodings()
    }

    @Test func nonASCIIHeadersAndFileNamesDecode() throws {
        let message = try FixtureFiles.message("non-ascii-headers")
        #expect(
            message.decodedValue(of: try #require(message.field(named: "Subject")))
                == "Résumé für Jürgen — 履歴書")
        let from = try AddressList.parse(message.valueBytes(of: try #require(message.field(named: "From"))))
        #expect(from == [Mailbox(displayName: "Jürgen Müller", address: "juergen@example.com")])
        let attachment = try #require(message.parts.first { $0.isAttachment })
        #expect(attachment.filename == "résumé 2023.pdf")
        let html = try #require(message.parts.firstIndex { $0.isHTMLBody })
        #expect(message.parts[html].transferEncoding == .eightBit)
        #expect(try message.text(of: html).contains("Grüße aus"))
    }

    @Test func foldedHeadersUnfold() throws {
        let message = try FixtureFiles.message("folded-headers")
        #expect(
            message.value("Subject")
                == "A subject long enough to be folded by the generator because it goes on and on "
                + "past seventy-eight characters and then some more words")
        let to = try AddressList.parse(message.valueBytes(of: try #require(message.field(named: "To"))))
        #expect(to.count == 8)
        #expect(to.last == Mailbox(displayName: "Recipient Number 8", address: "recipient8@example.com"))
        #expect(message.value("References")?.hasSuffix("<reference-11@mail.example.com>") == true)
    }

    @Test func relatedInsideAlternativeInsideMixed() throws {
        let message = try FixtureFiles.message("nested-related")
        #expect(
            message.essences == [
                "multipart/mixed", "multipart/alternative", "text/plain", "multipart/related", "text/html",
                "image/png", "text/csv",
            ])
        let html = try #require(message.parts.firstIndex { $0.isHTMLBody })
        #expect(message.parts[html].depth == 3)
        #expect(message.parts[6].filename == "data.csv")
        try message.checkTransferEncodings()
    }

    @Test func latin1QuotedPrintableHTML() throws {
        let message = try FixtureFiles.message("latin1-quoted-printable")
        #expect(message.parts[0].transferEncoding == .quotedPrintable)
        #expect(message.parts[0].mediaType.parameter("charset") == "iso-8859-1")
        var body: [UInt8] = []
        try message.decodedBody(of: 0, into: &body)
        #expect(Charsets.decode(body, charset: "iso-8859-1")?.hasPrefix("<p>Café crème") == true)
    }

    @Test func aForwardedMessageIsReadWithItsOwnParts() throws {
        let message = try FixtureFiles.message("forwarded-message")
        #expect(
            message.essences == [
                "multipart/mixed", "text/plain", "message/rfc822", "multipart/mixed", "text/plain",
                "application/zip",
            ])
        #expect(message.value("Subject", in: 3) == "Inner message")
        #expect(message.parts[5].filename == "inner.zip")
        try message.checkTransferEncodings()
    }

    @Test func groupsCommentsAndBcc() throws {
        let message = try FixtureFiles.message("recipients-in-headers")
        func mailboxes(_ name: String) throws -> [Mailbox] {
            try AddressList.parse(message.valueBytes(of: try #require(message.field(named: name))))
        }
        #expect(try mailboxes("To").map(\.address) == ["alice@example.com", "bob@example.com"])
        #expect(try mailboxes("Cc") == [Mailbox(displayName: "Carol C.", address: "carol@example.com")])
        #expect(try mailboxes("Bcc").map(\.address) == ["dave@example.com"])
    }

    @Test func sesHeadersAndAttachmentNames() throws {
        let ses = try FixtureFiles.message("ses-headers")
        #expect(ses.value("X-SES-CONFIGURATION-SET") == "raw-set")
        #expect(ses.value("x-ses-message-tags") == "campaign=spring, variant=b")
        let blocked = try FixtureFiles.message("blocked-attachment")
        #expect(blocked.parts.compactMap(\.filename) == ["setup.exe"])
    }

    @Test func handMadeMessages() throws {
        #expect(throws: MIMEError.missingStartBoundary(part: 0)) {
            try FixtureFiles.message("malformed-missing-boundary")
        }
        let noFrom = try FixtureFiles.message("malformed-no-from")
        #expect(noFrom.field(named: "From") == nil)
        let guessed = try FixtureFiles.message("lenient-boundary-from-first-line")
        #expect(guessed.essences == ["multipart/alternative", "text/plain", "text/html"])
    }

    @Test func everyFixtureIsReadWithinTheLinearBound() throws {
        for name in try FixtureFiles.names() {
            let bytes = try FixtureFiles.bytes(name)
            guard let message = try? MIMEMessage(parsing: bytes) else { continue }
            #expect(message.scanSteps <= 4 * bytes.count + 16, "\(name)")
        }
    }
}
