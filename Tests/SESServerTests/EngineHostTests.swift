import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SESModel
import SESServer
import SESSimulation
import SESTemplates
import SimCore
import SimJSON
import Synchronization
import Testing

/// The host: determinism in manual mode, and the wall-clock modes.
@Suite struct EngineHostTests {
    /// The same calls and clock moves, over HTTP.
    static func script(_ client: any TestClientProtocol) async throws {
        _ = try await client.call(
            .post, "/v2/email/templates",
            #"{"TemplateName":"t","TemplateContent":{"Subject":"Hi {{n}}","Text":"x {{n}}"}}"#)
        _ = try await client.sendSimple(to: ["bounce@simulator.amazonses.com", "ann@example.net"])
        _ = try await client.call(
            .post, "/v2/email/outbound-emails",
            #"{"FromEmailAddress":"app@example.com","Destination":{"ToAddresses":["complaint@simulator.amazonses.com"]},"Content":{"Template":{"TemplateName":"t","TemplateData":"{\"n\":1}"}}}"#
        )
        _ = try await client.advance(5)
        _ = try await client.sendSimple(to: ["ooto@simulator.amazonses.com"])
        _ = try await client.advance(600)
    }

    static func digest(_ client: any TestClientProtocol) async throws -> String {
        try #require(try await client.call(.get, "/_sesim/summary")["eventDigest"]?.stringValue)
    }

    @Test func theSameCallsAndClockMovesGiveTheSameDigest() async throws {
        let first = try await ServerFixtures.withServer { client, _ in
            try await Self.script(client)
            return try await Self.digest(client)
        }
        let second = try await ServerFixtures.withServer { client, _ in
            try await Self.script(client)
            return try await Self.digest(client)
        }
        #expect(first == second)
        // Driving the engine directly with the same calls gives it too.
        let engine = try SimulationEngine(scenario: try ServerFixtures.scenario(ServerFixtures.openAccount))
        _ = try engine.call(
            .createTemplate(EmailTemplate(name: "t", subjectPart: "Hi {{n}}", textPart: "x {{n}}")))
        _ = try engine.call(
            .sendEmail(
                SendEmailRequest(
                    source: "app@example.com",
                    destination: Destination(toAddresses: [
                        "bounce@simulator.amazonses.com", "ann@example.net",
                    ]),
                    message: SimpleContent(subject: "Hello", text: "Hi"))))
        _ = try engine.call(
            .sendTemplatedEmail(
                SendTemplatedEmailRequest(
                    source: "app@example.com",
                    destination: Destination(toAddresses: ["complaint@simulator.amazonses.com"]),
                    template: "t",
                    templateData: #"{"n":1}"#)))
        engine.advance(to: engine.now + .seconds(5))
        _ = try engine.call(
            .sendEmail(
                SendEmailRequest(
                    source: "app@example.com",
                    destination: Destination(toAddresses: ["ooto@simulator.amazonses.com"]),
                    message: SimpleContent(subject: "Hello", text: "Hi"))))
        engine.advance(to: engine.now + .seconds(600))
        #expect(engine.summary()["eventDigest"] == .string(first))
        // And a different sequence gives another.
        let other = try await ServerFixtures.withServer { client, _ in
            _ = try await client.sendSimple(to: ["success@simulator.amazonses.com"])
            _ = try await client.advance(605)
            return try await Self.digest(client)
        }
        #expect(other != first)
    }

    /// A wall clock the test moves.
    final class TestWallClock: WallClock {
        let reading = Mutex<UInt64>(1_000_000_000)
        func nanoseconds() -> UInt64 { reading.withLock { $0 } }
        func move(seconds: Double) { reading.withLock { $0 += UInt64(seconds * 1e9) } }
    }

    @Test func aScaledClockFollowsTheWallClock() async throws {
        let wall = TestWallClock()
        let host = try EngineHost(
            scenario: try ServerFixtures.scenario(ServerFixtures.openAccount), mode: .scaled(60),
            wallClock: wall)
        #expect(await host.nowText == "2026-03-02T09:00:00.000Z")
        _ = await host.perform(
            .sendEmail(
                SendEmailRequest(
                    source: "app@example.com",
                    destination: Destination(toAddresses: ["bounce@simulator.amazonses.com"]),
                    message: SimpleContent(subject: "s", text: "t"))))
        wall.move(seconds: 1)
        await host.tick()
        #expect(await host.nowText == "2026-03-02T09:01:00.000Z")
        // The bounce came on its own, with the wall clock.
        #expect(await host.eventRecords(type: "bounce", messageId: nil).count == 1)
        // A jump moves the anchor; the wall clock goes on from there.
        _ = try await host.advance(seconds: 3600)
        #expect(await host.nowText == "2026-03-02T10:01:00.000Z")
        wall.move(seconds: 0.5)
        await host.tick()
        #expect(await host.nowText == "2026-03-02T10:01:30.000Z")
    }

    @Test func aRealClockStopsAtTheScenariosEnd() async throws {
        let wall = TestWallClock()
        let host = try EngineHost(
            scenario: try ServerFixtures.scenario(ServerFixtures.openAccount + "\nduration: 10s\n"),
            mode: .real,
            wallClock: wall)
        wall.move(seconds: 4)
        await host.tick()
        #expect(await host.nowText == "2026-03-02T09:00:04.000Z")
        wall.move(seconds: 60)
        await host.tick()
        #expect(await host.nowText == "2026-03-02T09:00:10.000Z")
        let result = try await host.finish()
        #expect(result.passed)
    }

    @Test func clockModesReadFromTheCommandLine() {
        #expect(ClockMode(argument: "manual") == .manual)
        #expect(ClockMode(argument: "real") == .real)
        #expect(ClockMode(argument: "x60") == .scaled(60))
        #expect(ClockMode(argument: "x0.5") == .scaled(0.5))
        #expect(ClockMode(argument: "x1") == .real)
        #expect(ClockMode(argument: "x0") == nil)
        #expect(ClockMode(argument: "x-2") == nil)
        #expect(ClockMode(argument: "fast") == nil)
        #expect(ClockMode.scaled(60).description == "x60")
    }

    @Test func theCredentialScopeGivesTheRegion() {
        #expect(
            CredentialScope(credential: "AKID/20260302/eu-west-1/ses/aws4_request")?.region == "eu-west-1")
        #expect(CredentialScope(credential: "AKID/20260302/eu-west-1/ses") == nil)
    }

    @Test func theDefaultAccountLoads() throws {
        let scenario = try DefaultScenario.load()
        #expect(scenario.account.region == "us-east-1")
        #expect(scenario.account.accountId == "123456789012")
        #expect(scenario.account.effectiveMaximumSendRate == 14)
        #expect(scenario.account.effectiveMaximum24HourSend == 50_000)
        #expect(scenario.account.autoVerifySenders)
        #expect(!scenario.account.sandbox)
        #expect(scenario.calendar.timestamp(.start) == "2026-01-01T00:00:00.000Z")
    }
}
