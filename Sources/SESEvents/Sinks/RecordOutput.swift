/// One output stream of a run's event publishing, named so that the caller
/// can open a sink for it (see ``RecordSink``).
///
/// Several destinations naming the same Firehose stream, SNS topic or
/// EventBridge bus share one output, as they would share the real resource.
public struct RecordOutput: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// What the output carries.
    public enum Kind: Int, Hashable, Sendable, Comparable {
        /// Firehose records: one event record per line.
        case firehose
        /// SNS notifications wrapping event records, one per line.
        case sns
        /// EventBridge events wrapping event records, one per line.
        case eventBridge
        /// CloudWatch Embedded Metric Format lines.
        case metrics

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// What the output carries.
    public var kind: Kind
    /// The stream, topic or bus name (`metrics` for the metrics output).
    public var name: String

    /// An output of `kind` named `name`.
    public init(kind: Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    /// The metrics output, `metrics.jsonl`.
    public static var metrics: RecordOutput { RecordOutput(kind: .metrics, name: "metrics") }

    /// The file the output belongs in: `firehose-<stream>.jsonl`,
    /// `sns-<topic>.jsonl`, `eventbridge-<bus>.jsonl` or `metrics.jsonl`.
    /// Characters other than `[A-Za-z0-9._-]` in the name become `_`.
    public var fileName: String {
        let prefix: String
        switch kind {
        case .firehose: prefix = "firehose-"
        case .sns: prefix = "sns-"
        case .eventBridge: prefix = "eventbridge-"
        case .metrics: return "metrics.jsonl"
        }
        let safe = String(
            decoding: name.utf8.map { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"),
                    UInt8(ascii: "-"):
                    byte
                default: UInt8(ascii: "_")
                }
            }, as: UTF8.self)
        return prefix + safe + ".jsonl"
    }

    public var description: String { fileName }

    public static func < (lhs: RecordOutput, rhs: RecordOutput) -> Bool {
        (lhs.kind, lhs.name) < (rhs.kind, rhs.name)
    }
}
