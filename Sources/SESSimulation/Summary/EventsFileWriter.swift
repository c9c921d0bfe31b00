import SESEvents

/// Writes every event of a run to `events.jsonl`, one record per line, in the
/// form SES publishes to Firehose (`sesim run --events`).
///
/// A class: it owns the reused serialisation buffer, which cannot be copied.
public final class EventsFileWriter {
    private let serializer: EventRecordSerializer
    private var buffer = OutputBuffer(capacity: 4_096)
    let sink: any RecordSink

    /// A writer of records to `sink`, with the run's serialiser.
    public init(serializer: EventRecordSerializer, sink: any RecordSink) {
        self.serializer = serializer
        self.sink = sink
    }

    func write(_ event: SESEvent) {
        buffer.removeAll()
        serializer.append(event, to: &buffer)
        buffer.append(UInt8(ascii: "\n"))
        buffer.withUnsafeBytes { sink.write($0) }
    }
}
