import Testing

@testable import Scenarios

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

    @Test func replicationLinesRoundTrip() throws {
        let line =
            #"{"eventDigest":"ab","expectations":[{"passed":true,"value":0.25},{"passed":false,"value":"Infinity"},{"passed":false}],"figures":{"events.send":40,"x[\"a.b\"]":0.5},"omittedFigures":2,"parameters":{"account.maxSendRate":"14"},"passed":false,"point":1,"replication":7,"scenarioHash":"00ff","seed":3}"#
        let result = try ReplicationResult(line: line)
        #expect(result.line == line)
        #expect(result.expectations[1].value == .infinity)
        #expect(result.expectations[2].value == nil)
        #expect(throws: SweepError.self) {
            try ReplicationResult(
                line: line.replacingOccurrences(of: "\"seed\":3", with: "\"seed\":3,\"extra\":1"))
        }
        #expect(throws: SweepError.self) {
            try ReplicationResult(
                line: line.replacingOccurrences(
                    of: "\"passed\":false,\"point\"", with: "\"passed\":true,\"point\""))
        }
    }
}
