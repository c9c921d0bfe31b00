/// The identities an account has verified: email addresses and domains.
///
/// An address is verified when it, or its domain, or a parent of its domain
/// was verified (SES: verifying a domain verifies every address on it and
/// its subdomains). Addresses and domains compare case-insensitively.
public struct VerifiedIdentities: Hashable, Sendable {
    private var addresses: Set<String> = []
    private var domains: Set<String> = []

    public init() {}

    /// Verified identities read from `identities`: entries containing `@` are
    /// addresses, the others domains.
    public init(_ identities: some Sequence<String>) {
        for identity in identities { verify(identity) }
    }

    /// Marks `identity` (an address or a domain) as verified.
    public mutating func verify(_ identity: String) {
        let lowered = identity.lowercased()
        if lowered.contains("@") { addresses.insert(lowered) } else { domains.insert(lowered) }
    }

    /// Whether `address` may be used: itself, its domain or a parent domain is verified.
    public func isVerified(_ address: EmailAddress) -> Bool {
        if addresses.contains(address.address.lowercased()) { return true }
        var domain = Substring(address.domain)
        while true {
            if domains.contains(String(domain)) { return true }
            guard let dot = domain.firstIndex(of: ".") else { return false }
            domain = domain[domain.index(after: dot)...]
        }
    }

    /// The verified domain that covers `domain`: itself or its nearest
    /// verified parent; nil when none is verified.
    public func verifiedDomain(covering domain: String) -> String? {
        var remaining = Substring(domain.lowercased())
        while true {
            if domains.contains(String(remaining)) { return String(remaining) }
            guard let dot = remaining.firstIndex(of: ".") else { return nil }
            remaining = remaining[remaining.index(after: dot)...]
        }
    }

    /// Whether any single address is verified (as opposed to domains only).
    public var hasVerifiedAddresses: Bool { !addresses.isEmpty }

    /// Whether `domain` or a parent of it is verified.
    public func isVerified(domain: String) -> Bool {
        var remaining = Substring(domain.lowercased())
        while true {
            if domains.contains(String(remaining)) { return true }
            guard let dot = remaining.firstIndex(of: ".") else { return false }
            remaining = remaining[remaining.index(after: dot)...]
        }
    }

    /// Every verified identity, sorted (for output).
    public var all: [String] { (addresses.union(domains)).sorted() }
}
