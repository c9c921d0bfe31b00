import Foundation
import SimJSON

/// botocore's SES v2 service model (`sesv2/2019-09-27/service-2.json.gz`),
/// read from the installed botocore through `python3`; nil when either is
/// missing (the tests that need it are then skipped, saying so).
enum BotocoreModel {
    static let sesv2: JSONValue? = load(service: "sesv2", version: "2019-09-27")
    /// The SES v1 model (`ses/2010-12-01`).
    static let ses: JSONValue? = load(service: "ses", version: "2010-12-01")

    static func load(service: String, version: String) -> JSONValue? {
        let script = """
            import botocore, gzip, os, sys
            path = os.path.join(os.path.dirname(botocore.__file__), 'data', '\(service)', '\(version)', 'service-2.json.gz')
            sys.stdout.write(gzip.open(path).read().decode('utf-8'))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return try? JSONParser.parse(bytes: Array(data))
    }

    /// The operation `name` of the model.
    static func operation(_ name: String) -> JSONValue? { sesv2?["operations"]?[name] }

    /// The shape `name`.
    static func shape(_ name: String) -> JSONValue? { sesv2?["shapes"]?[name] }

    /// The members of structure `name`, by member name.
    static func members(of name: String) -> [String: JSONValue] {
        if case .object(let members)? = shape(name)?["members"] { return members }
        return [:]
    }

    /// The required members of structure `name`.
    static func required(of name: String) -> [String] {
        shape(name)?["required"]?.arrayValue.compactMap(\.stringValue) ?? []
    }

    /// Where `value` departs from shape `name`: members the shape does not
    /// have, required members missing, wrong kinds; empty when it conforms.
    static func problems(_ value: JSONValue, shape name: String, path: String = "") -> [String] {
        guard let shape = shape(name), let type = shape["type"]?.stringValue else {
            return ["\(path): no shape \(name)"]
        }
        switch (type, value) {
        case ("structure", .object(let members)):
            var problems: [String] = []
            let declared = self.members(of: name)
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                guard let target = declared[key]?["shape"]?.stringValue else {
                    problems.append("\(path).\(key): not a member of \(name)")
                    continue
                }
                problems += self.problems(member, shape: target, path: "\(path).\(key)")
            }
            for key in required(of: name) where members[key] == nil {
                problems.append("\(path).\(key): required by \(name), missing")
            }
            return problems
        case ("list", .array(let items)):
            guard let member = shape["member"]?["shape"]?.stringValue else { return [] }
            return items.enumerated().flatMap { problems($1, shape: member, path: "\(path)[\($0)]") }
        case ("map", .object):
            return []
        case ("string", .string(let text)):
            if let allowed = shape["enum"]?.arrayValue.compactMap(\.stringValue), !allowed.contains(text) {
                return ["\(path): '\(text)' is not one of \(name)'s values"]
            }
            return []
        case ("boolean", .bool), ("integer", .integer), ("long", .integer), ("double", .number),
            ("double", .integer), ("timestamp", .number), ("timestamp", .integer), ("blob", .string):
            return []
        default:
            return ["\(path): a \(type) (\(name)) expected, found \(value.serialized())"]
        }
    }
}
