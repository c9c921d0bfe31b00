import SimCore

/// The account's dedicated IPs, their pools and warm-up, and how each
/// message is routed: the pool of its configuration set (else the default
/// pool, else SES's shared pool), within the pool the IP with the most
/// headroom under today's warm-up cap (ties by address), and over the caps to
/// the shared pool (a first-time lessee) or to already-warm dedicated IPs.
/// Caps reset at midnight UTC.
struct DedicatedIPFleet: Sendable {
    var settings: DedicatedIPSettings
    /// Pool names by index; 0 is SES's default dedicated pool.
    let pools: [String]
    var ips: [DedicatedIP] = []
    /// The day of the run the counters are for.
    private(set) var currentDay: Int
    /// Per pool, per day.
    var poolDays: [[DailyPoolRecord]]
    /// Messages (recipients) sent through the shared pool, per day.
    var sharedDays: [Int] = []
    /// Per dedicated IP, per provider statistics row: today's attempts and
    /// the smoothed daily history of deliveries.
    var receptionToday: [[Double]] = []
    var receptionDelivered: [[Double]] = []
    var receptionHistory: [[Double]] = []
    private let calendar: SimCalendar

    init(settings: DedicatedIPSettings, calendar: SimCalendar, table: inout IPAddressTable, region: String) {
        self.settings = settings
        self.calendar = calendar
        self.pools = [DedicatedIPSettings.defaultPool] + settings.pools
        self.currentDay = calendar.dayOfRun(containing: .start)
        self.poolDays = pools.map { _ in [DailyPoolRecord(day: calendar.dayOfRun(containing: .start))] }
        self.sharedDays = [0]
        let ordered = settings.ips.sorted {
            Self.addressKey($0.address).lexicographicallyPrecedes(Self.addressKey($1.address))
        }
        for definition in ordered {
            let tableIndex = table.add(definition.address, region: region)
            let warmAtLease = !settings.autoWarmupEnabled || definition.initialWarmupPercentage >= 100
            var ip = DedicatedIP(
                address: definition.address,
                pool: pools.firstIndex(of: definition.pool ?? DedicatedIPSettings.defaultPool) ?? 0,
                leasedAt: definition.leasedAt, tableIndex: tableIndex,
                anchorPercentage: warmAtLease ? 100 : definition.initialWarmupPercentage,
                anchorTime: definition.leasedAt,
                isWarm: warmAtLease)
            if !ip.isWarm && ip.percentage(at: .start, plan: settings.plan) >= 100 { ip.isWarm = true }
            ip.capToday =
                ip.isWarm
                ? nil
                : settings.plan.cap(
                    atPercentage: ip.percentage(at: calendar.startOfDay(currentDay), plan: settings.plan))
            ip.days = [
                DailyIPRecord(
                    day: currentDay, volume: 0, cap: ip.capToday,
                    warmupPercentage: ip.percentage(at: .start, plan: settings.plan))
            ]
            ips.append(ip)
            receptionToday.append([])
            receptionDelivered.append([])
            // An IP leased before the run has a history: as much as its cap allowed.
            let history = definition.leasedAt < .start ? Double(ip.capToday ?? Int.max / 4) : 0
            receptionHistory.append([history])
        }
    }

    /// Whether the account has any dedicated IP.
    var isEmpty: Bool { ips.isEmpty }

    /// A sort key ordering IPv4 addresses numerically (others after, as text).
    static func addressKey(_ address: String) -> [Int] {
        let octets = address.split(separator: ".").compactMap { Int($0) }
        return octets.count == 4 ? octets : [Int.max] + address.unicodeScalars.map { Int($0.value) }
    }

    // MARK: - Days

    /// Moves the counters to the day containing `now` (caps reset at midnight UTC).
    mutating func advance(to now: SimTime) {
        let day = calendar.dayOfRun(containing: now)
        while currentDay < day {
            currentDay += 1
            let dayStart = calendar.startOfDay(currentDay)
            for index in ips.indices {
                let smoothing = 0.5
                for row in receptionDelivered[index].indices {
                    if receptionHistory[index].count <= row {
                        receptionHistory[index].append(receptionHistory[index][0])
                    }
                    let history = receptionHistory[index][row]
                    receptionHistory[index][row] =
                        smoothing * receptionDelivered[index][row] + (1 - smoothing) * history
                    receptionDelivered[index][row] = 0
                    receptionToday[index][row] = 0
                }
                if !ips[index].isWarm && ips[index].percentage(at: dayStart, plan: settings.plan) >= 100 {
                    ips[index].isWarm = true
                }
                ips[index].sentToday = 0
                ips[index].capToday =
                    ips[index].isWarm
                    ? nil
                    : settings.plan.cap(
                        atPercentage: ips[index].percentage(at: dayStart, plan: settings.plan))
                ips[index].days.append(
                    DailyIPRecord(
                        day: currentDay, volume: 0, cap: ips[index].capToday,
                        warmupPercentage: ips[index].percentage(at: dayStart, plan: settings.plan)))
            }
            for pool in poolDays.indices { poolDays[pool].append(DailyPoolRecord(day: currentDay)) }
            sharedDays.append(0)
        }
    }

    // MARK: - Routing

    /// Where a message of `recipients` recipients goes at `now`: a dedicated
    /// IP's index in ``ips``, or nil for the shared pool.
    mutating func route(poolName: String?, recipients: Int, at now: SimTime) -> Int? {
        advance(to: now)
        let pool: Int?
        switch poolName {
        case DedicatedIPSettings.sharedPool?: pool = nil
        case let name?: pool = pools.firstIndex(of: name)
        case nil: pool = ips.contains { $0.pool == 0 && $0.leasedAt <= now } ? 0 : nil
        }
        guard let pool else { return sendShared(recipients) }
        var best: Int?
        var bestHeadroom = Int.min
        for (index, ip) in ips.enumerated() where ip.pool == pool && ip.leasedAt <= now {
            let headroom = ip.capToday.map { $0 - ip.sentToday } ?? (Int.max / 2 - ip.sentToday)
            if headroom > bestHeadroom {
                best = index
                bestHeadroom = headroom
            }
        }
        if let best, bestHeadroom > 0 {
            record(best, recipients)
            return best
        }
        // Every IP of the pool is at its cap (or the pool is empty).
        let today = poolDays[pool].count - 1
        if !settings.firstTimeLessee, let warm = leastUsedWarmIP(at: now) {
            poolDays[pool][today].overflowToWarmIPs += recipients
            record(warm, recipients)
            return warm
        }
        poolDays[pool][today].overflowToShared += recipients
        return sendShared(recipients)
    }

    private func leastUsedWarmIP(at now: SimTime) -> Int? {
        var best: Int?
        for (index, ip) in ips.enumerated() where ip.isWarm && ip.leasedAt <= now {
            if best == nil || ip.sentToday < ips[best!].sentToday { best = index }
        }
        return best
    }

    private mutating func record(_ index: Int, _ recipients: Int) {
        ips[index].sentToday += recipients
        ips[index].sentTotal += recipients
        ips[index].days[ips[index].days.count - 1].volume += recipients
    }

    /// Recipients sent through the shared pool over the whole run.
    private(set) var sharedTotal = 0

    private mutating func sendShared(_ recipients: Int) -> Int? {
        sharedDays[sharedDays.count - 1] += recipients
        sharedTotal += recipients
        return nil
    }

    // MARK: - Warm-up actions

    /// `PutDedicatedIpWarmupAttributes`: sets the warm-up percentage now.
    mutating func setWarmupPercentage(_ percentage: Double, ip index: Int, at now: SimTime) {
        advance(to: now)
        ips[index].anchorPercentage = percentage
        ips[index].anchorTime = now
        ips[index].isWarm = percentage >= 100
        ips[index].capToday = ips[index].isWarm ? nil : settings.plan.cap(atPercentage: percentage)
        ips[index].days[ips[index].days.count - 1].cap = ips[index].capToday
    }

    /// The console's "Mark as complete": DONE, 100%.
    mutating func markWarmupComplete(ip index: Int, at now: SimTime) {
        setWarmupPercentage(100, ip: index, at: now)
    }

    /// The console's "Reset percentage": IN_PROGRESS, 0%.
    mutating func resetWarmup(ip index: Int, at now: SimTime) {
        setWarmupPercentage(0, ip: index, at: now)
    }

    /// `PutAccountDedicatedIpWarmupAttributes`: turns automatic warm-up on or
    /// off for IPs leased from now on (IPs already leased keep their warm-up);
    /// with it off, they arrive warm.
    mutating func setAutoWarmup(_ enabled: Bool, at now: SimTime) {
        settings.autoWarmupEnabled = enabled
        for index in ips.indices where ips[index].leasedAt > now {
            let initial =
                settings.ips.first { $0.address == ips[index].address }?.initialWarmupPercentage ?? 0
            ips[index].isWarm = !enabled || initial >= 100
            ips[index].anchorPercentage = ips[index].isWarm ? 100 : initial
            ips[index].capToday = ips[index].isWarm ? nil : settings.plan.cap(atPercentage: initial)
            ips[index].days[ips[index].days.count - 1].cap = ips[index].capToday
        }
    }

    /// The index of the IP at `address`.
    func index(of address: String) -> Int? { ips.firstIndex { $0.address == address } }

    // MARK: - Provider reception

    /// Records an attempt from IP `index` to provider row `row`, returning
    /// the load: today's attempts over what the provider supports.
    mutating func recordAttempt(ip index: Int, providerRow row: Int, reception: ProviderReception) -> Double {
        ensureRow(row, ip: index)
        receptionToday[index][row] += 1
        let supported = reception.supportedVolume(history: receptionHistory[index][row])
        return receptionToday[index][row] / supported
    }

    /// Records a delivery from IP `index` to provider row `row` (it builds history).
    mutating func recordDelivery(ip index: Int, providerRow row: Int) {
        ensureRow(row, ip: index)
        receptionDelivered[index][row] += 1
    }

    private mutating func ensureRow(_ row: Int, ip index: Int) {
        while receptionToday[index].count <= row {
            receptionToday[index].append(0)
            receptionDelivered[index].append(0)
        }
        while receptionHistory[index].count <= row {
            receptionHistory[index].append(receptionHistory[index][0])
        }
    }
}
