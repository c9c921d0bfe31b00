import SESEvents

extension ScenarioReader {
    static let pricingKeys = ["perThousandMessages", "dedicatedIpPerMonth", "cloudWatchMetricPerMonth"]

    /// The `pricing` key: prices in US dollars, each optional.
    func readPricing(_ value: YAMLValue?) -> Pricing {
        var pricing = Pricing()
        guard let mapping = value?.mapping(allowedKeys: Self.pricingKeys) else { return pricing }
        if let price = mapping.optional("perThousandMessages")?.double(
            in: 0...1_000, what: "a price in US dollars")
        {
            pricing.perThousandMessages = price
        }
        if let price = mapping.optional("dedicatedIpPerMonth")?.double(
            in: 0...10_000, what: "a price in US dollars")
        {
            pricing.dedicatedIpPerMonth = price
        }
        if let price = mapping.optional("cloudWatchMetricPerMonth")?.double(
            in: 0...1_000, what: "a price in US dollars")
        {
            pricing.cloudWatch = CloudWatchPricing(pricePerMetricMonth: price)
        }
        return pricing
    }
}
