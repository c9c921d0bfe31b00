import SimCore

/// One provider's share of an audience and how its recipients behave.
public struct ProviderShare: Hashable, Sendable {
    /// The provider's domain, e.g. `gmail.com`.
    public var domain: String
    /// The relative share of the audience.
    public var share: Double
    /// How its recipients behave.
    public var behavior: RecipientBehavior

    public init(domain: String, share: Double, behavior: RecipientBehavior) {
        self.domain = domain
        self.share = share
        self.behavior = behavior
    }
}

/// A stand-in for a real recipient list: a size, a mix of mailbox providers,
/// and how each provider's recipients behave. Recipients are generated from
/// their index, never stored: member 123 is `u123@<provider domain>`, and its
/// provider and traits come from keyed draws on (seed, audience, index), so
/// the same recipient behaves the same way in every variant of a scenario.
public struct Audience: Hashable, Sendable {
    /// The audience's name, unique in the scenario.
    public let name: String
    /// How many recipients it has.
    public let size: Int
    /// The local part, with `{index}` replaced by the member's index.
    public let addressPattern: String
    /// The providers and their shares.
    public let providers: [ProviderShare]
    private let localPrefix: String
    private let localSuffix: String
    private let providerTable: AliasTable
    private let traits: KeyedRandomStream

    /// The draw indices of a member's traits, in its keyed stream.
    enum TraitDraw: UInt64 {
        case provider = 0
        case hardBounce = 1
        case hardBounceSubtype = 2
        case globalSuppression = 3
    }

    public init(
        name: String, size: Int, addressPattern: String = "u{index}", providers: [ProviderShare],
        streams: RandomStreams
    ) throws(DistributionError) {
        precondition(size > 0, "an audience has at least one recipient")
        precondition(!providers.isEmpty, "an audience has at least one provider")
        self.name = name
        self.size = size
        self.addressPattern = addressPattern
        if let marker = addressPattern.firstRange(of: "{index}") {
            self.localPrefix = String(addressPattern[..<marker.lowerBound])
            self.localSuffix = String(addressPattern[marker.upperBound...])
        } else {
            self.localPrefix = addressPattern
            self.localSuffix = ""
        }
        self.providers = providers
        self.providerTable = try AliasTable(weights: providers.map(\.share))
        self.traits = streams.keyed("audience:\(name)")
    }

    /// The index of member `member`'s provider.
    public func providerIndex(of member: Int) -> Int {
        var draws = traits.draws(for: UInt64(member))
        draws.index = TraitDraw.provider.rawValue
        return providerTable.sample(using: &draws)
    }

    /// The address of member `member`.
    public func address(of member: Int) -> String {
        "\(localPrefix)\(member)\(localSuffix)@\(providers[providerIndex(of: member)].domain)"
    }

    /// A uniform draw for one of the member's traits.
    func traitDraw(_ trait: TraitDraw, member: Int) -> Double {
        traits.uniform(key: UInt64(member), index: trait.rawValue)
    }

    /// Whether member `member`'s address does not exist (it hard-bounces every time).
    public func isInvalidAddress(_ member: Int) -> Bool {
        traitDraw(.hardBounce, member: member) < providers[providerIndex(of: member)].behavior.hardBounce
    }

    /// Whether member `member` is on SES's global suppression list.
    public func isGloballySuppressed(_ member: Int) -> Bool {
        traitDraw(.globalSuppression, member: member)
            < providers[providerIndex(of: member)].behavior.globalSuppression
    }

    /// The subtype member `member`'s hard bounces report.
    public func hardBounceIsNoEmail(_ member: Int) -> Bool {
        traitDraw(.hardBounceSubtype, member: member)
            < providers[providerIndex(of: member)].behavior.noEmailShare
    }

    public static func == (lhs: Audience, rhs: Audience) -> Bool {
        lhs.name == rhs.name && lhs.size == rhs.size && lhs.addressPattern == rhs.addressPattern
            && lhs.providers == rhs.providers
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(size)
    }
}
