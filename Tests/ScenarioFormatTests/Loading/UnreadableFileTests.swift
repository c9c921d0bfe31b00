import ScenarioTesting
import SimJSON
import Testing

@testable import ScenarioFormat

@Suite("Loading: files that are not scenarios at all")
struct UnreadableFileTests {
    @Test func invalidYAMLIsReportedWithItsPosition() {
        let issues = ScenarioFixtures.issues(
            """
            name: demo
            start: 2026-03-01T09:00:00Z
            duration: [1h
            """)
        #expect(issues.count == 1)
        #expect(issues.first?.path == "")
        #expect(issues.first?.line == 4)
        #expect(issues.first?.description.hasPrefix("test.yaml:4:1: not valid YAML: ") == true)
    }

    @Test func emptyFileIsReported() {
        #expect(ScenarioFixtures.messages("") == ["test.yaml: the file is empty"])
        #expect(ScenarioFixtures.messages("# only a comment\n") == ["test.yaml: the file is empty"])
    }

    @Test func missingFileIsReportedWithoutAPosition() {
        let path = ScenarioFixtures.absentPath("missing.yaml")
        do {
            _ = try ScenarioLoader().load(file: path)
            Issue.record("a missing file loaded")
        } catch {
            #expect(error.issues.count == 1)
            #expect(error.issues.first?.line == 0)
            #expect(error.description.hasPrefix("\(path): cannot read the file: ") == true)
        }
    }

    @Test func topLevelListIsNotAScenario() {
        #expect(
            ScenarioFixtures.messages("- name: demo\n") == ["test.yaml:1:1: expected a mapping, found a list"]
        )
    }
}
