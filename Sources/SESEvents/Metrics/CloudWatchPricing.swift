/// What CloudWatch charges for custom metrics, to estimate what a
/// configuration set's CloudWatch destinations cost.
///
/// SES's guide warns that every unique combination of event type, dimension
/// name and dimension value is a separate custom metric, charged monthly
/// (reference/003). The default is CloudWatch's public tiered price in
/// us-east-1 (aws.amazon.com/cloudwatch/pricing, "Metrics"): $0.30 per
/// metric per month for the first 10,000 metrics, $0.10 for the next 240,000,
/// $0.05 for the next 750,000 and $0.02 beyond 1,000,000. Prices differ by
/// region and change over time, so the tiers are a parameter. The estimate
/// assumes each metric is reported through the whole month (CloudWatch
/// prorates by the hour).
public struct CloudWatchPricing: Hashable, Sendable, Encodable {
    /// A band of metrics at one price.
    public struct Tier: Hashable, Sendable, Encodable {
        /// How many metrics the band holds; nil for "all the rest".
        public var metricCount: Int?
        /// US dollars per metric per month.
        public var pricePerMetricMonth: Double

        public init(metricCount: Int?, pricePerMetricMonth: Double) {
            self.metricCount = metricCount
            self.pricePerMetricMonth = pricePerMetricMonth
        }
    }

    /// The bands, cheapest last; the last should have no limit.
    public var tiers: [Tier]

    public init(tiers: [Tier]) { self.tiers = tiers }

    /// One price for every metric.
    public init(pricePerMetricMonth: Double) {
        tiers = [Tier(metricCount: nil, pricePerMetricMonth: pricePerMetricMonth)]
    }

    /// CloudWatch's public us-east-1 tiers (see the type's documentation).
    public static let standard = CloudWatchPricing(tiers: [
        Tier(metricCount: 10_000, pricePerMetricMonth: 0.30),
        Tier(metricCount: 240_000, pricePerMetricMonth: 0.10),
        Tier(metricCount: 750_000, pricePerMetricMonth: 0.05),
        Tier(metricCount: nil, pricePerMetricMonth: 0.02),
    ])

    /// The monthly cost in US dollars of `metricCount` custom metrics.
    public func monthlyCost(metricCount: Int) -> Double {
        var remaining = metricCount
        var cost = 0.0
        for tier in tiers where remaining > 0 {
            let inTier = min(remaining, tier.metricCount ?? remaining)
            cost += Double(inTier) * tier.pricePerMetricMonth
            remaining -= inTier
        }
        return cost
    }
}
