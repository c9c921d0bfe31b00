import Testing

@testable import MIME

@Suite("RFC 2047 encoded words")
struct EncodedWordTests {
    @Test func theGuidesExamplesDecodeInBothEncodings() {
        // The SES Developer Guide's two encodings of the same subject (send-email-raw).
        let q = "=?utf-8?Q?=D0=AF=D0=BA_=D1=82=D0=B8_=D0=BF=D0=BE=D0=B6=D0=B8=D0=B2=D0=B0=D1=94=D1=88=3F?="
        let b = "=?utf-8?B?0K/QuiDRgtC4INC/0L7QttC40LLQsNGU0Yg/?="
        #expect(EncodedWords.decode(q) == "Як ти поживаєш?")
        #expect(EncodedWords.decode(b) == "Як ти поживаєш?")
    }

    @Test func latin1AndASCIIWordsDecode() {
        #expect(EncodedWords.decode("=?ISO-8859-1?Q?Caf=E9?=") == "Café")
        #expect(EncodedWords.decode("=?us-ascii?Q?plain_text?=") == "plain text")
        #expect(EncodedWords.decode("=?windows-1252?Q?=80_5?=") == "€ 5")
    }

    @Test func spaceBetweenAdjacentWordsIsDroppedButNotAroundText() {
        #expect(EncodedWords.decode("=?utf-8?q?a?= =?utf-8?q?b?=") == "ab")
        #expect(EncodedWords.decode("x =?utf-8?q?a?= y") == "x a y")
        #expect(EncodedWords.decode("=?utf-8?q?a?=\r\n =?iso-8859-1?q?=E9?=") == "aé")
    }

    @Test func aCharacterSplitAcrossWordsSurvives() {
        // "é" is C3 A9 in UTF-8, split between two words.
        #expect(EncodedWords.decode("=?utf-8?q?caf=C3?= =?utf-8?q?=A9?=") == "café")
    }

    @Test func unknownCharsetsAndMalformedWordsStayAsWritten() {
        #expect(EncodedWords.decode("=?koi8-r?B?8NLJ18XU?=") == "=?koi8-r?B?8NLJ18XU?=")
        #expect(EncodedWords.decode("=?utf-8?x?abc?=") == "=?utf-8?x?abc?=")
        #expect(EncodedWords.decode("=?utf-8?q?no end") == "=?utf-8?q?no end")
        #expect(EncodedWords.decode("a = ? b") == "a = ? b")
    }

    @Test func languageSuffixesOnCharsetsAreIgnored() {
        #expect(EncodedWords.decode("=?utf-8*en?q?hi?=") == "hi")
    }
}
