import SESTemplates
import Testing

@Suite("Template data (JSON)")
struct TemplateDataTests {
    @Test func parsesEveryJSONTypeInOrder() throws {
        let data = try TemplateData(json: #"{"b":true,"a":[1,-2.5e3,"x",null,false],"c":{"d":{}}}"#)
        #expect(
            data.value
                == .object([
                    .init("b", .boolean(true)),
                    .init(
                        "a", .array([.number("1"), .number("-2.5e3"), .string("x"), .null, .boolean(false)])),
                    .init("c", .object([.init("d", .object([]))])),
                ]))
    }

    @Test func decodesEscapesUnicodeAndSurrogatePairs() throws {
        let data = try TemplateData(json: #"["\"\\\/\b\f\n\r\t","\u00e9\u4e2d","\ud83d\ude00","é😀"]"#)
        #expect(
            data.value
                == .array([.string("\"\\/\u{8}\u{c}\n\r\t"), .string("é中"), .string("😀"), .string("é😀")]))
    }

    @Test func replacesLoneSurrogatesWithTheReplacementCharacter() throws {
        let data = try TemplateData(json: #"["\ud800x","\udc00"]"#)
        #expect(data.value == .array([.string("\u{FFFD}x"), .string("\u{FFFD}")]))
    }

    @Test(arguments: [
        ("", "Template data is not valid JSON: unexpected end of data, expected a value at offset 0."),
        ("{", "Template data is not valid JSON: expected a string key at offset 1."),
        ("{\"a\":1,}", "Template data is not valid JSON: expected a string key at offset 7."),
        ("[1,]", "Template data is not valid JSON: unexpected character, expected a value at offset 3."),
        ("{\"a\" 1}", "Template data is not valid JSON: expected ':' after a key at offset 5."),
        ("01", "Template data is not valid JSON: invalid number (leading zero) at offset 0."),
        ("1.", "Template data is not valid JSON: invalid number (no digit after '.') at offset 0."),
        ("1e", "Template data is not valid JSON: invalid number (no digit in exponent) at offset 0."),
        ("-", "Template data is not valid JSON: invalid number at offset 0."),
        ("tru", "Template data is not valid JSON: invalid literal at offset 0."),
        ("\"a", "Template data is not valid JSON: unterminated string at offset 0."),
        ("\"\\x\"", "Template data is not valid JSON: invalid escape at offset 1."),
        ("\"\\u12\"", "Template data is not valid JSON: invalid \\u escape at offset 1."),
        ("\"a\nb\"", "Template data is not valid JSON: control character in a string at offset 2."),
        ("{} {}", "Template data is not valid JSON: unexpected data after the value at offset 3."),
        ("[1 2]", "Template data is not valid JSON: expected ',' or ']' at offset 3."),
        ("{'a':1}", "Template data is not valid JSON: expected a string key at offset 1."),
    ])
    func rejectsInvalidJSONWithAPreciseMessage(json: String, message: String) {
        #expect(throws: TemplateError(.invalidRenderingParameter, message)) { try TemplateData(json: json) }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(
            throws: TemplateError(
                .invalidRenderingParameter, "Template data is not valid JSON: invalid UTF-8 at offset 2.")
        ) {
            try TemplateData(json: [0x22, 0x61, 0xC3, 0x28, 0x22])
        }
        // An encoded surrogate, an overlong form, a scalar past U+10FFFF.
        #expect(throws: TemplateError.self) { try TemplateData(json: [0x22, 0xED, 0xA0, 0x80, 0x22]) }
        #expect(throws: TemplateError.self) { try TemplateData(json: [0x22, 0xC0, 0xAF, 0x22]) }
        #expect(throws: TemplateError.self) { try TemplateData(json: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22]) }
    }

    @Test func renderingDataMustBeAnObject() {
        for json in ["[]", "1", "\"x\"", "null", "true"] {
            #expect(throws: TemplateError(.invalidRenderingParameter, "Template data must be a JSON object."))
            {
                try TemplateData(renderingData: json)
            }
        }
    }

    @Test func renderingDataIsAtMost262144Characters() throws {
        let padding = String(repeating: "x", count: 262_144 - 8)
        _ = try TemplateData(renderingData: "{\"a\":\"\(padding)\"}")  // exactly 262,144
        #expect(
            throws: TemplateError(
                .invalidRenderingParameter, "Template data is longer than 262144 characters.")
        ) { try TemplateData(renderingData: "{\"a\":\"\(padding)x\"}") }
        // Multi-byte characters count once (é is 2 bytes, 1 UTF-16 unit).
        let accents = String(repeating: "é", count: 262_144 - 8)
        _ = try TemplateData(renderingData: "{\"a\":\"\(accents)\"}")
    }

    @Test func nestingIsLimitedTo1000Levels() throws {
        _ = try TemplateData(
            json: String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000))
        #expect(
            throws: TemplateError(.invalidRenderingParameter, "Template data nests deeper than 1000 levels.")
        ) {
            try TemplateData(
                json: String(repeating: "[", count: 1_001) + String(repeating: "]", count: 1_001))
        }
        #expect(throws: TemplateError.self) {
            try TemplateData(json: String(repeating: "{\"a\":", count: 100_000))
        }
    }

    @Test func aRepeatedKeyKeepsTheLastValue() throws {
        let small = try TemplateData(json: #"{"a":1,"b":2,"a":3}"#)
        #expect(small.value == .object([.init("b", .number("2")), .init("a", .number("3"))]))
        var members = (0..<40).map { "\"k\($0)\":\($0)" }
        members.append("\"k7\":\"last\"")
        let large = try TemplateData(json: "{" + members.joined(separator: ",") + "}")
        guard case .object(let parsed) = large.value else {
            throw TemplateError(.invalidTemplate, "not an object")
        }
        #expect(parsed.count == 40)
        #expect(parsed.last == .init("k7", .string("last")))
        #expect(try render("{{a}}", #"{"a":1,"a":2}"#) == "2")
    }

    @Test func bulkMergeReplacesKeyByKeyRecursivelyAndArraysWhole() throws {
        let defaults = try TemplateData(
            renderingData:
                #"{"name":"friend","animal":"unknown","address":{"city":"Paris","zip":"75001"},"items":[1,2,3]}"#
        )
        let replacement = try TemplateData(
            renderingData:
                #"{"name":"Anaya","address":{"city":"Lyon","country":"FR"},"items":[9],"extra":true}"#)
        let merged = TemplateData.merging(replacement, over: defaults)
        #expect(
            merged.value
                == .object([
                    .init("name", .string("Anaya")),
                    .init("animal", .string("unknown")),
                    .init(
                        "address",
                        .object([
                            .init("city", .string("Lyon")), .init("zip", .string("75001")),
                            .init("country", .string("FR")),
                        ])),
                    .init("items", .array([.number("9")])),
                    .init("extra", .boolean(true)),
                ]))
        #expect(
            TemplateData.merging(try TemplateData(renderingData: "{}"), over: defaults).value
                == defaults.value)
        // A non-object replacement value replaces an object default whole.
        let scalar = TemplateData.merging(
            try TemplateData(renderingData: #"{"address":"none"}"#), over: defaults)
        #expect(scalar.value["address"] == .string("none"))
    }

    @Test func mergeIntoAReusedValueGivesTheSameResult() throws {
        let defaults = try TemplateData(renderingData: #"{"a":{"b":"\u00e9","c":[1]},"d":"x"}"#)
        let replacement = try TemplateData(renderingData: #"{"a":{"c":"\n"},"e":2}"#)
        var reused = TemplateData()
        TemplateData.merge(replacement, over: defaults, into: &reused)
        TemplateData.merge(replacement, over: defaults, into: &reused)
        #expect(reused.value == TemplateData.merging(replacement, over: defaults).value)
        #expect(try render("{{a.b}}{{a.c}}{{d}}{{e}}", JSONText.write(reused.value)) == "é\nx2")
    }

    @Test func aParserAndDataAreReusableAcrossDocuments() throws {
        var parser = TemplateDataParser()
        var data = TemplateData()
        try parser.parseRenderingData(Array(#"{"a":"one","b":[1,2]}"#.utf8), into: &data)
        #expect(
            data.value
                == .object([.init("a", .string("one")), .init("b", .array([.number("1"), .number("2")]))]))
        #expect(throws: TemplateError.self) { try parser.parseRenderingData(Array("{".utf8), into: &data) }
        #expect(data.value == .object([]))
        try parser.parseRenderingData(Array(#"{"z":null}"#.utf8), into: &data)
        #expect(data.value == .object([.init("z", .null)]))
    }
}
