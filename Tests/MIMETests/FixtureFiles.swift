import Foundation

@testable import MIME

/// The .eml fixtures beside this file (written by Fixtures/generate.py with
/// Python's `email` package, and by hand for the malformed ones).
enum FixtureFiles {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name + ".eml")))
    }

    static func message(_ name: String) throws -> MIMEMessage {
        try MIMEMessage(parsing: bytes(name))
    }

    /// Every fixture's name, sorted.
    static func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".eml") }.map { String($0.dropLast(4)) }.sorted()
    }
}

extension MIMEMessage {
    /// The message read from `text` (Swift string literal, `\n` line breaks).
    init(_ text: String) throws {
        try self.init(parsing: Array(text.utf8))
    }

    /// The value of the first field named `name`.
    func value(_ name: String, in part: Int = 0) -> String? {
        field(named: name, in: part).map { value(of: $0) }
    }

    /// The decoded body of `part` as UTF-8 text.
    func text(of part: Int) throws -> String {
        var bytes: [UInt8] = []
        try decodedBody(of: part, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The essences of the entities, in order.
    var essences: [String] { parts.map(\.mediaType.essence) }
}
