import Foundation
import SimCore
import Sweeps

/// The progress line of a sweep or comparison, on standard error when it is
/// a terminal: replications done, replications a second, failing runs and
/// the time left.
final class SweepProgressLine {
    private let jobs: Int
    private let unit: String
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private var drawn = false
    private var startedAt: Int?

    /// `unit` names what is counted: "replications", or "runs" for a comparison.
    init(jobs: Int, unit: String = "replications") {
        self.jobs = jobs
        self.unit = unit
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
        let line = Self.text(
            done: done, total: total, resumed: resumed, failing: failing, jobs: jobs, unit: unit,
            rate: Double(done - (startedAt ?? 0)) / elapsed)
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
        drawn = true
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// The line's text: `done` of `total` (`resumed` of them found from an
    /// earlier run), the job count, `rate` in `unit` a second (of wall time,
    /// counting only what ran now), `failing` runs and, while some remain,
    /// the time left at that rate.
    static func text(
        done: Int, total: Int, resumed: Int, failing: Int?, jobs: Int, unit: String, rate: Double
    ) -> String {
        var line = "  \(done)/\(total) \(unit)"
        if resumed > 0 { line += " (\(resumed) resumed)" }
        line += ", \(jobs) job\(jobs == 1 ? "" : "s"), \(String(format: "%.1f", rate)) \(unit)/s"
        if let failing, failing > 0 { line += ", \(failing) failing an expectation" }
        if rate > 0 && done < total {
            let seconds = (Double(total - done) / rate).rounded(.up)
            line += ", about \(SimDuration(seconds: seconds).approximateDescription) left"
        }
        return line
    }
}
