import Foundation
import SESSimulation
import ScenarioFormat

/// A folder of run outputs, each file written under a temporary name and
/// renamed into place only when complete: an interrupted or failed run
/// leaves no half-written file behind.
public final class OutputDirectory {
    /// The folder.
    public let path: String
    private var partialFiles: [String] = []
    /// The names of the files written so far, in the order they were completed.
    public private(set) var completedFiles: [String] = []

    /// Opens (creating it and its parents if needed) the folder at `path`.
    public init(path: String) throws(OutputError) {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OutputError(
                message: "cannot create the output folder '\(path)': \(error.localizedDescription)")
        }
    }

    /// The temporary path `name` is written to before it is complete.
    func partialPath(for name: String) -> String {
        (path as NSString).appendingPathComponent(".\(name).partial")
    }

    /// The final path of `name`.
    public func finalPath(for name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    /// Writes `contents` to `name` atomically.
    public func write(_ contents: String, to name: String) throws(OutputError) {
        let partial = partialPath(for: name)
        partialFiles.append(partial)
        guard FileManager.default.createFile(atPath: partial, contents: Data(contents.utf8)) else {
            throw OutputError(message: "cannot write '\(partial)'")
        }
        try commit(name)
    }

    /// Opens a file that is written bit by bit during the run; call
    /// ``commit(_:)`` when it is complete.
    func openStreamingFile(_ name: String) throws(OutputError) -> StreamingFile {
        let partial = partialPath(for: name)
        partialFiles.append(partial)
        return try StreamingFile(path: partial)
    }

    /// Renames the completed file `name` into place.
    func commit(_ name: String) throws(OutputError) {
        let partial = partialPath(for: name)
        let final = finalPath(for: name)
        if rename(partial, final) != 0 {
            throw OutputError(
                message: "cannot rename '\(partial)' to '\(final)': \(String(cString: strerror(errno)))")
        }
        partialFiles.removeAll { $0 == partial }
        completedFiles.append(name)
    }

    /// Deletes every file not yet committed (after a failure).
    public func discardPartialFiles() {
        for partial in partialFiles { unlink(partial) }
        partialFiles.removeAll()
    }
}

/// A file appended to as the run goes, through a buffer.
final class StreamingFile {
    private let handle: UnsafeMutablePointer<FILE>
    let path: String
    private var closed = false

    init(path: String) throws(OutputError) {
        guard let handle = fopen(path, "wb") else {
            throw OutputError(message: "cannot create '\(path)': \(String(cString: strerror(errno)))")
        }
        self.handle = handle
        self.path = path
        setvbuf(handle, nil, _IOFBF, 1 << 20)
    }

    /// Appends `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) {
        guard !closed, let base = bytes.baseAddress, bytes.count > 0 else { return }
        fwrite(base, 1, bytes.count, handle)
    }

    /// Appends `bytes`.
    func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }

    /// Flushes and closes; reports a write failure (a full disk) here.
    func close() throws(OutputError) {
        guard !closed else { return }
        closed = true
        let failed = ferror(handle) != 0
        if fclose(handle) != 0 || failed {
            throw OutputError(message: "cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
    }

    deinit {
        if !closed { fclose(handle) }
    }
}

/// An output that could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
