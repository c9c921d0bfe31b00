import SESTemplates
import Testing

@Suite("Robustness")
struct RobustnessTests {
    @Test func tenThousandNestedBlocksAreRefusedNotOverflowed() throws {
        let deep =
            String(repeating: "{{#if a}}", count: 10_000) + "x" + String(repeating: "{{/if}}", count: 10_000)
        #expect(
            renderingError(deep)?.message
                == "HtmlPart line 1, column 901: blocks nest deeper than 100 levels (each 'else if' counts)")
        let chain = "{{#if a}}" + String(repeating: "{{else if b}}", count: 10_000) + "{{/if}}"
        #expect(renderingError(chain)?.code == .invalidTemplate)
        let nested100 =
            String(repeating: "{{#if a}}", count: 100) + "{{b}}" + String(repeating: "{{/if}}", count: 100)
        #expect(try render(nested100, #"{"a":true,"b":1}"#) == "1")
    }

    @Test func unclosedAndStrayDelimitersAreErrorsOrText() throws {
        #expect(renderingError("{{#each items}}{{name}}")?.code == .invalidTemplate)
        #expect(renderingError("{{name")?.code == .invalidTemplate)
        #expect(renderingError("{{{name}}")?.code == .invalidTemplate)
        #expect(renderingError("{{name}}}")?.code == .invalidTemplate)
        #expect(renderingError("{{!-- never closed")?.code == .invalidTemplate)
        #expect(
            renderingError("{{/if}}")?.message == "HtmlPart line 1, column 1: '{{/if}}' closes no open block")
        #expect(try render("}} stray }} braces {", #"{}"#) == "}} stray }} braces {")
        #expect(try render("{", "{}") == "{")
        #expect(try render("\\{{name}} is literal", "{}") == "{{name}} is literal")
    }

    @Test func invalidUTF8IsRepairedInTemplatesAndRefusedInData() throws {
        let template = String(decoding: [0x48, 0xFF, 0x7B, 0x7B, 0x61, 0x7D, 0x7D, 0xC3], as: UTF8.self)
        #expect(try render(template, #"{"a":"b"}"#) == "H\u{FFFD}b\u{FFFD}")
        #expect(throws: TemplateError.self) {
            try TemplateData(renderingData: [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D])
        }
    }

    @Test func fiveHundredKilobytesOfTemplateRender() throws {
        let text = String(repeating: "Lorem ipsum {{name}} dolor sit amet. ", count: 13_800)
        #expect(text.utf8.count > 500_000)
        let output = try render(text, #"{"name":"N"}"#)
        #expect(output.utf8.count == 13_800 * 30)
    }

    @Test func recursivePartialsStopWithAnError() {
        #expect(
            renderingError("{{#*inline \"a\"}}x{{> a}}{{/inline}}{{> a}}")
                == TemplateError(.invalidTemplate, "Partials call each other deeper than 100 levels."))
    }

    @Test func deepDataAndLongPathsResolve() throws {
        let json = String(repeating: "{\"a\":", count: 999) + "\"end\"" + String(repeating: "}", count: 999)
        let path = Array(repeating: "a", count: 999).joined(separator: ".")
        #expect(try render("{{\(path)}}", json) == "end")
        let arrays = String(repeating: "[", count: 999) + "1" + String(repeating: "]", count: 999)
        #expect(try render("{{a}}", "{\"a\":\(arrays)}").isEmpty == false)
    }
}
