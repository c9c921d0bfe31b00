import SESEvents
import SESModel
import SESTemplates
import SimCore

/// A scenario: one run's account, its traffic and what is expected of it,
/// read from a scenario file and checked.
public struct Scenario: Sendable {
    /// The file it was read from, as named by the user.
    public var file: String
    /// A short name; outputs go to `results/<name>/` by default.
    public var name: String
    /// What the scenario shows.
    public var description: String?
    /// The seed every random stream of the run derives from.
    public var seed: UInt64
    /// The run's start on the calendar.
    public var calendar: SimCalendar
    /// How long the run lasts.
    public var duration: SimDuration
    /// The account as it starts.
    public var account: AccountSettings
    /// Whether the account can send when the run starts.
    public var accountSendingEnabled: Bool
    /// Templates that exist when the run starts.
    public var templates: [EmailTemplate]
    /// The delivery pipeline's settings.
    public var delivery: DeliveryParameters
    /// Stand-ins for recipient lists.
    public var audiences: [AudienceDefinition]
    /// Dedicated IPs, pools and warm-up.
    public var dedicatedIPs: DedicatedIPSettings
    /// How reputation is measured and enforced.
    public var reputation: ReputationParameters
    /// CloudWatch-style alarms on the reputation metrics.
    public var alarms: [AlarmDefinition]
    /// Configuration sets that exist when the run starts.
    public var configurationSets: [ConfigurationSet]
    /// The clients that send.
    public var traffic: [TrafficClientDefinition]
    /// API calls made at given instants.
    public var actions: [ActionDefinition]
    /// What must hold for the run to pass.
    public var expectations: [ExpectationDefinition]
    /// What the run writes.
    public var output: OutputSettings
    /// The prices the summary's cost estimate uses.
    public var pricing = Pricing()
    /// Whether the file gave no `duration` (allowed under `sesim serve`):
    /// the run goes on until it is stopped, and the clock can move up to
    /// ``openEndDuration`` past the start.
    public var isOpenEnded = false

    /// How far an open-ended scenario's clock can go: ten years, the longest
    /// `duration` a file may give.
    public static let openEndDuration = SimDuration.days(3_650)

    /// The instant the run ends.
    public var end: SimTime { .start + duration }
}

/// An audience as a scenario states it: built into an ``Audience`` with
/// the run's random streams.
public struct AudienceDefinition: Hashable, Sendable {
    public var name: String
    public var size: Int
    public var addressPattern: String
    public var providers: [ProviderShare]

    public init(name: String, size: Int, addressPattern: String, providers: [ProviderShare]) {
        self.name = name
        self.size = size
        self.addressPattern = addressPattern
        self.providers = providers
    }
}

/// What a run writes besides the summary.
public struct OutputSettings: Hashable, Sendable {
    /// The timeline's row interval.
    public var interval: SimDuration = .hours(1)
    /// Whether to write every event to `events.jsonl`.
    public var events = false

    public init(interval: SimDuration = .hours(1), events: Bool = false) {
        self.interval = interval
        self.events = events
    }
}
