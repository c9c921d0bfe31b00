import Testing

@testable import SESProtocolV1

@Suite struct Base64TextTests {
    @Test func decodesStandardBase64WithPadding() {
        #expect(Base64Text.decode("") == [])
        #expect(Base64Text.decode("QQ==") == Array("A".utf8))
        #expect(Base64Text.decode("QUI=") == Array("AB".utf8))
        #expect(Base64Text.decode("QUJD") == Array("ABC".utf8))
        #expect(Base64Text.decode("QUJD\r\nREVG") == Array("ABCDEF".utf8))
        #expect(Base64Text.decode("+/+/") == [0xFB, 0xFF, 0xBF])
    }

    @Test func refusesWhatIsNotBase64() {
        #expect(Base64Text.decode("QUJ") == nil)
        #expect(Base64Text.decode("QU!D") == nil)
        #expect(Base64Text.decode("QQ==QUJD") == nil)
        #expect(Base64Text.decode("Q===") == nil)
        #expect(Base64Text.decode("QQ=A") == nil)
        #expect(Base64Text.decode("=QUJ") == nil)
    }
}
