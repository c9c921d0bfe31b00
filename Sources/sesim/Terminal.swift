import Foundation

/// The process's standard error, for errors and the progress line.
enum Terminal {
    /// Writes `message` and a newline to standard error.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Writes `line` and a newline to standard output and flushes it at
    /// once (a script may be waiting for it).
    static func printFlushed(_ line: String) {
        print(line)
        fflush(nil)
    }

    /// Whether standard error is a terminal (the progress line shows only then).
    static var standardErrorIsTerminal: Bool { isatty(2) != 0 }
}
