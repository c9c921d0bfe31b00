import SimCore

/// One published sample of the reputation metrics.
public struct ReputationSample: Hashable, Sendable {
    public var time: SimTime
    /// The configuration set's name; nil for the account.
    public var configurationSet: String?
    public var rates: ReputationRates
}
