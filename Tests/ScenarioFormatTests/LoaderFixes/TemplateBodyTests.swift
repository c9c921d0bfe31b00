import Foundation
import ScenarioTesting
import SimJSON
import Testing

@testable import ScenarioFormat

/// A template from a file follows an inline template's rules: a name, a
/// subject, and a text or an HTML part; a missing subject is a missing key.
@Suite("Loader fixes: template parts")
struct TemplateBodyTests {
    typealias F = LoaderFixFixtures

    @Test func aTemplateFileWithoutTextOrHtmlIsRefused() throws {
        try F.withFolder { folder in
            try #"{"Template": {"TemplateName": "nobody", "SubjectPart": "s"}}"#.write(
                toFile: folder + "/nobody.json", atomically: true, encoding: .utf8)
            let file = folder + "/test.yaml"
            #expect(
                F.messages(F.head + "templates:\n  - file: nobody.json\n", file: file) == [
                    "\(file):5:11: templates[0].file: in template file \(folder)/nobody.json:1:14: Template: "
                        + "a template needs a TextPart or an HtmlPart (or both)"
                ])
        }
    }

    @Test func aTemplateFileWithoutASubjectIsAMissingKey() throws {
        try F.withFolder { folder in
            try #"{"TemplateName": "nosubject", "TextPart": "x"}"#.write(
                toFile: folder + "/nosubject.json", atomically: true, encoding: .utf8)
            let file = folder + "/test.yaml"
            #expect(
                F.messages(F.head + "templates:\n  - file: nosubject.json\n", file: file) == [
                    "\(file):5:11: templates[0].file: in template file \(folder)/nosubject.json:1:1: "
                        + "missing required key 'SubjectPart'"
                ])
        }
    }

    @Test func aTemplateFileWithAPartLoads() throws {
        try F.withFolder { folder in
            try #"{"Template": {"TemplateName": "html", "SubjectPart": "s", "HtmlPart": "<p>x</p>"}}"#.write(
                toFile: folder + "/html.json", atomically: true, encoding: .utf8)
            let scenario = try F.load(
                F.head + "templates:\n  - file: html.json\n", file: folder + "/test.yaml")
            #expect(scenario.templates.map(\.name) == ["html"])
        }
    }

    @Test func anInlineTemplateWithoutASubjectIsAMissingKey() {
        #expect(
            F.messages(F.head + "templates:\n  - { name: nosubject, text: x }\n") == [
                "test.yaml:5:5: templates[0]: missing required key 'subject' (the SubjectPart)"
            ])
    }

    @Test func anInlineTemplateWithoutASubjectStillHasItsPartsCompiled() {
        let messages = F.messages(F.head + "templates:\n  - { name: broken, text: \"{{#if}}\" }\n")
        #expect(messages.count == 2)
        #expect(
            messages.first == "test.yaml:5:5: templates[0]: missing required key 'subject' (the SubjectPart)")
        #expect(messages.last?.hasPrefix("test.yaml:5:27: templates[0].text: InvalidTemplate: ") == true)
    }

    @Test func anInlineTemplateWithNeitherPartNorSubjectSaysBoth() {
        #expect(
            F.messages(F.head + "templates:\n  - { name: empty }\n") == [
                "test.yaml:5:5: templates[0]: a template needs a text or an html part (or both)",
                "test.yaml:5:5: templates[0]: missing required key 'subject' (the SubjectPart)",
            ])
    }
}

extension TemplateBodyTests {
    /// As with audiences, a template the file defines with problems of its
    /// own is reported once, not again where a client names it.
    @Test func aClientNamingATemplateWithProblemsIsNotReportedAgain() {
        let messages = F.messages(
            F.head + """
                templates:
                  - { name: t, text: x }
                traffic:
                  - name: promo
                    api: SendTemplatedEmail
                    from: news@example.com
                    template: t
                    recipients: { list: [success@simulator.amazonses.com] }
                    schedule: { executor: once }
                """)
        #expect(messages == ["test.yaml:5:5: templates[0]: missing required key 'subject' (the SubjectPart)"])
        #expect(
            F.messages(
                F.head + "templates:\n  - { name: t, subject: s, text: x }\n"
                    + F.client(recipients: "{ list: [a@example.org] }").replacingOccurrences(
                        of: "api: SendEmail", with: "api: SendTemplatedEmail"
                    ).replacingOccurrences(of: "content: { subject: Hi, text: Hello }", with: "template: u"))
                == [
                    "test.yaml:10:15: traffic[0].template: no template named 'u' is defined (did you mean 't'?); defined: t"
                ])
    }
}
