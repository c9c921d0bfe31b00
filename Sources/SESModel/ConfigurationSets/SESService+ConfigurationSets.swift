import SimCore

extension SESService {
    /// `CreateConfigurationSet`, with the set's own reputation window.
    public mutating func createConfigurationSet(_ set: ConfigurationSet, at now: SimTime) throws(SESError) {
        try account.createConfigurationSet(set, at: now)
        reputation.addConfigurationSet()
    }
}

extension ReputationTracker {
    /// Room for one more configuration set (created after the start).
    mutating func addConfigurationSet() {
        sets.append(
            RepresentativeWindow(
                minimumVolume: parameters.minimumVolume, period: parameters.representativePeriod,
                comparisonWindow: parameters.comparisonWindow))
        peakSets.append((0, 0))
    }
}
