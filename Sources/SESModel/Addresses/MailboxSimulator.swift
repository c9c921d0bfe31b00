/// The addresses of SES's mailbox simulator, at `simulator.amazonses.com`,
/// each with a fixed outcome. `+label` variants (`bounce+run7@…`) behave
/// like the base address.
///
/// Simulator sends count against the send rate but not the daily quota, and
/// never against reputation (ses-facts.md §1.2).
public enum MailboxSimulatorScenario: String, Sendable, Hashable, CaseIterable {
    /// Delivered.
    case success
    /// Hard bounce: 550 5.1.1 user unknown; not added to the suppression list.
    case bounce
    /// Delivered, then an out-of-office auto-reply (a Transient bounce that counts nowhere).
    case outOfOffice = "ooto"
    /// Delivered, then a complaint.
    case complaint
    /// A hard bounce as if the address were on the global suppression list.
    case suppressionList = "suppressionlist"

    /// The simulator's domain.
    public static let domain = "simulator.amazonses.com"

    /// The scenario `address` selects, or nil if it is not a simulator address.
    public init?(address: EmailAddress) {
        guard address.domain == Self.domain else { return nil }
        self.init(rawValue: address.withoutLabel.localPart.lowercased())
    }
}

extension EmailAddress {
    /// The mailbox simulator scenario this address selects, if any.
    public var mailboxSimulatorScenario: MailboxSimulatorScenario? {
        MailboxSimulatorScenario(address: self)
    }

    /// Whether this address belongs to the mailbox simulator's domain.
    public var isMailboxSimulator: Bool { domain == MailboxSimulatorScenario.domain }
}
