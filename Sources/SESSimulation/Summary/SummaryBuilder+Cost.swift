import ScenarioFormat
import SimCore
import SimJSON

extension SummaryBuilder {
    /// The `cost` section: what the run's sending would be charged, at the
    /// scenario's prices (``Pricing``). Messages count each accepted
    /// recipient; dedicated IPs are prorated over the part of the run they
    /// were leased for, by 30-day months; CloudWatch's custom metrics are
    /// the publishing summary's monthly estimate.
    func cost() -> JSONValue {
        let pricing = model.scenario.pricing
        let recipients = model.service.recipientsAccepted
        let messages = Double(recipients) / 1_000 * pricing.perThousandMessages
        var leased = SimDuration.zero
        for ip in model.scenario.dedicatedIPs.ips where ip.leasedAt < now {
            leased = leased + (now - max(ip.leasedAt, .start))
        }
        let ipMonths = leased.seconds / Pricing.billingMonth.seconds
        let dedicatedIPs = ipMonths * pricing.dedicatedIpPerMonth
        let cloudWatch = model.publisher.summary().estimatedMonthlyCloudWatchCost
        return .object([
            "messagesCharged": .int(recipients),
            "messages": .number(PublishingSummaryJSON.cents(messages)),
            "dedicatedIpMonths": .number((ipMonths * 1_000).rounded() / 1_000),
            "dedicatedIps": .number(PublishingSummaryJSON.cents(dedicatedIPs)),
            "cloudWatchMetricsMonthly": .number(PublishingSummaryJSON.cents(cloudWatch)),
            "total": .number(PublishingSummaryJSON.cents(messages + dedicatedIPs + cloudWatch)),
            "currency": .string("USD"),
        ])
    }
}
