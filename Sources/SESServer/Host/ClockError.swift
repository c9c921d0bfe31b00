/// Why the clock could not move as asked.
public struct ClockError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The clock would move backwards (HTTP 400).
        case backwards
        /// The clock would pass the scenario's end (HTTP 409).
        case pastEnd
        /// The run has ended.
        case finished
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
