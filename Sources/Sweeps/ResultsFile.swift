import Foundation
import Runner
import SESSimulation
import ScenarioFormat

/// A sweep's `runs.jsonl`: read back when a sweep resumes or shards merge,
/// and appended to, one whole line per finished replication, as a sweep
/// runs.
///
/// A line is written with a single `write` of the line and its newline,
/// so a killed sweep leaves at most one torn last line — text after the
/// last newline — which ``read(path:repairing:)`` cuts off.
struct ResultsFile {
    /// What a results file held.
    struct Contents {
        var results: [ReplicationResult]
        /// The bytes of a torn last line, cut off (when repairing) or found.
        var tornBytes: Int
    }

    /// Reads the results at `path` (none when the file does not exist).
    /// With `repairing`, a torn last line is cut from the file; without,
    /// it is only counted.
    static func read(path: String, repairing: Bool) throws(SweepError) -> Contents {
        guard FileManager.default.fileExists(atPath: path) else { return Contents(results: [], tornBytes: 0) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SweepError("\(path): cannot read the file")
        }
        let bytes = [UInt8](data)
        let end = (bytes.lastIndex(of: 0x0A)).map { $0 + 1 } ?? 0
        let torn = bytes.count - end
        if torn > 0 && repairing {
            if truncate(path, off_t(end)) != 0 {
                throw SweepError(
                    "\(path): cannot cut off a torn last line: \(String(cString: strerror(errno)))")
            }
        }
        var results: [ReplicationResult] = []
        var lineNumber = 0
        for line in bytes[..<end].split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
            lineNumber += 1
            do {
                results.append(try ReplicationResult(line: String(decoding: line, as: UTF8.self)))
            } catch {
                throw SweepError("\(path):\(lineNumber): not a replication result: \(error.message)")
            }
        }
        return Contents(results: results, tornBytes: torn)
    }

    /// Appends whole lines to a results file.
    final class Appender {
        private let descriptor: Int32
        let path: String

        /// Opens `path` for appending, creating it if needed.
        init(path: String) throws(SweepError) {
            descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
            guard descriptor >= 0 else {
                throw SweepError("cannot open '\(path)': \(String(cString: strerror(errno)))")
            }
            self.path = path
        }

        /// Appends `line` and a newline in one write.
        func append(_ line: String) throws(SweepError) {
            let bytes = Array((line + "\n").utf8)
            var written = 0
            while written < bytes.count {
                let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw SweepError("cannot write '\(path)': \(String(cString: strerror(errno)))")
                }
                written += count
            }
        }

        deinit {
            close(descriptor)
        }
    }
}
