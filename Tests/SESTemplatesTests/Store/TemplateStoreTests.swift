import SESTemplates
import Testing

@Suite("Template store")
struct TemplateStoreTests {
    static let greeting = EmailTemplate(
        name: "MyTemplate", subjectPart: "Greetings, {{name}}!",
        textPart: "Dear {{name}},\r\nYour favorite animal is {{favoriteanimal}}.",
        htmlPart: "<h1>Hello {{name}}</h1><p>Your favorite animal is {{favoriteanimal}}.</p>")

    @Test func createGetRenderUpdateDelete() throws {
        var store = TemplateStore()
        try store.create(Self.greeting)
        let compiled = try store.template(named: "MyTemplate")
        var renderer = TemplateRenderer()
        var parts = RenderedParts()
        try compiled.render(
            data: try TemplateData(renderingData: #"{ "name":"Alejandro", "favoriteanimal": "zebra" }"#),
            with: &renderer, into: &parts)
        #expect(String(decoding: parts.subject, as: UTF8.self) == "Greetings, Alejandro!")
        #expect(
            String(decoding: parts.text, as: UTF8.self) == "Dear Alejandro,\r\nYour favorite animal is zebra."
        )
        #expect(
            String(decoding: parts.html, as: UTF8.self)
                == "<h1>Hello Alejandro</h1><p>Your favorite animal is zebra.</p>")
        var changed = Self.greeting
        changed.subjectPart = "Hi {{name}}"
        try store.update(changed)
        #expect(try store.template(named: "MyTemplate").template.subjectPart == "Hi {{name}}")
        try store.delete(named: "MyTemplate")
        #expect(store.count == 0)
    }

    @Test func errorsCarrySESNamesAndMessages() throws {
        var store = TemplateStore()
        try store.create(Self.greeting)
        #expect(throws: TemplateError(.alreadyExists, "Template MyTemplate already exists.")) {
            try store.create(Self.greeting)
        }
        #expect(throws: TemplateError(.templateDoesNotExist, "Template Other does not exist.")) {
            try store.template(named: "Other")
        }
        #expect(throws: TemplateError(.templateDoesNotExist, "Template Other does not exist.")) {
            try store.delete(named: "Other")
        }
        #expect(throws: TemplateError(.templateDoesNotExist, "Template Other does not exist.")) {
            try store.update(EmailTemplate(name: "Other", subjectPart: "x"))
        }
        do {
            try store.update(EmailTemplate(name: "MyTemplate", subjectPart: "{{#if a}}"))
            Issue.record("an invalid update was accepted")
        } catch {
            #expect(error.name == "InvalidTemplate")
            #expect(error.message == "SubjectPart line 1, column 1: the block 'if' is never closed")
        }
        #expect(try store.template(named: "MyTemplate").template == Self.greeting)
    }

    @Test func atMost10000Templates() throws {
        var store = TemplateStore()
        for index in 0..<10_000 { try store.create(EmailTemplate(name: "t\(index)", subjectPart: "s")) }
        #expect(
            throws: TemplateError(
                .limitExceeded, "Maximum number of templates (10000) exceeded for this account.")
        ) {
            try store.create(EmailTemplate(name: "one-more", subjectPart: "s"))
        }
        #expect(store.names.prefix(3) == ["t0", "t1", "t10"])
    }

    @Test func textPlusHTMLAtMost500KB() throws {
        let half = String(repeating: "a", count: 256_000)
        _ = try CompiledTemplate(EmailTemplate(name: "big", subjectPart: "s", textPart: half, htmlPart: half))
        #expect(
            throws: TemplateError(
                .invalidParameterValue, "Template big is 512001 bytes: text plus HTML must be at most 500 KB."
            )
        ) {
            try CompiledTemplate(
                EmailTemplate(name: "big", subjectPart: "s", textPart: half, htmlPart: half + "b"))
        }
    }

    @Test func namesAndSubjectsAreValidated() {
        #expect(throws: TemplateError(.invalidParameterValue, "The subject must be specified.")) {
            try CompiledTemplate(EmailTemplate(name: "x", textPart: "t"))
        }
        #expect(throws: TemplateError.self) {
            try CompiledTemplate(EmailTemplate(name: "has space", subjectPart: "s"))
        }
        #expect(throws: TemplateError.self) {
            try CompiledTemplate(EmailTemplate(name: String(repeating: "n", count: 65), subjectPart: "s"))
        }
        #expect(throws: TemplateError(.invalidParameterValue, "Template name must be specified.")) {
            try CompiledTemplate(EmailTemplate(name: "", subjectPart: "s"))
        }
    }

    @Test func partsRenderInOrderAndTheFirstErrorWins() throws {
        let template = try CompiledTemplate(
            EmailTemplate(name: "t", subjectPart: "{{a}}", textPart: "{{b}}", htmlPart: "{{c}}"))
        var renderer = TemplateRenderer()
        var parts = RenderedParts()
        #expect(
            throws: TemplateError(
                .missingRenderingAttribute, "Attribute 'b' is not present in the rendering data.")
        ) {
            try template.render(
                data: try TemplateData(renderingData: #"{"a":1}"#), with: &renderer, into: &parts)
        }
        try template.render(
            data: try TemplateData(renderingData: #"{"a":1,"b":2,"c":3}"#), with: &renderer, into: &parts)
        #expect(parts.byteCount == 3)
    }
}
