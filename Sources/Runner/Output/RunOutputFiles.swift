import SESEvents
import SESSimulation
import ScenarioFormat

/// The files a run streams while it goes — the destinations' records,
/// `metrics.jsonl` and, with `--events`, `events.jsonl` — as a subscriber of
/// the engine: when the run finishes it closes each file and renames it into
/// place. `sesim serve` streams the same files.
package final class RunOutputFiles: SimulationSubscriber {
    private let directory: OutputDirectory
    private var sinks: [FileRecordSink] = []

    package init(directory: OutputDirectory) {
        self.directory = directory
    }

    /// A new streaming file for `output`.
    package func makeSink(for output: RecordOutput) throws -> any RecordSink {
        try makeSink(named: output.fileName)
    }

    /// A new streaming file named `name`.
    package func makeSink(named name: String) throws -> FileRecordSink {
        let sink = FileRecordSink(name: name, file: try directory.openStreamingFile(name))
        sinks.append(sink)
        return sink
    }

    package func receive(_ events: [SESEvent]) {}

    package func finish() throws {
        for sink in sinks {
            try sink.close()
            try directory.commit(sink.name)
        }
    }
}
