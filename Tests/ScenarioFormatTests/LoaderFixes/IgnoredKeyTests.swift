import Foundation
import ScenarioTesting
import SimJSON
import Testing

@testable import ScenarioFormat

/// Keys the loader used to accept and then ignore: each now works as the
/// reference says, or is an error.
@Suite("Loader fixes: keys that were silently ignored")
struct IgnoredKeyTests {
    typealias F = LoaderFixFixtures

    /// A SendTemplatedEmail client whose `templateData` is `fields` (lines 11 on).
    static func templated(_ fields: String) -> String {
        F.head + """
            templates: [{ name: t, subject: s, text: x }]
            traffic:
              - name: promo
                api: SendTemplatedEmail
                from: news@example.com
                template: t
                templateData:
            \(fields)
                recipients: { list: [success@simulator.amazonses.com] }
                schedule: { executor: once }

            """
    }

    @Test func otherwiseInAGeneratorIsAnUnknownKey() {
        #expect(
            F.messages(Self.templated("      a: { fixed: x, otherwise: y }")) == [
                "test.yaml:11:22: traffic[0].templateData.a.otherwise: unknown key 'otherwise'; "
                    + "expected one of fixed, oneOf, sequence, missing"
            ])
    }

    @Test func fixedNullIsTheJSONValueNull() throws {
        let scenario = try F.load(
            Self.templated(
                """
                      a: { fixed: ~ }
                      b: { fixed: null, missing: 0.5 }
                      c: ~
                """))
        let fields = try #require(scenario.traffic.first?.templateData)
        #expect(fields.map(\.name) == ["a", "b", "c"])
        #expect(fields[0].generator == .fixed("null"))
        #expect(fields[1].generator == .sometimesMissing(probability: 0.5, otherwise: .fixed("null")))
        #expect(fields[2].generator == .fixed("null"))
    }

    @Test func aNullOneOfOrSequenceIsNoGenerator() {
        #expect(
            F.messages(Self.templated("      a: { oneOf: ~ }\n      b: { sequence: null, missing: 0.1 }"))
                == [
                    "test.yaml:11:10: traffic[0].templateData.a: a template data generator is exactly one of "
                        + "fixed, oneOf, sequence",
                    "test.yaml:12:10: traffic[0].templateData.b: a template data generator is exactly one of "
                        + "fixed, oneOf, sequence",
                ])
    }

    @Test func completesWithinOnAMetricExpectationIsAnError() {
        #expect(
            F.messages(F.head + "expect:\n  - { metric: events.send, equals: 1, completesWithin: 1h }\n") == [
                "test.yaml:5:56: expect[0].completesWithin: 'completesWithin' does not apply to a metric "
                    + "expectation; it goes with 'campaign', as in { campaign: NAME, completesWithin: 6h }"
            ])
    }

    @Test func anActionsTemplateFileWithANameIsAnErrorAsAtTheTopLevel() throws {
        try F.withFolder { folder in
            try #"{"Template": {"TemplateName": "t", "SubjectPart": "s", "TextPart": "x"}}"#.write(
                toFile: folder + "/t.json", atomically: true, encoding: .utf8)
            let file = folder + "/test.yaml"
            let messages = F.messages(
                F.head + """
                    templates:
                      - { file: t.json, name: other }
                    actions:
                      - at: +1m
                        call: UpdateTemplate
                        template: { file: t.json, name: other }
                      - { at: +2m, call: CreateTemplate, template: { file: t.json, subject: s } }
                    """, file: file)
            #expect(
                messages == [
                    "\(file):5:5: templates[0]: a template is given either by 'file' or by name, subject, text "
                        + "and html, not both",
                    "\(file):9:15: actions[0].template: a template is given either by 'file' or by name, "
                        + "subject, text and html, not both",
                    "\(file):10:48: actions[1].template: a template is given either by 'file' or by name, "
                        + "subject, text and html, not both",
                ])
        }
    }
}
