import Foundation
import SESTemplates
import Testing

@testable import sesim

@Suite("sesim render")
struct RenderCommandTests {
    static let template = EmailTemplate(
        name: "MyTemplate", subjectPart: "Greetings, {{name}}!",
        textPart: "Dear {{name}},\r\nYour favorite animal is {{favoriteanimal}}.")

    @Test func printsTheRenderedPartsTheTemplateHas() throws {
        let output = try RenderCommand.render(
            Self.template, data: Array(#"{"name":"Liu","favoriteanimal":"water buffalo"}"#.utf8),
            defaultData: nil)
        #expect(
            output
                == #"{"SubjectPart":"Greetings, Liu!","TextPart":"Dear Liu,\r\nYour favorite animal is water buffalo."}"#
        )
    }

    @Test func defaultDataIsMergedUnderTheData() throws {
        let output = try RenderCommand.render(
            Self.template, data: Array("{}".utf8),
            defaultData: Array(#"{ "name":"friend", "favoriteanimal":"unknown" }"#.utf8))
        #expect(
            output
                == #"{"SubjectPart":"Greetings, friend!","TextPart":"Dear friend,\r\nYour favorite animal is unknown."}"#
        )
    }

    @Test func aMissingAttributeIsTheSESError() {
        #expect(
            throws: TemplateError(
                .missingRenderingAttribute, "Attribute 'name' is not present in the rendering data.")
        ) {
            try RenderCommand.render(
                Self.template, data: Array(#"{"favoriteanimal":"yak"}"#.utf8), defaultData: nil)
        }
    }

    @Test func readsTheCreateTemplateInputOrTheBareObject() throws {
        let wrapped = #"{"Template":{"TemplateName":"T","SubjectPart":"s","HtmlPart":"<b>{{x}}</b>"}}"#
        let bare = #"{"TemplateName":"T","SubjectPart":"s","HtmlPart":"<b>{{x}}</b>"}"#
        let expected = EmailTemplate(name: "T", subjectPart: "s", htmlPart: "<b>{{x}}</b>")
        #expect(try RenderCommand.emailTemplate(from: Array(wrapped.utf8), path: "t.json") == expected)
        #expect(try RenderCommand.emailTemplate(from: Array(bare.utf8), path: "t.json") == expected)
        #expect(throws: (any Error).self) {
            try RenderCommand.emailTemplate(from: Array("[1]".utf8), path: "t.json")
        }
        #expect(throws: (any Error).self) { try RenderCommand.emailTemplate(from: [0xFF], path: "t.json") }
    }

    @Test func badArgumentsExitWithTwo() {
        for arguments in [
            ["render"], ["render", "--template", "t.json"],
            ["render", "--template", "t", "--data", "{}", "--data-file", "f"],
        ] {
            do {
                _ = try SesimCommand.parseAsRoot(arguments)
                Issue.record("\(arguments) was accepted")
            } catch {
                #expect(SesimCommand.processExitCode(for: error) == 2)
            }
        }
    }

    @Test func theBinaryExitsOneWithTheErrorNameOnStderr() throws {
        let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/sesim")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sesim-render-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("t.json")
        try Data(#"{"Template":{"TemplateName":"T","SubjectPart":"Hi {{name}}"}}"#.utf8).write(to: file)
        func run(_ arguments: [String]) throws -> (Int32, String, String) {
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            process.waitUntilExit()
            return (
                process.terminationStatus,
                String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            )
        }
        #expect(
            try run(["render", "--template", file.path, "--data", #"{"name":"Bo"}"#]) == (
                0, "{\"SubjectPart\":\"Hi Bo\"}\n", ""
            ))
        #expect(
            try run(["render", "--template", file.path, "--data", "{}"])
                == (
                    1, "",
                    "MissingRenderingAttribute: Attribute 'name' is not present in the rendering data.\n"
                ))
        #expect(
            try run([
                "render", "--template", directory.appendingPathComponent("none.json").path, "--data", "{}",
            ]).0 == 2)
    }
}
