import Foundation
import ScenarioTesting
import SimJSON

@testable import ScenarioFormat

/// Scenario texts and helpers for the loader-fix tests.
enum LoaderFixFixtures {
    /// The three required top-level keys: lines 1 to 3 of every text below.
    static let head = """
        name: demo
        start: 2026-03-02T00:00:00Z
        duration: 1h

        """

    /// An audience of 100 members at lines 4 to 7.
    static let audience = """
        audiences:
          - name: subscribers
            size: 100
            providers: [{ domain: gmail.com, share: 1 }]

        """

    /// A SendEmail client whose `recipients` line (the sixth of the client) is `recipients`.
    static func client(recipients: String, schedule: String = "{ executor: once }") -> String {
        """
        traffic:
          - name: promo
            api: SendEmail
            from: news@example.com
            content: { subject: Hi, text: Hello }
            recipients: \(recipients)
            schedule: \(schedule)

        """
    }

    /// The problems the loader reports for `text`, as printed; empty when it loads.
    static func messages(_ text: String, file: String = "test.yaml") -> [String] {
        do {
            _ = try ScenarioLoader().load(text: text, file: file)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    /// The scenario `text` describes, or the printed problems as the error.
    static func load(_ text: String, file: String = "test.yaml") throws -> Scenario {
        try ScenarioLoader().load(text: text, file: file)
    }

    /// A fresh folder for template files, removed by `body`'s caller.
    static func withFolder<T>(_ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sesim-loader-fixes-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder.path)
    }
}
