import Testing

@testable import MIME

@Suite("Content fields and parameters")
struct ContentFieldTests {
    func type(_ text: String) -> MediaType? { MediaType(parsing: Array(text.utf8)) }
    func disposition(_ text: String) -> ContentDisposition { ContentDisposition(parsing: Array(text.utf8)) }

    @Test func typesAreLowerCasedAndParametersUnquoted() throws {
        let parsed = try #require(type(#"Multipart/Mixed; Boundary="a b;c" ; charset=UTF-8 (comment)"#))
        #expect(parsed.essence == "multipart/mixed")
        #expect(parsed.parameter("boundary") == "a b;c")
        #expect(parsed.parameter("charset") == "UTF-8")
    }

    @Test func aTypeWithoutASubtypeIsNotAType() {
        #expect(type("text") == nil)
        #expect(type("/html") == nil)
        #expect(type("") == nil)
    }

    @Test func rfc2231ContinuationsAndCharsetsAreJoined() {
        let parsed = disposition(
            "attachment; filename*0*=utf-8''r%C3%A9sum; filename*1*=%C3%A9; filename*2=\" 2023.pdf\"")
        #expect(parsed.isAttachment)
        #expect(parsed.filename == "résumé 2023.pdf")
        #expect(disposition("attachment; filename*=iso-8859-1'en'caf%E9.txt").filename == "café.txt")
    }

    @Test func anExtendedValueReplacesThePlainOne() {
        #expect(
            disposition(#"attachment; filename="fallback.txt"; filename*=utf-8''real.txt"#).filename
                == "real.txt")
    }

    @Test func encodedWordsInQuotedFileNamesAreDecoded() {
        #expect(disposition(#"attachment; filename="=?utf-8?B?w6kudHh0?=""#).filename == "é.txt")
    }

    @Test func sectionsStopAtAGapAndBadParametersAreSkipped() {
        #expect(disposition("attachment; filename*0=a; filename*2=c").filename == "a")
        let parsed = disposition("inline; =novalue; junk; size=10")
        #expect(parsed.type == "inline")
        #expect(parsed.parameters.map(\.name) == ["size"])
    }

    @Test func transferEncodingsAreRecognisedIgnoringCase() {
        #expect(TransferEncoding(parsing: Array("BASE64".utf8)) == .base64)
        #expect(TransferEncoding(parsing: Array(" Quoted-Printable ".utf8)) == .quotedPrintable)
        #expect(TransferEncoding(parsing: Array("x-uuencode".utf8)) == .other("x-uuencode"))
        #expect(TransferEncoding(parsing: []) == .sevenBit)
    }
}
