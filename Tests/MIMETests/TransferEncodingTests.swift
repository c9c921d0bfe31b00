import Testing

@testable import MIME

@Suite("Transfer encodings")
struct TransferEncodingTests {
    func base64(_ text: String) throws(Base64Error) -> [UInt8] {
        var output: [UInt8] = []
        let bytes = Array(text.utf8)
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(Base64Error) in try Base64Codec.decode(buffer, into: &output) }
        }
        try result.get()
        return output
    }

    @Test func base64DecodesSkippingLineBreaksAndJunk() throws {
        #expect(try base64("SGVs\r\nbG8=") == Array("Hello".utf8))
        #expect(try base64("SGVsbG8h") == Array("Hello!".utf8))
        #expect(try base64("SG VsbG8*h") == Array("Hello!".utf8))
        #expect(try base64("") == [])
        // Concatenated padded groups continue, as JavaMail reads them.
        #expect(try base64("QQ==Qg==") == Array("AB".utf8))
    }

    @Test func truncatedBase64GivesJavaMailsText() {
        #expect(
            throws: Base64Error(
                detail: "needed 4 valid base64 characters but only got 1 before EOF, "
                    + "the 10 most recent characters were: \"GVsbG8\\r\\nYW\"")
        ) { try base64("SGVsbG8\r\nYW") }
        #expect(
            throws: Base64Error(
                detail:
                    "needed at least 2 valid base64 characters, but only got 1 before padding character (=), "
                    + "the 2 most recent characters were: \"S=\"")
        ) { try base64("S=") }
        #expect(
            throws: Base64Error(
                detail:
                    "hit EOF while looking for padding characters (=), the 3 most recent characters were: \"QQ=\""
            )
        ) { try base64("QQ=") }
        #expect(
            throws: Base64Error(
                detail: "found valid base64 character after a padding character (=), "
                    + "the 4 most recent characters were: \"QQ=Q\"")
        ) { try base64("QQ=Q") }
    }

    @Test func theRecentCharactersComeFromJavaMailsLastBufferFill() {
        // 8,190 good characters (2,047 groups + 2), then one more: the last
        // buffer fill holds a single byte.
        let text = String(repeating: "QUJD", count: 2_047) + "QU" + "Q"
        #expect(
            throws: Base64Error(
                detail: "needed 4 valid base64 characters but only got 3 before EOF, "
                    + "the 1 most recent characters were: \"Q\"")
        ) { try base64(text) }
    }

    @Test func base64RoundTripsInSeventySixColumnLines() throws {
        let bytes = (0..<200).map { UInt8($0 % 256) }
        var encoded: [UInt8] = []
        Base64Codec.encode(bytes, into: &encoded)
        let lines = String(decoding: encoded, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.dropLast().allSatisfy { $0.count <= 76 })
        #expect(lines.first?.count == 76)
        #expect(try base64(String(decoding: encoded, as: UTF8.self)) == bytes)
    }

    @Test func quotedPrintableDecodesSoftBreaksAndEscapes() {
        var output: [UInt8] = []
        QuotedPrintableCodec.decode(Array("Caf=E9 =\r\ncr=C3=A8me  \r\nnext=3D=zz=".utf8), into: &output)
        #expect(
            output == Array("Caf".utf8) + [0xE9] + Array(" cr".utf8) + [0xC3, 0xA8]
                + Array("me\r\nnext==zz".utf8))
    }

    @Test func quotedPrintableRoundTripsLongLinesAndTrailingSpaces() {
        let text =
            String(repeating: "<a href=\"https://example.com/path?x=1\">link</a> ", count: 5)
            + " \nnext line é"
        var encoded: [UInt8] = []
        QuotedPrintableCodec.encode(Array(text.utf8), into: &encoded)
        let lines = String(decoding: encoded, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(encoded.allSatisfy { $0 < 0x80 })
        var decoded: [UInt8] = []
        QuotedPrintableCodec.decode(encoded, into: &decoded)
        #expect(String(decoding: decoded, as: UTF8.self) == text.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func aMessagesBase64PartsAreCheckedTogether() throws {
        let message = try FixtureFiles.message("malformed-truncated-base64")
        #expect(
            throws: MIMEError.invalidBase64(
                part: 2,
                detail: "needed 4 valid base64 characters but only got 2 before EOF, "
                    + "the 10 most recent characters were: \"cmVhbQp4nD\"")
        ) { try message.checkTransferEncodings() }
    }
}
