import Foundation
import Runner

/// The progress line of a long run, on standard error when it is a terminal:
/// simulated time done and events per second of wall time.
final class ProgressLine {
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private var drawn = false

    func update(_ progress: RunProgress) {
        guard Terminal.standardErrorIsTerminal else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.2 || progress.fractionDone >= 1 else { return }
        lastDrawn = now
        let elapsed = max(now.timeIntervalSince(started), 1e-3)
        let rate = Double(progress.eventsProcessed) / elapsed
        let percent = Int((progress.fractionDone * 100).rounded(.down))
        let line =
            "\r  \(percent)% of simulated time, \(progress.eventsProcessed) events, \(Int(rate)) events/s\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
