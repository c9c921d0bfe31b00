import Foundation

// The sesim side of `Benchmarks/peers/run.sh`: the same workloads as hold_simpy.py
// and render_python.py, one JSON object per line on standard output.
//
//   Peers hold --pending 10000 --events 1000000 [--repetitions 1]
//   Peers render --templates DIR --work DIR --renders 10000 [--repetitions 1]
//         [--write-renderings FILE]

func option(_ name: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: "--\(name)"), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func integer(_ name: String, _ fallback: Int, in arguments: [String]) -> Int {
    option(name, in: arguments).flatMap { Int($0.replacingOccurrences(of: "_", with: "")) } ?? fallback
}

func emit(_ fields: KeyValuePairs<String, Any>) {
    let members = fields.map { key, value -> String in
        let text: String
        switch value {
        case let string as String: text = "\"\(string)\""
        case let double as Double: text = String(double)
        default: text = "\(value)"
        }
        return "\"\(key)\":\(text)"
    }
    print("{" + members.joined(separator: ",") + "}")
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("Peers: \(message)\n".utf8))
    exit(2)
}

let arguments = Array(CommandLine.arguments.dropFirst())
let repetitions = integer("repetitions", 1, in: arguments)

switch arguments.first {
case "hold":
    let pending = integer("pending", 10_000, in: arguments)
    let events = integer("events", 1_000_000, in: arguments)
    for _ in 0..<repetitions {
        let (seconds, handled) = HoldWorkload.run(pending: pending, events: events)
        precondition(handled == events)
        emit([
            "side": "sesim", "workload": "hold", "pending": pending, "events": events, "seconds": seconds,
            "rate": Double(events) / seconds,
        ])
    }
case "render":
    guard let templates = option("templates", in: arguments), let work = option("work", in: arguments) else {
        fail("render needs --templates DIR and --work DIR")
    }
    let renders = integer("renders", 10_000, in: arguments)
    do {
        let workload = try RenderWorkload(templates: templates, workDirectory: work)
        if let path = option("write-renderings", in: arguments) { try workload.writeRenderings(to: path) }
        for _ in 0..<repetitions {
            let (seconds, bytes) = try workload.renderOnly(renders: renders)
            emit([
                "side": "sesim", "workload": "render", "rows": workload.rows.count, "renders": renders,
                "bytes": bytes, "seconds": seconds, "rate": Double(renders) / seconds,
            ])
            let (parseSeconds, parseBytes) = try workload.parseMergeRender(renders: renders)
            emit([
                "side": "sesim", "workload": "parse+render", "rows": workload.rows.count, "renders": renders,
                "bytes": parseBytes, "seconds": parseSeconds, "rate": Double(renders) / parseSeconds,
            ])
        }
    } catch {
        fail("\(error)")
    }
default:
    fail("usage: Peers hold|render [options]")
}
