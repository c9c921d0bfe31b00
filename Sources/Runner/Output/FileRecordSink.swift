import SESEvents
import SESSimulation
import ScenarioFormat

/// A record sink that streams each line to a run output file (written under
/// a temporary name and renamed into place when the run completes).
package final class FileRecordSink: RecordSink {
    let name: String
    private let file: StreamingFile

    init(name: String, file: StreamingFile) {
        self.name = name
        self.file = file
    }

    package func write(_ line: UnsafeRawBufferPointer) {
        file.write(line)
    }

    /// Flushes and closes the file (reporting a write failure).
    func close() throws(OutputError) {
        try file.close()
    }
}
