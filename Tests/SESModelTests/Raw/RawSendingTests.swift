import SESEvents
import SimCore
import Testing

@testable import SESModel

@Suite("SendRawEmail: SES's rules")
struct RawSendingTests {
    @Test func aPythonMessageIsSentFromItsFromHeaderToItsToHeader() throws {
        var account = Fixtures.account()
        let message = try RawFixtures.send(RawFixtures.bytes("alternative-in-mixed"), account: &account)
        #expect(message.operation == .sendRawEmail)
        #expect(message.source.text == "sender@example.com")
        #expect(message.recipients.map(\.address) == ["recipient@example.com"])
        let summary = try #require(RawFixtures.summary(message))
        #expect(
            summary.headers.map(\.name) == [
                "From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type",
            ])
        #expect(summary.headers[6].value == #"multipart/mixed; boundary="==sesim-alternative-in-mixed-0==""#)
        #expect(summary.from == ["Sender Name <sender@example.com>"])
        #expect(summary.to == ["recipient@example.com"])
        #expect(summary.date == "Tue, 07 Mar 2023 14:42:27 +0000")
        #expect(summary.subject == "Invoice attached")
        #expect(!summary.headersTruncated)
    }

    @Test func theSizeLimitIsTenMegabytesForV1AndFortyForV2AndSMTP() throws {
        var account = Fixtures.account()
        let line = String(repeating: "a", count: 99) + "\r\n"
        var big = RawFixtures.plain(body: "")
        big += Array(String(repeating: line, count: 10 * 1_048_576 / line.utf8.count + 1).utf8)
        #expect(
            throws: SESError(
                .invalidParameterValue, "Message length is more than 10485760 bytes long: '\(big.count)'.")
        ) { try RawFixtures.send(big, account: &account) }
        _ = try RawFixtures.send(big, account: &account, interface: .sendEmail)
        _ = try RawFixtures.send(big, account: &account, interface: .smtp, at: .start + .seconds(1))
        big += Array(String(repeating: line, count: 30 * 1_048_576 / line.utf8.count + 1).utf8)
        #expect(
            throws: SESError(
                .invalidParameterValue, "Message length is more than 41943040 bytes long: '\(big.count)'.")
        ) { try RawFixtures.send(big, account: &account, interface: .smtp) }
    }

    @Test func withoutSourceOrFromTheFromHeaderIsMissing() throws {
        var account = Fixtures.account()
        let noFrom = try RawFixtures.bytes("malformed-no-from")
        #expect(throws: SESError(.invalidParameterValue, "Missing required header 'From'.")) {
            try RawFixtures.send(noFrom, account: &account)
        }
        let sent = try RawFixtures.send(noFrom, account: &account, source: "Sender <sender@example.com>")
        #expect(sent.source.text == "Sender <sender@example.com>")
        #expect(sent.recipients.map(\.address) == ["recipient@example.com"])
        #expect(RawFixtures.summary(sent)?.from == [])
    }

    @Test func malformedMIMEGetsJavaMailsTextsAsInvalidParameterValue() throws {
        var account = Fixtures.account()
        #expect(throws: SESError(.invalidParameterValue, "Missing start boundary")) {
            try RawFixtures.send(RawFixtures.bytes("malformed-missing-boundary"), account: &account)
        }
        #expect(
            throws: SESError(
                .invalidParameterValue,
                "BASE64Decoder: Error in encoded stream: needed 4 valid base64 characters but only got 2 "
                    + "before EOF, the 10 most recent characters were: \"cmVhbQp4nD\"")
        ) { try RawFixtures.send(RawFixtures.bytes("malformed-truncated-base64"), account: &account) }
        #expect(account.acceptedCount == 0)
    }

    @Test func blockedAttachmentExtensionsAreRefusedAtAnyDepth() throws {
        var account = Fixtures.account()
        #expect(throws: SESError(.invalidParameterValue, "Illegal filename 'setup.exe'")) {
            try RawFixtures.send(RawFixtures.bytes("blocked-attachment"), account: &account)
        }
        let nested = RawFixtures.message([
            "From: sender@example.com", "To: r@example.com", "Content-Type: multipart/mixed; boundary=o", "",
            "--o", "Content-Type: message/rfc822", "", "Content-Type: multipart/mixed; boundary=i", "", "--i",
            "Content-Type: application/octet-stream; name=\"Tool.JS \"", "", "x", "--i--", "--o--", "",
        ])
        #expect(throws: SESError(.invalidParameterValue, "Illegal filename 'Tool.JS '")) {
            try RawFixtures.send(nested, account: &account)
        }
        #expect(RawMessageRules.isBlocked("report.PS1"))
        #expect(!RawMessageRules.isBlocked("report.pdf"))
        #expect(!RawMessageRules.isBlocked("exe"))
    }

    @Test func aRepeatedSingleFieldIsADuplicateHeader() throws {
        var account = Fixtures.account()
        #expect(throws: SESError(.invalidParameterValue, "Duplicate header 'subject'.")) {
            try RawFixtures.send(RawFixtures.plain(extra: ["subject: again"]), account: &account)
        }
        #expect(throws: SESError(.invalidParameterValue, "Duplicate header 'DKIM-Signature'.")) {
            try RawFixtures.send(
                RawFixtures.plain(extra: [
                    "DKIM-Signature: v=1; a=rsa-sha256", "DKIM-Signature: v=1; a=ed25519",
                ]),
                account: &account)
        }
        // Trace fields may repeat.
        _ = try RawFixtures.send(RawFixtures.plain(extra: ["Received: a", "Received: b"]), account: &account)
    }

    @Test func recipientsComeFromToCcAndBccUnlessDestinationsAreGiven() throws {
        var account = Fixtures.account()
        let raw = try RawFixtures.bytes("recipients-in-headers")
        let fromHeaders = try RawFixtures.send(raw, account: &account)
        #expect(
            fromHeaders.recipients.map(\.address)
                == ["alice@example.com", "bob@example.com", "carol@example.com", "dave@example.com"])
        #expect(fromHeaders.destination.bccAddresses == ["dave@example.com"])
        #expect(RawFixtures.summary(fromHeaders)?.to == ["alice@example.com", "Bob <bob@example.com>"])
        let explicit = try RawFixtures.send(
            raw, account: &account, destinations: ["only@example.com"], at: .start + .seconds(1))
        #expect(explicit.recipients.map(\.address) == ["only@example.com"])
    }

    @Test func recipientCountsAndAddressesAreChecked() throws {
        var account = Fixtures.account()
        let many = (1...51).map { "r\($0)@example.com" }.joined(separator: ", ")
        #expect(throws: SESError(.invalidParameterValue, "Recipient count exceeds 50.")) {
            try RawFixtures.send(RawFixtures.plain(to: many), account: &account)
        }
        #expect(throws: SESError(.invalidParameterValue, "There are no recipients specified.")) {
            try RawFixtures.send(RawFixtures.plain(to: "undisclosed-recipients:;"), account: &account)
        }
        #expect(throws: SESError(.invalidParameterValue, "Missing '>'")) {
            try RawFixtures.send(RawFixtures.plain(to: "Name <a@example.com"), account: &account)
        }
        #expect(throws: SESError(.invalidParameterValue, "Missing final '@domain'")) {
            try RawFixtures.send(RawFixtures.plain(to: "Name <nobody>"), account: &account)
        }
        #expect(throws: SESError(.invalidParameterValue, "Missing final '@domain'")) {
            try RawFixtures.send(RawFixtures.plain(), account: &account, destinations: ["nobody"])
        }
    }

    @Test func fromSenderAndReturnPathMustBeVerifiedToo() throws {
        var account = Fixtures.account(identities: ["example.com"])
        #expect(
            throws: SESError(
                .messageRejected,
                "Email address is not verified. The following identities failed the check in region "
                    + "US-EAST-1: boss@other.org, bounces@other.org")
        ) {
            try RawFixtures.send(
                RawFixtures.message([
                    "From: Boss <boss@other.org>", "Sender: sender@example.com",
                    "Return-Path: <bounces@other.org>", "To: r@example.com", "", "x",
                ]), account: &account, source: "sender@example.com")
        }
        #expect(
            throws: SESError(
                .messageRejected,
                "Email address is not verified. The following identities failed the check in region "
                    + "US-EAST-1: boss@other.org")
        ) {
            try RawFixtures.send(
                RawFixtures.message(["From: Boss <boss@other.org>", "To: r@example.com", "", "x"]),
                account: &account)
        }
    }

    @Test func theSESHeadersNameTheConfigurationSetAndTags() throws {
        var account = Fixtures.account()
        try account.addConfigurationSet(ConfigurationSet(name: "raw-set"))
        try account.addConfigurationSet(ConfigurationSet(name: "other"))
        let raw = try RawFixtures.bytes("ses-headers")
        let fromHeaders = try RawFixtures.send(raw, account: &account)
        #expect(fromHeaders.configurationSet == account.indexOfConfigurationSet(named: "raw-set"))
        #expect(
            fromHeaders.tags == [
                NameValue(name: "campaign", value: "spring"), NameValue(name: "variant", value: "b"),
            ])
        // The call's parameters win, and tags are not merged.
        let fromCall = try RawFixtures.send(
            raw, account: &account, configurationSet: "other", tags: [NameValue(name: "k", value: "v")],
            at: .start + .seconds(1))
        #expect(fromCall.configurationSet == account.indexOfConfigurationSet(named: "other"))
        #expect(fromCall.tags == [NameValue(name: "k", value: "v")])
        var bare = Fixtures.account()
        #expect(
            throws: SESError(.configurationSetDoesNotExist, "Configuration set <raw-set> does not exist.")
        ) {
            try RawFixtures.send(raw, account: &bare)
        }
        #expect(
            throws: SESError(
                .invalidParameterValue,
                "Invalid tag value <a:b>: only alphanumeric ASCII characters, '_', and '-' are allowed.")
        ) {
            try RawFixtures.send(RawFixtures.plain(extra: ["X-SES-MESSAGE-TAGS: k=a:b"]), account: &bare)
        }
    }

    @Test func eightBitAndNonASCIIContentIsAccepted() throws {
        var account = Fixtures.account()
        let message = try RawFixtures.send(RawFixtures.bytes("non-ascii-headers"), account: &account)
        let summary = try #require(RawFixtures.summary(message))
        #expect(summary.subject == "Résumé für Jürgen — 履歴書")
        #expect(summary.from == ["Jürgen Müller <juergen@example.com>"])
        #expect(summary.headers.first { $0.name == "Subject" }?.value.hasPrefix("=?utf-8?b?") == true)
        #expect(message.fromDomain == "example.com")
    }

    @Test func theDispatchAndTheV2Interface() throws {
        var service = SESService(
            account: Fixtures.account(), parameters: DeliveryParameters(), audiences: [],
            streams: RandomStreams(seed: 1))
        let request = SESRequest.sendRawEmail(RawFixtures.request(RawFixtures.plain(), interface: .sendEmail))
        #expect(request.operationName == "SendRawEmail")
        #expect(request.sendOperation == .sendEmail)
        guard
            case .message(let message) = try service.perform(
                request, origin: MessageOrigin(token: 0), at: .start)
        else {
            Issue.record("expected a message")
            return
        }
        #expect(message.operation == .sendEmail)
        #expect(SESRequest.sendRawEmail(RawFixtures.request([])).sendOperation == .sendRawEmail)
    }
}
