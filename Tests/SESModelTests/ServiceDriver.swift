import SESEvents
import SESTemplates
import SimCore

@testable import SESModel

/// Runs an ``SESService`` on a SimCore event queue for tests, keeping every
/// published event, reputation sample and settlement, and checking the pipeline's invariant after
/// each event.
struct ServiceDriver: SimulationModel {
    typealias Event = ServiceEvent

    var service: SESService
    var events: [SESEvent] = []
    var settlements: [Settlement] = []
    var reputationSamples: [ReputationSample] = []
    var violations: [String] = []

    mutating func handle(_ event: ServiceEvent, queue: inout EventQueue<ServiceEvent>) {
        service.handle(event, at: queue.now)
        drain(&queue)
    }

    mutating func drain(_ queue: inout EventQueue<ServiceEvent>) {
        var drained = Outbox()
        service.outbox.drain(into: &drained)
        for (time, event) in drained.scheduled { queue.schedule(event, at: time) }
        events.append(contentsOf: drained.published)
        settlements.append(contentsOf: drained.settlements)
        reputationSamples.append(contentsOf: drained.reputationSamples)
        if let violation = service.invariantViolation() { violations.append(violation) }
    }

    /// Events about the message sent to `address`, in order.
    func events(to address: String) -> [SESEvent] {
        events.filter { $0.mail.destination.contains(address) }
    }
}

/// Builds services for the pipeline's tests.
enum Pipeline {
    static let calendar = try! SimCalendar(start: "2026-03-02T09:00:00Z")

    static func simulation(
        audiences: [(name: String, size: Int, providers: [ProviderShare])] = [],
        configurationSets: [ConfigurationSet] = [], parameters: DeliveryParameters = DeliveryParameters(),
        suppression: SuppressionList = SuppressionList(), seed: UInt64 = 11,
        maximumSendRate: Double = 1_000_000
    ) -> Simulation<ServiceDriver> {
        let streams = RandomStreams(seed: seed)
        var settings = AccountSettings(
            maximum24HourSend: -1, maximumSendRate: maximumSendRate, identities: ["example.com"])
        settings.suppressionList = suppression
        var account = SESAccount(settings: settings, calendar: calendar, streams: streams)
        for set in configurationSets { try! account.addConfigurationSet(set) }
        try! account.addTemplate(
            EmailTemplate(
                name: "welcome", subjectPart: "Welcome, {{name}}", textPart: "Hello {{name}}",
                htmlPart:
                    "<p>Hello {{name}}</p><a href=\"https://example.com/a\">A</a><a href=\"https://example.com/b\" ses:tags=\"section:shop\">B</a>"
            ))
        let built = audiences.map {
            try! Audience(name: $0.name, size: $0.size, providers: $0.providers, streams: streams)
        }
        let service = SESService(account: account, parameters: parameters, audiences: built, streams: streams)
        return Simulation(model: ServiceDriver(service: service))
    }

    /// Sends a SendEmail to `recipients` at `time`.
    static func send(
        _ simulation: inout Simulation<ServiceDriver>, to recipients: [String], at time: SimTime,
        configurationSet: String? = nil, html: String? = "<p>Hi</p><a href=\"https://example.com/x\">x</a>",
        text: String = "Hi", origin: MessageOrigin = MessageOrigin(token: 0)
    ) throws {
        simulation.run(until: time)
        _ = try simulation.model.service.sendEmail(
            SendEmailRequest(
                source: "news@example.com", destination: Destination(toAddresses: recipients),
                message: SimpleContent(subject: "Hi", text: text, html: html),
                configurationSetName: configurationSet),
            origin: origin, at: time)
        simulation.model.drain(&simulation.queue)
    }

    /// Sends one message to audience `audience`'s member `member`.
    static func sendToMember(
        _ simulation: inout Simulation<ServiceDriver>, audience: Int, member: Int, cycle: Int = 0,
        at time: SimTime,
        configurationSet: String? = nil
    ) throws {
        let address = simulation.model.service.audiences[audience].address(of: member)
        try send(
            &simulation, to: [address], at: time, configurationSet: configurationSet,
            origin: MessageOrigin(
                token: UInt64(member), audience: audience, firstMember: member, cycle: cycle))
    }

    static func constant(_ duration: SimDuration) -> DelaySpec {
        try! DelaySpec(median: duration, p99: duration)
    }
}
