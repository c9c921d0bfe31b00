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

    /// Whether `identity` itself (not a domain covering it) is verified.
    public func contains(identity: String) -> Bool {
        let lowered = identity.lowercased()
        return lowered.contains("@") ? addresses.contains(lowered) : domains.contains(lowered)
    }

    /// Removes `identity` (an address or a domain).
    ///
    /// - Returns: whether it was verified.
    @discardableResult
    public mutating func remove(_ identity: String) -> Bool {
        let lowered = identity.lowercased()
        return lowered.contains("@")
            ? addresses.remove(lowered) != nil : domains.remove(lowered) != nil
    }

    /// The number of verified identities.
    public var count: Int { addresses.count + domains.count }

    /// Whether `text` is a domain name: two or more labels of letters,
    /// digits and inner hyphens, each 1 to 63 characters.
    public static func isDomainName(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2
            && labels.allSatisfy { label in
                !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
    }
}
