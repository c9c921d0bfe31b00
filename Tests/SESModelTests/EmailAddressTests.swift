import Testing

@testable import SESModel

@Suite("Email addresses")
struct EmailAddressTests {
    @Test(arguments: [
        ("jane@example.com", "jane@example.com", "example.com"),
        ("Jane Doe <jane@Example.COM>", "jane@Example.COM", "example.com"),
        (
            "\"Doe, Jane\" <jane.doe+news@mail.example.com>", "jane.doe+news@mail.example.com",
            "mail.example.com"
        ),
    ])
    func wellFormedAddressesParse(text: String, address: String, domain: String) throws {
        let parsed = try EmailAddress(parsing: text)
        #expect(parsed.address == address)
        #expect(parsed.domain == domain)
        #expect(parsed.text == text)
    }

    @Test(arguments: [
        ("resource_owner", "Missing final '@domain'"),
        ("jane@", "Missing domain"),
        ("@example.com", "Missing local name"),
        ("jane doe@example.com", "Local address contains control or whitespace"),
        ("github:jane@example.com", "Local address contains illegal character"),
        ("jäne@example.com", "Local address contains illegal character"),
        (".jane@example.com", "Local address starts with dot"),
        ("jane.@example.com", "Local address ends with dot"),
        ("ja..ne@example.com", "Local address contains dot-dot"),
        ("jane@exa mple.com", "Domain contains control or whitespace"),
        ("jane@.example.com", "Domain starts with dot"),
        ("jane@example..com", "Domain contains dot-dot"),
        ("jane@example.com.", "Domain ends with dot"),
        ("jane@exa(mple.com", "Domain contains illegal character"),
        ("", "Missing final '@domain'"),
    ])
    func malformedAddressesGiveJavaMailsMessages(text: String, message: String) {
        #expect(throws: SESError(.invalidParameterValue, message)) { try EmailAddress(parsing: text) }
    }

    @Test func mailboxSimulatorAddressesAreRecognisedWithLabels() throws {
        #expect(
            try EmailAddress(parsing: "success@simulator.amazonses.com").mailboxSimulatorScenario == .success)
        #expect(
            try EmailAddress(parsing: "bounce+run7@simulator.amazonses.com").mailboxSimulatorScenario
                == .bounce)
        #expect(
            try EmailAddress(parsing: "ooto@SIMULATOR.amazonses.com").mailboxSimulatorScenario == .outOfOffice
        )
        #expect(
            try EmailAddress(parsing: "suppressionlist@simulator.amazonses.com").mailboxSimulatorScenario
                == .suppressionList)
        #expect(try EmailAddress(parsing: "nobody@simulator.amazonses.com").mailboxSimulatorScenario == nil)
        #expect(try EmailAddress(parsing: "nobody@simulator.amazonses.com").isMailboxSimulator)
        #expect(try EmailAddress(parsing: "success@example.com").mailboxSimulatorScenario == nil)
    }

    @Test func domainsVerifyTheirAddressesAndSubdomains() throws {
        let identities = VerifiedIdentities(["example.com", "Ops@Other.org"])
        #expect(identities.isVerified(try EmailAddress(parsing: "a@example.com")))
        #expect(identities.isVerified(try EmailAddress(parsing: "a@news.EXAMPLE.com")))
        #expect(identities.isVerified(try EmailAddress(parsing: "ops@other.org")))
        #expect(!identities.isVerified(try EmailAddress(parsing: "dev@other.org")))
        #expect(!identities.isVerified(try EmailAddress(parsing: "a@notexample.com")))
    }
}
