import SESEvents
import SimCore

/// What SES and CloudWatch charge, for the summary's `cost` estimate
/// (scenario key `pricing`).
///
/// The defaults are the public us-east-1 list prices
/// (aws.amazon.com/ses/pricing): $0.10 per 1,000 outbound messages, and
/// $24.95 a month per standard dedicated IP; CloudWatch custom metrics at
/// CloudWatch's tiers (``CloudWatchPricing/standard``). Prices differ by
/// region, free tiers and contracts, and change over time: each is a
/// parameter.
public struct Pricing: Hashable, Sendable {
    /// US dollars per 1,000 messages sent (each recipient of a message counts).
    public var perThousandMessages = 0.10
    /// US dollars per standard dedicated IP per month.
    public var dedicatedIpPerMonth = 24.95
    /// CloudWatch's price of custom metrics.
    public var cloudWatch = CloudWatchPricing.standard

    /// The month the dedicated-IP price is prorated over: 30 days.
    public static let billingMonth = SimDuration.days(30)

    public init() {}
}
