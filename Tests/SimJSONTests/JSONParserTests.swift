import Testing

@testable import SimJSON

@Suite("JSON reading")
struct JSONParserTests {
    @Test func readsWhatTheWriterWrites() throws {
        let value = JSONValue.object([
            "a": .array([.integer(-3), .number(0.1), .number(1e-7), .number(2.5e20), .bool(true), .null]),
            "b\"q": .string("tab\there \u{1}é 🎉"), "c": .object([:]), "d": .array([]),
        ])
        let text = value.serialized()
        #expect(try JSONParser.parse(text) == value)
        #expect(try JSONParser.parse(value.serialized(pretty: true)) == value)
        #expect(try JSONParser.parse(#""\ud83c\udf89 \u00e9""#) == .string("🎉 é"))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "\"\\x\"", "{\"a\":1,\"a\":2}", "[1] 2", "nul",
        "\"\u{1}\"",
    ])
    func rejectsWhatIsNotJSON(text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
    }
}
