import Runner
import SESSimulation
import ScenarioFormat

/// A sweep, merge or comparison that cannot go ahead: bad arguments, an
/// invalid scenario, results that do not belong together, a failed write.
/// Commands print ``message`` and exit with status 2.
public struct SweepError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
