import SimCore

/// A token bucket: tokens flow in at `rate` per second up to `capacity`; a
/// request is admitted while the bucket holds at least one token, and takes
/// its cost even if that leaves the bucket in debt.
///
/// This is sesim's model of SES's maximum send rate, which SES documents only
/// as "you can exceed this quota for short bursts, but not for sustained
/// periods". The debt rule follows SES's own example: with a rate of one per
/// second, a message to five recipients is accepted, and "for the next five
/// seconds … Amazon will return errors for all send attempts" (docs/ses-api.md).
///
/// Tokens are counted exactly, in billionths of a token, so that admission
/// times never drift with floating-point rounding: at 14 per second the 15th
/// token arrives exactly 1/14 s after the 14th is taken (to the microsecond).
public struct TokenBucket: Hashable, Sendable {
    private static let unitsPerToken: Int64 = 1_000_000_000

    /// Tokens added per second (to a thousandth).
    public let rate: Double
    /// The most tokens the bucket holds (rate × burst seconds, at least 1).
    public let capacity: Double
    /// Billionths of a token added per microsecond.
    private let unitsPerMicrosecond: Int64
    private let capacityUnits: Int64
    private var units: Int64
    private var updatedAt: SimTime

    /// A full bucket at `start`, refilling at `rate` per second and holding
    /// `burstSeconds` seconds of tokens (never less than one token).
    public init(rate: Double, burstSeconds: Double, start: SimTime = .start) {
        precondition(
            rate >= 0.001 && rate <= 1e9, "a token bucket's rate must be between 0.001 and 1e9 per second")
        precondition(
            burstSeconds >= 0 && burstSeconds <= 86_400, "burst seconds must be between 0 and 86,400")
        self.rate = rate
        self.unitsPerMicrosecond = Int64((rate * 1_000).rounded())
        self.capacityUnits = max(Self.unitsPerToken, Int64((rate * burstSeconds * 1e9).rounded()))
        self.capacity = Double(capacityUnits) / Double(Self.unitsPerToken)
        self.units = capacityUnits
        self.updatedAt = start
    }

    /// The tokens available at `now` (negative while in debt).
    public mutating func available(at now: SimTime) -> Double {
        refill(to: now)
        return Double(units) / Double(Self.unitsPerToken)
    }

    /// Admits a request of `cost` tokens if the bucket holds at least one
    /// token at `now`, taking the whole cost; otherwise takes nothing.
    ///
    /// - Returns: whether the request was admitted.
    public mutating func admit(cost: Int, at now: SimTime) -> Bool {
        refill(to: now)
        guard units >= Self.unitsPerToken else { return false }
        units -= Int64(cost) * Self.unitsPerToken
        return true
    }

    /// The earliest instant at or after `now` at which a request would be admitted.
    public mutating func nextAdmission(after now: SimTime) -> SimTime {
        refill(to: now)
        if units >= Self.unitsPerToken { return now }
        let missing = Self.unitsPerToken - units
        let microseconds = (missing + unitsPerMicrosecond - 1) / unitsPerMicrosecond
        return now + SimDuration(microseconds: microseconds)
    }

    private mutating func refill(to now: SimTime) {
        guard now > updatedAt else { return }
        let elapsed = (now - updatedAt).microseconds
        let deficit = capacityUnits - units
        if deficit <= 0 || elapsed >= (deficit + unitsPerMicrosecond - 1) / unitsPerMicrosecond {
            units = max(units, capacityUnits)
        } else {
            units += elapsed * unitsPerMicrosecond
        }
        updatedAt = now
    }
}
