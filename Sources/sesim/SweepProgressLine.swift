import Foundation
import Sweeps

/// The progress line of a sweep or comparison, on standard error when it is
/// a terminal: replications done, the rate, failing runs and the time left.
final class SweepProgressLine {
    private let jobs: Int
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private var drawn = false
    private var startedAt: Int?

    init(jobs: Int) {
        self.jobs = jobs
    }

    func update(_ progress: SweepProgress) {
        update(
            done: progress.done, total: progress.total, resumed: progress.resumed, failing: progress.failing)
    }

    func update(done: Int, total: Int, resumed: Int, failing: Int?) {
        guard Terminal.standardErrorIsTerminal else { return }
        if startedAt == nil { startedAt = done }
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.2 || done == total else { return }
        lastDrawn = now
        let elapsed = max(now.timeIntervalSince(started), 1e-3)
        let rate = Double(done - (startedAt ?? 0)) / elapsed
        var line = "\r  \(done)/\(total) runs"
        if resumed > 0 { line += " (\(resumed) resumed)" }
        line += ", \(jobs) job\(jobs == 1 ? "" : "s"), \(String(format: "%.1f", rate))/s"
        if let failing, failing > 0 { line += ", \(failing) failing an expectation" }
        if rate > 0 && done < total {
            line += ", about \(Int((Double(total - done) / rate).rounded(.up)))s left"
        }
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
        drawn = true
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
