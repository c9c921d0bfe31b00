/// A sink that keeps every line in memory: for tests and small runs.
public final class InMemoryRecordSink: RecordSink {
    /// Every byte written, lines included with their newlines.
    public private(set) var bytes: [UInt8] = []
    /// The number of lines written.
    public private(set) var lineCount = 0

    public init() {}

    public func write(_ line: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: line)
        lineCount += 1
    }

    /// The lines written, without their newlines.
    public var lines: [String] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    /// Everything written, as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
