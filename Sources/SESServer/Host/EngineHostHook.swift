import SESEvents
import SESModel
import SESSimulation
import ScenarioFormat
import SimCore

/// Something that runs beside the engine in `sesim serve` and must follow
/// it: SNS delivery over HTTP, Prometheus metrics, the SMTP listener's
/// bookkeeping. Hooks are given to ``EngineHost`` when it is made; each is
/// called on the host's actor, in the order given.
///
/// Every method has a default that does nothing, so a hook implements only
/// what it needs.
public protocol EngineHostHook: Sendable {
    /// A new engine was built (at the start, and after a reset): subscribe
    /// what must receive its events and message records. Called before
    /// anything happens in it.
    func engineDidStart(_ engine: SimulationEngine, scenario: Scenario)

    /// The sink of a record output (a Firehose stream, an SNS topic, an
    /// EventBridge bus, the metrics): return `standard` (the file the output
    /// goes to, or a discarding sink) or a sink that also forwards to it.
    func sink(for output: RecordOutput, standard: any RecordSink) -> any RecordSink

    /// The clock moved to `now` and every event due by `now` has run. In
    /// manual mode the admin call that moved it answers only once every
    /// hook has returned: work due by `now` (an SNS delivery) is done here.
    func clockDidMove(to now: SimTime, host: isolated EngineHost) async

    /// A call from outside was performed at the current instant.
    func didPerform(_ request: SESRequest, result: Result<SESResponse, SESError>, host: isolated EngineHost)
}

extension EngineHostHook {
    public func engineDidStart(_ engine: SimulationEngine, scenario: Scenario) {}
    public func sink(for output: RecordOutput, standard: any RecordSink) -> any RecordSink { standard }
    public func clockDidMove(to now: SimTime, host: isolated EngineHost) async {}
    public func didPerform(
        _ request: SESRequest, result: Result<SESResponse, SESError>, host: isolated EngineHost
    ) {}
}
