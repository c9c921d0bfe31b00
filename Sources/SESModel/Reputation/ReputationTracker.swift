import SimCore

/// Bounce and complaint rates over a representative volume, a snapshot.
public struct ReputationRates: Hashable, Sendable {
    public var bounceRate: Double
    public var complaintRate: Double
    /// Eligible messages in the window.
    public var volume: Int
    /// Whether the window holds the minimum volume.
    public var hasMinimumVolume: Bool
    /// The bounce rate over the fixed comparison window (one week by default).
    public var comparisonBounceRate: Double
}

/// The account's reputation: its representative window, its enforcement
/// status, the same windows per configuration set, the alarms that watch
/// them, and the peaks seen.
struct ReputationTracker: Sendable {
    let parameters: ReputationParameters
    var account: RepresentativeWindow
    var sets: [RepresentativeWindow]
    var machine: EnforcementMachine
    var alarms: [AlarmRuntime]
    private(set) var peakAccount = (bounce: 0.0, complaint: 0.0)
    var peakSets: [(bounce: Double, complaint: Double)]

    init(parameters: ReputationParameters, configurationSets: Int, alarms: [AlarmRuntime]) {
        self.parameters = parameters
        let window = RepresentativeWindow(
            minimumVolume: parameters.minimumVolume, period: parameters.representativePeriod,
            comparisonWindow: parameters.comparisonWindow)
        self.account = window
        self.sets = Array(repeating: window, count: configurationSets)
        self.machine = EnforcementMachine(parameters: parameters)
        self.alarms = alarms
        self.peakSets = Array(repeating: (0, 0), count: configurationSets)
    }

    /// A fresh, empty window for configuration set `index` (a fresh start).
    mutating func freshStart(configurationSet index: Int) {
        sets[index] = RepresentativeWindow(
            minimumVolume: parameters.minimumVolume, period: parameters.representativePeriod,
            comparisonWindow: parameters.comparisonWindow)
        peakSets[index] = (0, 0)
    }

    static func rates(_ window: RepresentativeWindow) -> ReputationRates {
        ReputationRates(
            bounceRate: window.bounceRate, complaintRate: window.complaintRate, volume: window.size,
            hasMinimumVolume: window.hasMinimumVolume, comparisonBounceRate: window.comparisonBounceRate)
    }

    /// Records the peaks seen at a sample.
    mutating func samplePeaks() {
        if account.hasMinimumVolume {
            peakAccount.bounce = max(peakAccount.bounce, account.bounceRate)
            peakAccount.complaint = max(peakAccount.complaint, account.complaintRate)
        }
        for index in sets.indices where sets[index].hasMinimumVolume {
            peakSets[index].bounce = max(peakSets[index].bounce, sets[index].bounceRate)
            peakSets[index].complaint = max(peakSets[index].complaint, sets[index].complaintRate)
        }
    }
}
