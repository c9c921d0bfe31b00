import SESEvents
import SESModel

/// Something that receives what a simulation publishes, as it happens: each
/// event record, in publish order, and each reputation sample.
///
/// The file outputs, `events.jsonl`, the CloudWatch metrics and the event
/// digest are subscribers; so is `sesim serve`'s record of what happened.
/// A subscriber is called on the simulation's thread, in order, and must not
/// call back into the simulation.
public protocol SimulationSubscriber: AnyObject {
    /// Events published since the last call, in publish order (never empty).
    func receive(_ events: [SESEvent])
    /// A reputation sample (the account's or a configuration set's).
    func receive(_ sample: ReputationSample)
    /// Messages accepted and content delivered since the last call, in
    /// order (never empty); only from an engine that records messages
    /// (``SimulationEngine/init(scenario:makeSink:checksInvariants:recordsMessages:)``).
    func receive(_ messages: [MessageRecord])
    /// The run is over: write what is buffered and close outputs. Called once,
    /// by ``SimulationEngine/finish()``, in subscription order.
    func finish() throws
}

extension SimulationSubscriber {
    public func receive(_ sample: ReputationSample) {}
    public func receive(_ messages: [MessageRecord]) {}
    public func finish() throws {}
}

/// The event publisher as a subscriber: configuration sets' destinations,
/// CloudWatch metrics (reputation metrics included) and the digest.
extension EventPublisher: SimulationSubscriber {
    public func receive(_ events: [SESEvent]) {
        publish(contentsOf: events)
    }

    public func receive(_ sample: ReputationSample) {
        publishReputationMetrics(
            bounceRate: sample.rates.bounceRate, complaintRate: sample.rates.complaintRate,
            configurationSet: sample.configurationSet, at: sample.time)
    }
}

/// `events.jsonl`: every event, as SES publishes it to Firehose.
extension EventsFileWriter: SimulationSubscriber {
    public func receive(_ events: [SESEvent]) {
        for event in events { write(event) }
    }
}
