import SESEvents
import SESTemplates
import SimCore

/// A simulated SES account in one Region: its identities, configuration sets,
/// templates, limits and sending state, and the API calls that read and change
/// them.
///
/// A call is a value in and a result out, at an instant of the run's clock;
/// the account does no I/O and reads no clock of its own. Accepted messages
/// are handed back to the caller, which passes them to the delivery pipeline.
public struct SESAccount: Sendable {
    /// How the account was set up.
    public let settings: AccountSettings
    /// The run's calendar (for timestamps and statistics intervals).
    public let calendar: SimCalendar
    /// The verified identities.
    public internal(set) var identities: VerifiedIdentities
    /// `UpdateAccountSendingEnabled`.
    public private(set) var sendingEnabled = true
    /// The enforcement status the reputation model sets.
    public var enforcementStatus = EnforcementStatus.healthy
    /// The configuration sets ever created, by index; deleted ones stay as
    /// tombstones so that messages in flight keep their index.
    public internal(set) var configurationSets: [ConfigurationSet] = []
    var deletedConfigurationSets: [Bool] = []
    private var configurationSetIndex: [String: Int] = [:]
    /// The account's templates, compiled.
    public internal(set) var templates = TemplateStore()
    /// When each template was created (`ListEmailTemplates`' `CreatedTimestamp`).
    public internal(set) var templateCreationTimes: [String: SimTime] = [:]
    /// The template the last templated send named, while the store is
    /// unchanged: a campaign names one template call after call.
    var lastTemplateFound: (name: String, revision: Int)?
    /// The last raw message's header bytes and their events' view, shared
    /// by the next message with the same header.
    var lastRawHeader: (header: [UInt8], summary: RawHeaderSummary)?
    /// The account-level suppression list.
    public var suppressionList: SuppressionList
    /// GetSendStatistics' data.
    public internal(set) var statistics: SendStatistics

    var dailyWindow = RollingQuotaWindow()
    var sendRate: TokenBucket
    private var controlPlaneBuckets: [ControlPlaneAction: TokenBucket] = [:]
    private let messageIDs: MessageIDGenerator
    private var nextSerial: UInt64 = 0
    private let poolNames: Set<String>

    /// The most configuration sets an account may have (AWS-DG quotas).
    public static let maximumConfigurationSets = 10_000

    /// A new account set up as `settings`, on `calendar`'s clock, drawing
    /// message IDs from `streams`.
    public init(settings: AccountSettings, calendar: SimCalendar, streams: RandomStreams) {
        self.settings = settings
        self.calendar = calendar
        self.identities = VerifiedIdentities(settings.identities)
        self.suppressionList = settings.suppressionList
        self.statistics = SendStatistics(calendar: calendar)
        self.sendRate = TokenBucket(
            rate: settings.effectiveMaximumSendRate, burstSeconds: settings.burstSeconds)
        self.messageIDs = MessageIDGenerator(region: settings.region, stream: streams.keyed("message-ids"))
        self.poolNames = Set(AccountSettings.builtInPools + settings.dedicatedIpPools)
    }

    // MARK: - Lookups

    /// The index of the live configuration set named `name`.
    public func indexOfConfigurationSet(named name: String) -> Int? {
        guard let index = configurationSetIndex[name], !deletedConfigurationSets[index] else { return nil }
        return index
    }

    /// Whether a dedicated IP pool named `name` exists.
    public func poolExists(_ name: String) -> Bool { poolNames.contains(name) }

    /// The recipients counted against the daily quota in the 24 hours ending at `now`.
    public mutating func sentLast24Hours(at now: SimTime) -> Int { dailyWindow.total(at: now) }

    // MARK: - Control plane

    /// Charges one call of `action` against its once-per-second limit.
    mutating func admitControlPlaneCall(_ action: ControlPlaneAction, at now: SimTime) throws(SESError) {
        guard let rate = settings.controlPlaneRate else { return }
        var bucket =
            controlPlaneBuckets[action] ?? TokenBucket(rate: rate, burstSeconds: max(1, 1 / rate), start: now)
        let admitted = bucket.admit(cost: 1, at: now)
        controlPlaneBuckets[action] = bucket
        if !admitted { throw SESError(.throttling, SESErrorMessages.rateExceeded) }
    }

    /// `GetSendQuota`.
    public mutating func getSendQuota(at now: SimTime) throws(SESError) -> SendQuota {
        try admitControlPlaneCall(.getSendQuota, at: now)
        return SendQuota(
            maximum24HourSend: settings.effectiveMaximum24HourSend,
            maximumSendRate: settings.effectiveMaximumSendRate,
            sentLast24Hours: Double(dailyWindow.total(at: now)))
    }

    /// `GetSendStatistics`: the data points of the last two weeks.
    public mutating func getSendStatistics(at now: SimTime) throws(SESError) -> [SendDataPoint] {
        try admitControlPlaneCall(.getSendStatistics, at: now)
        return statistics.dataPoints(at: now)
    }

    /// `GetAccountSendingEnabled`.
    public mutating func getAccountSendingEnabled(at now: SimTime) throws(SESError) -> Bool {
        try admitControlPlaneCall(.getAccountSendingEnabled, at: now)
        return sendingEnabled
    }

    /// `UpdateAccountSendingEnabled`: pauses or resumes sending. It cannot
    /// lift a pause SES imposed (SHUTDOWN), which stays in force.
    public mutating func updateAccountSendingEnabled(_ enabled: Bool, at now: SimTime) throws(SESError) {
        try admitControlPlaneCall(.updateAccountSendingEnabled, at: now)
        setAccountSendingEnabled(enabled)
    }

    /// Pauses or resumes the account without the API's rate limit: what an
    /// alarm action does.
    public mutating func setAccountSendingEnabled(_ enabled: Bool) {
        sendingEnabled = enabled
    }

    /// `CreateConfigurationSet` (with its event destinations, tracking and
    /// delivery options given at once).
    public mutating func createConfigurationSet(_ set: ConfigurationSet, at now: SimTime) throws(SESError) {
        try admitControlPlaneCall(.createConfigurationSet, at: now)
        try addConfigurationSet(set)
    }

    /// Adds a configuration set as the account's initial setup does: the
    /// same checks as `CreateConfigurationSet`, without its rate limit.
    public mutating func addConfigurationSet(_ set: ConfigurationSet) throws(SESError) {
        try ConfigurationSet.validate(name: set.name)
        if let time = set.maximumDeliveryTime { try ConfigurationSet.validate(maximumDeliveryTime: time) }
        if indexOfConfigurationSet(named: set.name) != nil {
            throw SESError(
                .configurationSetAlreadyExists, SESErrorMessages.configurationSetAlreadyExists(set.name))
        }
        let liveCount = deletedConfigurationSets.lazy.filter { !$0 }.count
        guard liveCount < Self.maximumConfigurationSets else {
            throw SESError(.limitExceeded, "You have reached the limit of 10000 configuration sets.")
        }
        configurationSetIndex[set.name] = configurationSets.count
        configurationSets.append(set)
        deletedConfigurationSets.append(false)
    }

    /// The names of the live configuration sets, in creation order
    /// (`ListConfigurationSets`).
    public var configurationSetNames: [String] {
        configurationSets.indices.filter { !deletedConfigurationSets[$0] }.map { configurationSets[$0].name }
    }

    /// Whether configuration set `index` was deleted.
    public func isConfigurationSetDeleted(_ index: Int) -> Bool { deletedConfigurationSets[index] }

    /// `DeleteConfigurationSet`.
    public mutating func deleteConfigurationSet(named name: String, at now: SimTime) throws(SESError) {
        try admitControlPlaneCall(.deleteConfigurationSet, at: now)
        let index = try liveConfigurationSet(named: name)
        deletedConfigurationSets[index] = true
    }

    /// `DescribeConfigurationSet`.
    public mutating func describeConfigurationSet(named name: String, at now: SimTime) throws(SESError)
        -> ConfigurationSet
    {
        try admitControlPlaneCall(.describeConfigurationSet, at: now)
        return configurationSets[try liveConfigurationSet(named: name)]
    }

    /// `UpdateConfigurationSetSendingEnabled`. Re-enabling a paused set is a
    /// fresh start: its `LastFreshStart` becomes now (and the reputation model
    /// resets the set's windows).
    ///
    /// - Returns: whether this call was a fresh start.
    @discardableResult
    public mutating func updateConfigurationSetSendingEnabled(
        named name: String, enabled: Bool, at now: SimTime
    ) throws(SESError) -> Bool {
        try admitControlPlaneCall(.updateConfigurationSetSendingEnabled, at: now)
        return setConfigurationSetSendingEnabled(at: try liveConfigurationSet(named: name), enabled, now: now)
    }

    /// Pauses or resumes configuration set `index` without the API's rate
    /// limit (an alarm's action), with the same fresh-start rule.
    ///
    /// - Returns: whether this was a fresh start.
    @discardableResult
    public mutating func setConfigurationSetSendingEnabled(at index: Int, _ enabled: Bool, now: SimTime)
        -> Bool
    {
        let wasEnabled = configurationSets[index].sendingEnabled
        configurationSets[index].sendingEnabled = enabled
        if enabled && !wasEnabled {
            configurationSets[index].lastFreshStart = now
            return true
        }
        return false
    }

    /// `UpdateConfigurationSetReputationMetricsEnabled`.
    public mutating func updateConfigurationSetReputationMetricsEnabled(
        named name: String, enabled: Bool, at now: SimTime
    ) throws(SESError) {
        try admitControlPlaneCall(.updateConfigurationSetReputationMetricsEnabled, at: now)
        configurationSets[try liveConfigurationSet(named: name)].reputationMetricsEnabled = enabled
    }

    /// `PutConfigurationSetDeliveryOptions`: the sending pool and maximum delivery time.
    public mutating func putConfigurationSetDeliveryOptions(
        named name: String, sendingPoolName: String?, maximumDeliveryTime: SimDuration?, at now: SimTime
    ) throws(SESError) {
        try admitControlPlaneCall(.putConfigurationSetDeliveryOptions, at: now)
        let index = try liveConfigurationSet(named: name)
        if let maximumDeliveryTime { try ConfigurationSet.validate(maximumDeliveryTime: maximumDeliveryTime) }
        configurationSets[index].sendingPoolName = sendingPoolName
        configurationSets[index].maximumDeliveryTime = maximumDeliveryTime
    }

    func liveConfigurationSet(named name: String) throws(SESError) -> Int {
        guard let index = indexOfConfigurationSet(named: name) else {
            throw SESError(.configurationSetDoesNotExist, SESErrorMessages.configurationSetDoesNotExist(name))
        }
        return index
    }

    // MARK: - Accepting messages

    /// The next serial number and message ID, for a message accepted at `now`.
    mutating func nextMessageIdentity(at now: SimTime) -> (UInt64, MessageID) {
        let serial = nextSerial
        nextSerial += 1
        let millis = calendar.unixMicroseconds(of: now) / 1_000
        return (serial, messageIDs.messageID(serial: serial, unixMilliseconds: millis))
    }

    /// Messages accepted so far.
    public var acceptedCount: UInt64 { nextSerial }
}
