import SESEvents
import SimCore

@testable import SESModel

/// Services with dedicated IPs, for the dedicated-IP tests: a one-second
/// processing time and a provider that answers every attempt after one
/// second, so that each message is routed exactly one second after its call.
enum DedicatedIPHarness {
    /// A run starting at UTC midnight: day N of the run is day N of a plan
    /// whose IPs are leased at the start.
    static let midnight = "2026-03-02T00:00:00Z"
    /// A run starting at 09:00 UTC, so that its first midnight is 15 hours in.
    static let morning = "2026-03-02T09:00:00Z"

    /// The time between a call and its routing.
    static let processing = SimDuration.seconds(1)

    /// A provider that accepts every attempt after one second.
    static var acceptingBehavior: RecipientBehavior {
        var behavior = RecipientBehavior()
        behavior.deliveryDelay = Pipeline.constant(.seconds(1))
        return behavior
    }

    static func plan(_ caps: Int...) -> WarmupPlan { try! WarmupPlan(dailyCaps: caps) }

    static func ip(_ address: String, pool: String? = nil, leasedAt: SimTime = .start, percentage: Double = 0)
        -> DedicatedIPDefinition
    {
        DedicatedIPDefinition(
            address: address, pool: pool, leasedAt: leasedAt, initialWarmupPercentage: percentage)
    }

    static func simulation(
        start: String = midnight, dedicatedIPs: DedicatedIPSettings = DedicatedIPSettings(),
        configurationSets: [ConfigurationSet] = [], behavior: RecipientBehavior = acceptingBehavior,
        maximumDeliveryTime: SimDuration = .hours(12)
    ) -> Simulation<ServiceDriver> {
        let calendar = try! SimCalendar(start: start)
        let streams = RandomStreams(seed: 8)
        let settings = AccountSettings(
            maximum24HourSend: -1, maximumSendRate: 1_000_000, identities: ["example.com"],
            dedicatedIpPools: dedicatedIPs.pools)
        var account = SESAccount(settings: settings, calendar: calendar, streams: streams)
        for set in configurationSets { try! account.addConfigurationSet(set) }
        var parameters = DeliveryParameters()
        parameters.processingTime = Pipeline.constant(processing)
        parameters.defaultBehavior = behavior
        parameters.defaultMaximumDeliveryTime = maximumDeliveryTime
        let service = SESService(
            account: account, parameters: parameters, audiences: [], streams: streams,
            dedicatedIPs: dedicatedIPs)
        return Simulation(model: ServiceDriver(service: service))
    }

    /// The instant `offset` into day `day` (1-based) of the run, in UTC.
    static func time(day: Int, _ offset: SimDuration = .zero, in simulation: Simulation<ServiceDriver>)
        -> SimTime
    {
        simulation.model.service.account.calendar.startOfDay(day) + offset
    }

    /// Sends one single-recipient message per address, `spacing` apart from
    /// `first`; returns when the last one was sent.
    @discardableResult
    static func sendEach(
        _ simulation: inout Simulation<ServiceDriver>, _ addresses: [String], from first: SimTime,
        spacing: SimDuration = .minutes(1), configurationSet: String? = nil
    ) throws -> SimTime {
        var time = first
        for (index, address) in addresses.enumerated() {
            if index > 0 { time += spacing }
            try Pipeline.send(&simulation, to: [address], at: time, configurationSet: configurationSet)
        }
        return time
    }

    /// `count` distinct recipient addresses at `domain`, starting with `prefix`.
    static func recipients(_ count: Int, prefix: String = "r", domain: String = "example.net") -> [String] {
        (1...count).map { "\(prefix)\($0)@\(domain)" }
    }

    /// The outgoing IP the Delivery event of the message to `address` names.
    static func outgoingIP(_ simulation: Simulation<ServiceDriver>, to address: String) -> String? {
        simulation.model.events(to: address).first { $0.type == .delivery }?.mail.outgoingIp
    }

    /// Whether `address` is one of SES's shared-pool addresses as sesim shows them.
    static func isShared(_ address: String?) -> Bool {
        address?.hasPrefix("198.51.100.") ?? false
    }

    /// The state `GetDedicatedIps` reports for `address` at `time`, after
    /// running the simulation up to `time`.
    static func state(_ simulation: inout Simulation<ServiceDriver>, _ address: String, at time: SimTime)
        -> DedicatedIPState?
    {
        simulation.run(until: time)
        return simulation.model.service.dedicatedIPs(at: time).first { $0.ip == address }
    }
}
