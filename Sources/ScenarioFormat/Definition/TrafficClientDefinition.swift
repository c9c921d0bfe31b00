import SESEvents
import SESModel
import SimCore
import SimJSON

/// A traffic client: who sends what to whom, when, and what it does when SES
/// throttles it. This is the load-test harness.
public struct TrafficClientDefinition: Hashable, Sendable {
    /// The client's name, unique in the scenario.
    public var name: String
    /// The SES API it calls.
    public var api: SendOperation
    /// The `Source` of every message; empty for a `SendRawEmail` client that
    /// lets SES take it from the message's From header.
    public var source: String
    /// The configuration set it names, if any.
    public var configurationSet: String?
    /// The template, for the templated APIs.
    public var template: String?
    /// The content, for `SendEmail`.
    public var content: SimpleContent?
    /// The message, for `SendRawEmail`.
    public var rawMessage: RawMessageDefinition? = nil
    /// Destinations per `SendBulkTemplatedEmail` call (1 to 50).
    public var destinationsPerCall: Int
    /// To addresses per message (1 to 50).
    public var recipientsPerMessage: Int
    /// Message tags (bulk: the call's default tags).
    public var tags: [NameValue]
    /// Template data shared by every recipient (JSON object text); for bulk
    /// calls it is the call's `DefaultTemplateData`.
    public var defaultTemplateData: JSONObjectText?
    /// Per-recipient template data fields.
    public var templateData: [TemplateDataField]
    /// Who receives the messages.
    public var recipients: RecipientSource
    /// When the client calls.
    public var schedule: Schedule
    /// What it does when throttled.
    public var retry: RetryPolicy
}

/// Where a client's recipients come from.
public enum RecipientSource: Hashable, Sendable {
    /// An explicit list of addresses.
    case list([String])
    /// Members `from ..< from + count` of the audience with index `audience`.
    case audience(name: String, from: Int, count: Int?)
}

/// One per-recipient template data field and how its value is made.
public struct TemplateDataField: Hashable, Sendable {
    public var name: String
    public var generator: TemplateDataGenerator

    public init(name: String, generator: TemplateDataGenerator) {
        self.name = name
        self.generator = generator
    }
}

/// How a per-recipient template value is made from the recipient's index.
public indirect enum TemplateDataGenerator: Hashable, Sendable {
    /// The same JSON value for everyone (JSON text).
    case fixed(String)
    /// One of the listed JSON values, drawn per recipient (keyed, reproducible).
    case oneOf([String])
    /// A string with `{index}` replaced by the recipient's index.
    case sequence(String)
    /// Left out for a share of recipients (so that rendering fails for
    /// them), otherwise the wrapped generator's value.
    case sometimesMissing(probability: Double, otherwise: TemplateDataGenerator)
}

/// When a client makes its calls, in the manner of k6's executors.
public enum Schedule: Hashable, Sendable {
    /// One campaign to every recipient, starting at `start`, paced at
    /// `callRate` calls per second (nil: every call at `start`).
    case once(start: SimTime, callRate: Double?)
    /// The campaign repeated every `every`, `times` times.
    case repeating(start: SimTime, every: SimDuration, times: Int, callRate: Double?)
    /// Calls arriving at `rate` per `timeUnit` for `duration`, each to the
    /// next recipients (cycling through them).
    case constantArrivalRate(
        start: SimTime, rate: Double, timeUnit: SimDuration, duration: SimDuration, arrivals: ArrivalProcess)
    /// Calls arriving at a rate that moves linearly through `stages`.
    case rampingArrivalRate(
        start: SimTime, startRate: Double, timeUnit: SimDuration, stages: [RampStage],
        arrivals: ArrivalProcess)

    /// The instant the schedule begins.
    public var start: SimTime {
        switch self {
        case .once(let start, _), .repeating(let start, _, _, _), .constantArrivalRate(let start, _, _, _, _),
            .rampingArrivalRate(let start, _, _, _, _):
            start
        }
    }
}

/// How arrivals are spaced.
public enum ArrivalProcess: String, Hashable, Sendable, CaseIterable {
    /// Evenly, as k6 does.
    case uniform
    /// As a Poisson process: exponential gaps from the client's seeded stream.
    case poisson
}

/// One stage of a ramping arrival rate: move to `target` over `duration`.
public struct RampStage: Hashable, Sendable {
    public var target: Double
    public var duration: SimDuration

    public init(target: Double, duration: SimDuration) {
        self.target = target
        self.duration = duration
    }
}

/// A client's policy on `Throttling` (and, in bulk answers, on
/// `AccountThrottled` and `AccountDailyQuotaExceeded` entries).
public struct RetryPolicy: Hashable, Sendable {
    /// Attempts per recipient, the first included; 1 means give up at once.
    public var maxAttempts: Int
    /// The wait before the first retry.
    public var backoff: SimDuration
    /// The longest wait.
    public var maxBackoff: SimDuration
    /// The factor by which the wait grows after each retry.
    public var multiplier: Double
    /// How the wait is randomised.
    public var jitter: Jitter
    /// Whether the client, once throttled, holds every call until the next
    /// whole second (AWS's advice for rate errors).
    public var pauseRestOfSecond: Bool

    /// How a backoff wait is randomised (AWS's "exponential backoff and jitter").
    public enum Jitter: String, Hashable, Sendable, CaseIterable {
        /// The computed wait exactly.
        case none
        /// Uniform between zero and the computed wait.
        case full
        /// Half the computed wait plus a uniform share of the other half.
        case equal
    }

    /// No retries: a throttled recipient is dropped.
    public static let giveUp = RetryPolicy(
        maxAttempts: 1, backoff: .seconds(1), maxBackoff: .minutes(1), multiplier: 2, jitter: .full,
        pauseRestOfSecond: false)

    public init(
        maxAttempts: Int, backoff: SimDuration, maxBackoff: SimDuration, multiplier: Double, jitter: Jitter,
        pauseRestOfSecond: Bool
    ) {
        self.maxAttempts = maxAttempts
        self.backoff = backoff
        self.maxBackoff = maxBackoff
        self.multiplier = multiplier
        self.jitter = jitter
        self.pauseRestOfSecond = pauseRestOfSecond
    }

    /// The wait before retry number `retry` (1 for the first retry), given a
    /// uniform draw in [0, 1) for the jitter.
    public func delay(beforeRetry retry: Int, uniform: Double) -> SimDuration {
        var seconds = backoff.seconds
        for _ in 1..<max(1, retry) { seconds *= multiplier }
        seconds = min(seconds, maxBackoff.seconds)
        switch jitter {
        case .none: break
        case .full: seconds *= uniform
        case .equal: seconds = seconds / 2 + seconds / 2 * uniform
        }
        return SimDuration(seconds: seconds)
    }
}
