import Foundation
import SimJSON

/// botocore's SES v1 service model (`ses/2010-12-01/service-2.json.gz`),
/// read from the installed botocore through `python3`; nil when either is
/// missing (the tests that need it are then skipped, saying so).
enum BotocoreSES {
    static let model: JSONValue? = {
        let script = """
            import botocore, gzip, os, sys
            path = os.path.join(os.path.dirname(botocore.__file__), 'data', 'ses', '2010-12-01', 'service-2.json.gz')
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
    }()

    static func operation(_ name: String) -> JSONValue? { model?["operations"]?[name] }
    static func shape(_ name: String) -> JSONValue? { model?["shapes"]?[name] }

    static func text(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    static func texts(_ value: JSONValue?) -> [String] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap { text($0) }
    }
}
