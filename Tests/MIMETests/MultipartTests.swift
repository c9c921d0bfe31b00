import Testing

@testable import MIME

@Suite("Multipart structure")
struct MultipartTests {
    static let nested = """
        From: a@example.com\r
        Content-Type: multipart/mixed; boundary="outer"\r
        \r
        preamble text\r
        --outer\r
        Content-Type: multipart/alternative; boundary=inner\r
        \r
        --inner\r
        Content-Type: text/plain\r
        \r
        plain\r
        --inner\r
        Content-Type: text/html\r
        \r
        <p>html</p>\r
        --inner--\r
        inner epilogue\r
        --outer\r
        Content-Type: application/pdf; name="a.pdf"\r
        Content-Disposition: attachment\r
        Content-Transfer-Encoding: base64\r
        \r
        AAEC\r
        --outer--  \r
        outer epilogue\r

        """

    @Test func nestedPartsAreFoundDepthFirstWithTheirBodies() throws {
        let message = try MIMEMessage(Self.nested)
        #expect(
            message.essences == [
                "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "application/pdf",
            ])
        #expect(message.parts.map(\.parent) == [nil, 0, 1, 1, 0])
        #expect(message.parts.map(\.depth) == [0, 1, 2, 2, 1])
        #expect(try message.text(of: 2) == "plain")
        #expect(try message.text(of: 3) == "<p>html</p>")
        var pdf: [UInt8] = []
        try message.decodedBody(of: 4, into: &pdf)
        #expect(pdf == [0, 1, 2])
        #expect(message.parts[4].filename == "a.pdf")
        #expect(message.parts[4].isAttachment)
        #expect(message.parts[3].isHTMLBody)
        #expect(message.children(of: 0) == [1, 4])
        #expect(message.children(of: 1) == [2, 3])
    }

    @Test func preamblesAndEpiloguesAreKeptApart() throws {
        let message = try MIMEMessage(Self.nested)
        guard
            case .multipart(let boundary, let preamble, let epilogue?, let closed) = message.parts[0]
                .structure
        else {
            Issue.record("not a closed multipart")
            return
        }
        #expect(boundary == "outer")
        #expect(closed)
        #expect(String(decoding: message.bytes[preamble], as: UTF8.self) == "preamble text")
        #expect(String(decoding: message.bytes[epilogue], as: UTF8.self) == "outer epilogue\r\n")
        guard case .multipart(_, _, let innerEpilogue?, true) = message.parts[1].structure else {
            Issue.record("inner not closed")
            return
        }
        #expect(String(decoding: message.bytes[innerEpilogue], as: UTF8.self) == "inner epilogue")
    }

    @Test func aMissingCloseDelimiterIsAccepted() throws {
        let message = try MIMEMessage(
            "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nlast part\r\n"
        )
        #expect(message.essences == ["multipart/mixed", "text/plain"])
        #expect(try message.text(of: 1) == "last part\r\n")
        guard case .multipart(_, _, nil, false) = message.parts[0].structure else {
            Issue.record("expected an unclosed multipart")
            return
        }
    }

    @Test func anOuterDelimiterEndsAnUnclosedInnerMultipart() throws {
        let message = try MIMEMessage(
            """
            Content-Type: multipart/mixed; boundary=o\r
            \r
            --o\r
            Content-Type: multipart/alternative; boundary=i\r
            \r
            --i\r
            \r
            inner text\r
            --o\r
            \r
            second\r
            --o--\r

            """)
        #expect(message.parts.map(\.parent) == [nil, 0, 1, 0])
        #expect(try message.text(of: 2) == "inner text")
        #expect(try message.text(of: 3) == "second")
    }

    @Test func aMultipartWithNoDelimiterIsJavaMailsMissingStartBoundary() {
        #expect(throws: MIMEError.missingStartBoundary(part: 0)) {
            try MIMEMessage("Content-Type: multipart/mixed; boundary=b\r\n\r\nno delimiters here\r\n")
        }
        #expect(throws: MIMEError.missingStartBoundary(part: 1)) {
            try MIMEMessage(
                "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: multipart/related; boundary=c\r\n\r\nnothing\r\n--b--\r\n"
            )
        }
        // A close delimiter before any part is the same error (JavaMail's empty multipart).
        #expect(throws: MIMEError.missingStartBoundary(part: 0)) {
            try MIMEMessage("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b--\r\n")
        }
        #expect(MIMEError.missingStartBoundary(part: 0).message == "Missing start boundary")
    }

    @Test func withoutABoundaryParameterTheFirstDashLineGivesIt() throws {
        let message = try MIMEMessage(
            "Content-Type: multipart/alternative\r\n\r\nignored\r\n-----------\r\n--guess\r\n\r\none\r\n--guess\r\n\r\ntwo\r\n--guess--\r\n"
        )
        #expect(message.parts.count == 3)
        #expect(try message.text(of: 2) == "two")
    }

    @Test func delimitersMayCarryTrailingSpacesButNothingElse() throws {
        let message = try MIMEMessage(
            "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b \t\r\n\r\none\r\n--bx\r\n--b\r\n\r\ntwo\r\n--b--\r\n"
        )
        #expect(message.parts.count == 3)
        #expect(try message.text(of: 1) == "one\r\n--bx")
    }

    @Test func encapsulatedMessagesAreReadAsEntities() throws {
        let message = try MIMEMessage(
            """
            Content-Type: multipart/mixed; boundary=o\r
            \r
            --o\r
            Content-Type: message/rfc822\r
            \r
            Subject: inner\r
            Content-Type: multipart/mixed; boundary=i\r
            \r
            --i\r
            Content-Disposition: attachment; filename=virus.exe\r
            \r
            MZ\r
            --i--\r
            --o--\r

            """)
        #expect(message.essences == ["multipart/mixed", "message/rfc822", "multipart/mixed", "text/plain"])
        #expect(message.parts[1].structure == .encapsulatedMessage)
        #expect(message.value("Subject", in: 2) == "inner")
        #expect(message.parts[3].filename == "virus.exe")
    }

    @Test func aDigestsPartsDefaultToMessages() throws {
        let message = try MIMEMessage(
            "Content-Type: multipart/digest; boundary=d\r\n\r\n--d\r\n\r\nSubject: one\r\n\r\nbody\r\n--d--\r\n"
        )
        #expect(message.essences == ["multipart/digest", "message/rfc822", "text/plain"])
        #expect(message.value("Subject", in: 2) == "one")
    }

    @Test func aDelimiterInsideAPartsHeaderEndsThePart() throws {
        let message = try MIMEMessage(
            "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/html\r\n--b\r\n\r\nsecond\r\n--b--"
        )
        #expect(message.essences == ["multipart/mixed", "text/html", "text/plain"])
        #expect(message.parts[1].body.isEmpty)
        #expect(try message.text(of: 2) == "second")
    }

    @Test func theSameBoundaryNestedMatchesTheInnermostFirst() throws {
        let message = try MIMEMessage(
            "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\ninner\r\n--b--\r\n--b\r\n\r\nouter\r\n--b--\r\n"
        )
        #expect(message.parts.map(\.parent) == [nil, 0, 1, 0])
        #expect(try message.text(of: 3) == "outer")
    }

    @Test func partsBeyondTheLimitAreRefused() {
        var text = "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
        for _ in 0..<20 { text += "--b\r\n\r\nx\r\n" }
        #expect(throws: MIMEError.tooManyParts(limit: 10)) {
            try MIMEMessage(parsing: Array(text.utf8), limits: MIMELimits(maximumParts: 10))
        }
    }

    @Test func deepNestingNeedsNoRecursion() throws {
        let depth = 5_000
        var text = ""
        for level in 0..<depth {
            text += "Content-Type: multipart/mixed; boundary=\"l\(level)\"\r\n\r\n--l\(level)\r\n"
        }
        text += "\r\ndeepest\r\n"
        let message = try MIMEMessage(text)
        #expect(message.parts.count == depth + 1)
        #expect(message.parts.last?.depth == depth)
        #expect(try message.text(of: depth) == "deepest\r\n")
    }
}
