import SESEvents
import SESTemplates
import SimCore

@testable import SESModel

/// Accounts and requests shared by the tests.
enum Fixtures {
    static let calendar = try! SimCalendar(start: "2026-03-01T09:00:00Z")

    static func account(
        sandbox: Bool = false, maximum24HourSend: Double? = nil, maximumSendRate: Double? = nil,
        identities: [String] = ["example.com"], pools: [String] = []
    ) -> SESAccount {
        SESAccount(
            settings: AccountSettings(
                sandbox: sandbox, maximum24HourSend: maximum24HourSend, maximumSendRate: maximumSendRate,
                identities: identities, dedicatedIpPools: pools),
            calendar: calendar, streams: RandomStreams(seed: 42))
    }

    static func email(to recipients: [String], configurationSet: String? = nil, tags: [NameValue] = [])
        -> SendEmailRequest
    {
        SendEmailRequest(
            source: "Sender <sender@example.com>", destination: Destination(toAddresses: recipients),
            message: SimpleContent(subject: "Hello", text: "Hi"), configurationSetName: configurationSet,
            tags: tags)
    }

    static func bulk(_ recipients: [String], configurationSet: String? = nil) -> SendBulkTemplatedEmailRequest
    {
        SendBulkTemplatedEmailRequest(
            source: "sender@example.com", template: "welcome",
            destinations: recipients.map {
                BulkEmailDestination(destination: Destination(toAddresses: [$0]))
            },
            configurationSetName: configurationSet)
    }

    static let welcome = EmailTemplate(name: "welcome", subjectPart: "Hi {{name}}", textPart: "Hello {{name}}")

    static func at(seconds: Double) -> SimTime {
        .start + SimDuration(seconds: seconds)
    }
}
