import SESModel
import ScenarioFormat

/// Everything that can happen in a run, as small values on the event queue.
enum RunEvent: Sendable {
    /// Something the simulated SES scheduled for itself.
    case service(ServiceEvent)
    /// A campaign occurrence of a client begins.
    case campaignStart(client: Int, occurrence: Int)
    /// A client's next paced or arriving call for fresh recipients.
    case call(client: Int, occurrence: Int)
    /// A client retries a batch of throttled destinations.
    case retry(client: Int, slot: Int)
    /// An action (API call) of the scenario.
    case action(Int)
    /// The end of a timeline interval.
    case timelineTick
    /// A timed expectation takes its reading.
    case snapshot(expectation: Int)
}
