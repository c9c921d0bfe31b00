/// How a mailbox provider answers the volume an IP sends it: a provider
/// trusts an IP as far as the IP's recent history with it supports.
///
/// Each provider keeps, per sending IP, a smoothed daily volume of the
/// messages it accepted (the IP's history with it: each midnight, half the
/// day's deliveries plus half the previous history). Today it accepts up to `max(coldAllowance, growth ×
/// history)` messages from the IP normally; beyond that it defers more and
/// more attempts (`DeliveryDelay` IPFailure), up to `overloadDeferral` at
/// `spamLevel` times the supported volume; beyond `spamLevel` it also files
/// messages as spam (fewer opens, more complaints). SES's shared pool is
/// warm: providers trust it. The model and its defaults are sesim's
/// assumption (docs/dedicated-ips.md); SES only says that providers
/// "do not accept emails from an IP that suddenly sends a large volume".
public struct ProviderReception: Hashable, Sendable {
    /// Messages a day a provider accepts from an IP it has never seen.
    public var coldAllowance: Double = 1_000
    /// How far beyond its recent daily volume an IP may go without trouble.
    public var growth: Double = 2
    /// The extra deferral probability at the spam level.
    public var overloadDeferral: Double = 0.6
    /// The load (volume ÷ supported) beyond which messages go to spam.
    public var spamLevel: Double = 3
    /// Opens of spam-foldered messages, as a share of normal.
    public var spamOpenFactor: Double = 0.2
    /// Complaints of spam-foldered messages, as a multiple of normal.
    public var spamComplaintFactor: Double = 3

    public init() {}

    /// The volume the provider supports today from an IP with `history`.
    public func supportedVolume(history: Double) -> Double {
        max(coldAllowance, growth * history)
    }

    /// The extra deferral probability at `load` (today's volume ÷ supported).
    public func extraDeferral(load: Double) -> Double {
        guard load > 1 else { return 0 }
        guard spamLevel > 1 else { return overloadDeferral }
        return overloadDeferral * min(1, (load - 1) / (spamLevel - 1))
    }

    /// Whether a message at `load` is filed as spam.
    public func isSpamFoldered(load: Double) -> Bool { load > spamLevel }
}
