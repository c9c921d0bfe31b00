/// A sink that only counts what it is given: for benchmarks, and for runs
/// that want a destination's counts without its file.
///
/// The counters skip Swift's dynamic exclusivity checks (two runtime calls a
/// line, a third of the sink's cost in the fan-out benchmark): they are only
/// ever read, or incremented inside ``write(_:)``, never held across a call.
public final class DiscardingRecordSink: RecordSink {
    /// The number of lines written.
    @exclusivity(unchecked) public private(set) var lineCount = 0
    /// The number of bytes written, newlines included.
    @exclusivity(unchecked) public private(set) var byteCount = 0

    public init() {}

    public func write(_ line: UnsafeRawBufferPointer) {
        lineCount += 1
        byteCount += line.count
    }
}
