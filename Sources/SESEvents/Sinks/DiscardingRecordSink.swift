/// A sink that only counts what it is given: for benchmarks, and for runs
/// that want a destination's counts without its file.
public final class DiscardingRecordSink: RecordSink {
    /// The number of lines written.
    public private(set) var lineCount = 0
    /// The number of bytes written, newlines included.
    public private(set) var byteCount = 0

    public init() {}

    public func write(_ line: UnsafeRawBufferPointer) {
        lineCount += 1
        byteCount += line.count
    }
}
