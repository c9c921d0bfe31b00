import SESEvents
import SESTemplates
import SimCore
import Testing

@testable import SESModel

/// The account operations `sesim serve` brought into the model: identities,
/// the suppression list's API, TestRenderTemplate, the control-plane rate.
@Suite struct ServingOperationsTests {
    @Test func identitiesAreCreatedVerifiedListedAndDeleted() throws {
        var account = Fixtures.account(identities: [])
        let created = try account.createEmailIdentity("Example.ORG", at: .start)
        #expect(created == EmailIdentityInfo(name: "example.org"))
        #expect(created.type == .domain)
        #expect(
            try account.sendEmail(Fixtures.email(to: ["x@example.net"]).from("a@sub.example.org"), at: .start)
                .messageId.description.isEmpty == false)
        do {
            _ = try account.createEmailIdentity("example.org", at: .start + .seconds(1))
            Issue.record("created twice")
        } catch {
            #expect(error.code == .alreadyExists)
        }
        _ = try account.createEmailIdentity("ann@example.net", at: .start + .seconds(2))
        #expect(
            try account.listEmailIdentities(at: .start + .seconds(3)).map(\.name) == [
                "ann@example.net", "example.org",
            ])
        try account.deleteEmailIdentity("example.org", at: .start + .seconds(4))
        #expect(throws: SESError.self) {
            try account.getEmailIdentity("example.org", at: .start + .seconds(5))
        }
        #expect(throws: SESError.self) {
            try account.sendEmail(
                Fixtures.email(to: ["x@example.net"]).from("a@example.org"), at: .start + .seconds(6))
        }
        #expect(throws: SESError.self) {
            try account.createEmailIdentity("not a domain", at: .start + .seconds(7))
        }
    }

    @Test func autoVerifiedSendersAreListedFromTheirFirstSend() throws {
        var settings = AccountSettings(identities: [])
        settings.autoVerifySenders = true
        var account = SESAccount(
            settings: settings, calendar: Fixtures.calendar, streams: RandomStreams(seed: 1))
        _ = try account.sendEmail(Fixtures.email(to: ["x@example.net"]), at: .start)
        #expect(try account.listEmailIdentities(at: .start).map(\.name) == ["sender@example.com"])
    }

    @Test func theSuppressionListAPI() throws {
        var account = Fixtures.account()
        try account.putSuppressedDestination("Gone@Example.net", reason: .bounce, at: .start + .seconds(5))
        let entry = try account.getSuppressedDestination("gone@example.net", at: .start + .seconds(6))
        #expect(
            entry
                == SuppressedDestination(
                    emailAddress: "Gone@Example.net", reason: .bounce, lastUpdateTime: .start + .seconds(5)))
        try account.putSuppressedDestination(
            "angry@example.net", reason: .complaint, at: .start + .seconds(10))
        let complaints = try account.listSuppressedDestinations(
            reasons: [.complaint], start: nil, end: nil, at: .start + .seconds(11))
        #expect(complaints.map(\.emailAddress) == ["angry@example.net"])
        let early = try account.listSuppressedDestinations(
            reasons: [], start: nil, end: .start + .seconds(7), at: .start + .seconds(12))
        #expect(early.map(\.emailAddress) == ["Gone@Example.net"])
        try account.deleteSuppressedDestination("gone@example.net", at: .start + .seconds(13))
        do {
            try account.deleteSuppressedDestination("gone@example.net", at: .start + .seconds(14))
            Issue.record("deleted twice")
        } catch {
            #expect(error.code == .notFound)
        }
        #expect(throws: SESError.self) {
            try account.putSuppressedDestination("nope", reason: .bounce, at: .start + .seconds(15))
        }
    }

    @Test func testRenderGivesTheMIMEMessage() throws {
        var account = Fixtures.account()
        try account.addTemplate(
            EmailTemplate(
                name: "t", subjectPart: "Grüße {{name}}", textPart: "Hi {{name}}", htmlPart: "<b>{{name}}</b>"
            ))
        let rendered = try account.testRenderTemplate(named: "t", data: #"{"name":"Ann"}"#, at: .start)
        #expect(rendered.subject == "Grüße Ann")
        #expect(
            rendered.mime
                == "Subject: =?UTF-8?B?R3LDvMOfZSBBbm4=?=\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"----=_Part_0_sesim\"\r\n\r\n"
                + "------=_Part_0_sesim\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\nHi Ann\r\n"
                + "------=_Part_0_sesim\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n<b>Ann</b>\r\n"
                + "------=_Part_0_sesim--\r\n")
        do {
            _ = try account.testRenderTemplate(named: "t", data: "{}", at: .start + .seconds(1))
            Issue.record("rendered without its variable")
        } catch {
            #expect(error.code == .missingRenderingAttribute)
        }
    }

    @Test func theControlPlaneRateIsASetting() throws {
        var limited = Fixtures.account()
        _ = try limited.getSendQuota(at: .start)
        #expect(throws: SESError.self) { try limited.getSendQuota(at: .start) }
        var settings = AccountSettings(identities: [])
        settings.controlPlaneRate = nil
        var open = SESAccount(
            settings: settings, calendar: Fixtures.calendar, streams: RandomStreams(seed: 1))
        for _ in 0..<10 { _ = try open.getSendQuota(at: .start) }
        settings.controlPlaneRate = 3
        var three = SESAccount(
            settings: settings, calendar: Fixtures.calendar, streams: RandomStreams(seed: 1))
        for _ in 0..<3 { _ = try three.getSendQuota(at: .start) }
        #expect(throws: SESError.self) { try three.getSendQuota(at: .start) }
    }
}

extension SendEmailRequest {
    func from(_ source: String) -> SendEmailRequest {
        var copy = self
        copy.source = source
        return copy
    }
}
