/// Where a stream of published lines goes: one Firehose delivery stream, one
/// SNS topic, one EventBridge bus, or the metrics file.
///
/// SESEvents does no file I/O (nothing below Scenarios reads or writes
/// files); the run's caller supplies sinks, typically streaming each line to
/// its file as it comes. Writing a line is one call with a byte buffer, and
/// the publisher never holds more than the record in hand, so a run's events
/// are never all in memory.
public protocol RecordSink: AnyObject {
    /// Takes one line: a complete JSON document followed by `\n`.
    ///
    /// `line` points into the publisher's reused buffer and is valid only
    /// during the call: copy the bytes if they must outlive it. A sink that can fail (a full disk) should remember
    /// its first error and report it when the caller closes it; publishing
    /// itself does not stop.
    func write(_ line: UnsafeRawBufferPointer)
}
