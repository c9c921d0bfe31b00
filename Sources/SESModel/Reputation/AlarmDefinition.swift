import SimCore

/// A CloudWatch-style alarm on a reputation metric.
public struct AlarmDefinition: Hashable, Sendable {
    /// The metrics an alarm can watch.
    public enum Metric: String, Hashable, Sendable, CaseIterable {
        case bounceRate = "Reputation.BounceRate"
        case complaintRate = "Reputation.ComplaintRate"
    }

    /// CloudWatch's comparison operators.
    public enum Comparison: String, Hashable, Sendable, CaseIterable {
        case greaterThanOrEqualToThreshold = "GreaterThanOrEqualToThreshold"
        case greaterThanThreshold = "GreaterThanThreshold"
        case lessThanThreshold = "LessThanThreshold"
        case lessThanOrEqualToThreshold = "LessThanOrEqualToThreshold"

        func breaches(_ value: Double, _ threshold: Double) -> Bool {
            switch self {
            case .greaterThanOrEqualToThreshold: value >= threshold
            case .greaterThanThreshold: value > threshold
            case .lessThanThreshold: value < threshold
            case .lessThanOrEqualToThreshold: value <= threshold
            }
        }
    }

    /// What the alarm does when it goes into ALARM.
    public enum Action: String, Hashable, Sendable, CaseIterable {
        /// `UpdateConfigurationSetSendingEnabled` false on the alarm's configuration set.
        case pauseConfigurationSet
        /// `UpdateAccountSendingEnabled` false.
        case pauseAccount
    }

    public var name: String
    public var metric: Metric
    /// The configuration set whose metric is watched; nil for the account's.
    public var configurationSet: String?
    public var comparison: Comparison
    public var threshold: Double
    /// The length of one datapoint.
    public var period: SimDuration
    /// How many recent datapoints are considered.
    public var evaluationPeriods: Int
    /// How many of them must breach for ALARM.
    public var datapointsToAlarm: Int
    /// What happens on entering ALARM (none: only recorded).
    public var actions: [Action]

    public init(
        name: String, metric: Metric, configurationSet: String?, comparison: Comparison, threshold: Double,
        period: SimDuration, evaluationPeriods: Int, datapointsToAlarm: Int, actions: [Action]
    ) {
        self.name = name
        self.metric = metric
        self.configurationSet = configurationSet
        self.comparison = comparison
        self.threshold = threshold
        self.period = period
        self.evaluationPeriods = evaluationPeriods
        self.datapointsToAlarm = datapointsToAlarm
        self.actions = actions
    }
}

/// CloudWatch alarm states.
public enum AlarmState: String, Hashable, Sendable, CaseIterable {
    case ok = "OK"
    case alarm = "ALARM"
    case insufficientData = "INSUFFICIENT_DATA"
}

/// One transition of an alarm's state.
public struct AlarmTransition: Hashable, Sendable {
    public var time: SimTime
    public var from: AlarmState
    public var to: AlarmState
    public var reason: String
}

/// An alarm while the run goes on: its recent datapoints and its state.
/// Missing data (no eligible message in the window) is treated as missing,
/// CloudWatch's default.
struct AlarmRuntime: Sendable {
    let definition: AlarmDefinition
    /// The configuration set's index, for set-scoped alarms.
    let configurationSet: Int?
    private(set) var state = AlarmState.insufficientData
    private(set) var datapoints: [Double?] = []
    private(set) var transitions: [AlarmTransition] = []

    init(definition: AlarmDefinition, configurationSet: Int?) {
        self.definition = definition
        self.configurationSet = configurationSet
    }

    /// Adds a datapoint (nil when missing) and re-evaluates; returns whether
    /// the alarm just went into ALARM.
    mutating func record(_ value: Double?, at now: SimTime) -> Bool {
        datapoints.append(value)
        if datapoints.count > definition.evaluationPeriods { datapoints.removeFirst() }
        let present = datapoints.compactMap { $0 }
        let breaching = present.filter { definition.comparison.breaches($0, definition.threshold) }.count
        let new: AlarmState
        if breaching >= definition.datapointsToAlarm {
            new = .alarm
        } else if present.isEmpty {
            new = .insufficientData
        } else {
            new = .ok
        }
        guard new != state else { return false }
        let reason =
            "\(breaching) of the last \(datapoints.count) datapoints breached the threshold "
            + "(\(definition.comparison.rawValue) \(definition.threshold))"
        transitions.append(AlarmTransition(time: now, from: state, to: new, reason: reason))
        state = new
        return new == .alarm
    }
}
