import SESModel

extension SESV1Input {
    /// The most identities one `GetIdentityVerificationAttributes` call may
    /// name (API-v1: "up to 100 identities at a time").
    static let maximumVerificationIdentities = 100

    /// `VerifyEmailIdentity` and the older `VerifyEmailAddress`: an address,
    /// verified at once; calling again for a verified address succeeds.
    static func verifyEmail(_ operation: String, _ input: V1Parameters) throws(SESV1InputError) -> SESV1Call {
        let address = input.requiredString("EmailAddress")
        guard address.contains("@") else {
            throw SESV1InputError(
                SESV1Error(.invalidParameterValue, "Invalid email address <\(address)>."), at: "EmailAddress")
        }
        return SESV1Call(
            operation: operation, request: .createEmailIdentity(address), presentation: .verifyEmail)
    }

    /// `VerifyDomainIdentity`: a domain, verified at once, with its token.
    static func verifyDomain(_ input: V1Parameters) throws(SESV1InputError) -> SESV1Call {
        let domain = input.requiredString("Domain")
        guard !domain.contains("@") else {
            throw SESV1InputError(
                SESV1Error(.invalidParameterValue, "Invalid domain name <\(domain)>."), at: "Domain")
        }
        return SESV1Call(
            operation: "VerifyDomainIdentity", request: .createEmailIdentity(domain),
            presentation: .verifyDomain(domain))
    }

    /// `ListIdentities`: `IdentityType` filters; pages of `MaxItems` (1 to
    /// 1,000, API-v1; 1,000 when absent, an assumption).
    static func listIdentities(_ input: V1Parameters) throws(SESV1InputError) -> SESV1Call {
        let type: IdentityType? =
            switch input.string("IdentityType") {
            case "EmailAddress": .emailAddress
            case "Domain": .domain
            default: nil
            }
        let page = try page(input, defaultSize: 1_000, maximum: 1_000)
        return SESV1Call(
            operation: "ListIdentities", request: .listEmailIdentities,
            presentation: .identities(type: type, offset: page.offset, size: page.size))
    }

    /// `GetIdentityVerificationAttributes` for up to 100 identities.
    static func verificationAttributes(_ input: V1Parameters) throws(SESV1InputError) -> SESV1Call {
        let identities = input.strings("Identities")
        guard identities.count <= maximumVerificationIdentities else {
            throw SESV1InputError(
                SESV1Error(
                    .invalidParameterValue,
                    "GetIdentityVerificationAttributes accepts at most \(maximumVerificationIdentities) identities; "
                        + "got \(identities.count)."),
                at: "Identities")
        }
        return SESV1Call(
            operation: "GetIdentityVerificationAttributes", request: .listEmailIdentities,
            presentation: .verificationAttributes(identities))
    }
}
