import SimCore

/// What an identity is (v2 `IdentityType`).
public enum IdentityType: String, Hashable, Sendable, CaseIterable {
    case emailAddress = "EMAIL_ADDRESS"
    case domain = "DOMAIN"
}

/// An identity as `GetEmailIdentity` and `ListEmailIdentities` report it.
///
/// sesim verifies an identity the moment it is created (as SES's emulators
/// do; real SES waits for the DNS records or the confirmation link), so
/// every listed identity is verified and may send.
public struct EmailIdentityInfo: Hashable, Sendable {
    /// The address or domain, lowercased.
    public var name: String
    public var type: IdentityType
    /// `VerificationStatus`: always `SUCCESS` in sesim.
    public var verificationStatus: String { "SUCCESS" }
    /// `VerifiedForSendingStatus`.
    public var verifiedForSending: Bool { true }

    public init(name: String) {
        self.name = name.lowercased()
        self.type = name.contains("@") ? .emailAddress : .domain
    }
}

extension SESAccount {
    /// The most identities an account may have in a Region (AWS-DG quotas).
    public static let maximumIdentities = 10_000

    /// `CreateEmailIdentity` (v1 `VerifyEmailIdentity`, `VerifyDomainIdentity`):
    /// an address or a domain, verified at once.
    public mutating func createEmailIdentity(_ identity: String, at now: SimTime) throws(SESError)
        -> EmailIdentityInfo
    {
        try admitControlPlaneCall(.createEmailIdentity, at: now)
        try Self.validate(identity: identity)
        if identities.contains(identity: identity) {
            throw SESError(.alreadyExists, "Email identity <\(identity)> already exists.")
        }
        guard identities.count < Self.maximumIdentities else {
            throw SESError(.limitExceeded, "You have reached the limit of 10000 identities.")
        }
        identities.verify(identity)
        return EmailIdentityInfo(name: identity)
    }

    /// `GetEmailIdentity`.
    public mutating func getEmailIdentity(_ identity: String, at now: SimTime) throws(SESError)
        -> EmailIdentityInfo
    {
        try admitControlPlaneCall(.getEmailIdentity, at: now)
        guard identities.contains(identity: identity) else { throw Self.identityDoesNotExist(identity) }
        return EmailIdentityInfo(name: identity)
    }

    /// `ListEmailIdentities`: every identity, sorted by name.
    public mutating func listEmailIdentities(at now: SimTime) throws(SESError) -> [EmailIdentityInfo] {
        try admitControlPlaneCall(.listEmailIdentities, at: now)
        return identities.all.map { EmailIdentityInfo(name: $0) }
    }

    /// `DeleteEmailIdentity`: the identity can no longer send (unless a
    /// domain covering it is still verified).
    public mutating func deleteEmailIdentity(_ identity: String, at now: SimTime) throws(SESError) {
        try admitControlPlaneCall(.deleteEmailIdentity, at: now)
        guard identities.remove(identity) else { throw Self.identityDoesNotExist(identity) }
    }

    /// An address (parsed as SES parses a Source) or a domain name.
    static func validate(identity: String) throws(SESError) {
        if identity.contains("@") {
            _ = try EmailAddress(parsing: identity)
        } else if !VerifiedIdentities.isDomainName(identity) {
            throw SESError(
                .invalidParameterValue,
                "Invalid identity <\(identity)>: expected an email address or a domain.")
        }
    }

    static func identityDoesNotExist(_ identity: String) -> SESError {
        SESError(.notFound, "Email identity <\(identity)> does not exist.")
    }
}
