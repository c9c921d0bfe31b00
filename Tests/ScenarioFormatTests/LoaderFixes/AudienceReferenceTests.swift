import ScenarioTesting
import SimJSON
import Testing

@testable import ScenarioFormat

/// A client's `recipients.audience` must name a defined audience, and its
/// slice must lie inside it: the loader says so with the place and the
/// audience's size (the engine refuses what the loader would: SESSimulationTests).
@Suite("Loader fixes: audiences named by clients")
struct AudienceReferenceTests {
    typealias F = LoaderFixFixtures

    @Test func anUndefinedAudienceIsReportedWithASuggestion() {
        let messages = F.messages(F.head + F.audience + F.client(recipients: "{ audience: subscriber }"))
        #expect(
            messages == [
                "test.yaml:13:29: traffic[0].recipients.audience: no audience named 'subscriber' is defined "
                    + "(did you mean 'subscribers'?); defined: subscribers"
            ])
    }

    @Test func anAudienceWhenNoneIsDefinedIsReported() {
        let messages = F.messages(F.head + F.client(recipients: "{ audience: subscribers }"))
        #expect(
            messages == [
                "test.yaml:9:29: traffic[0].recipients.audience: no audience named 'subscribers' is defined"
            ])
    }

    @Test func anAudienceWithProblemsOfItsOwnIsNotReportedAgainAsUndefined() {
        let audience = F.audience.replacingOccurrences(of: "size: 100", with: "size: 0")
        let messages = F.messages(F.head + audience + F.client(recipients: "{ audience: subscribers }"))
        #expect(
            messages == [
                "test.yaml:6:11: audiences[0].size: 0 is out of range; expected a number of recipients "
                    + "from 1 to 1000000000"
            ])
    }

    @Test func aSliceStartingPastTheEndIsReported() {
        #expect(
            F.messages(F.head + F.audience + F.client(recipients: "{ audience: subscribers, from: 150 }"))
                == [
                    "test.yaml:13:48: traffic[0].recipients.from: member 150 is past the end of audience "
                        + "'subscribers' (100 members, numbered 0 to 99)"
                ])
        #expect(
            F.messages(F.head + F.audience + F.client(recipients: "{ audience: subscribers, from: 100 }"))
                == [
                    "test.yaml:13:48: traffic[0].recipients.from: member 100 is past the end of audience "
                        + "'subscribers' (100 members, numbered 0 to 99)"
                ])
    }

    @Test func aSliceEndingPastTheEndIsReported() {
        let messages = F.messages(
            F.head + F.audience + F.client(recipients: "{ audience: subscribers, from: 50, count: 80 }"))
        #expect(
            messages == [
                "test.yaml:13:59: traffic[0].recipients.count: 80 members from member 50 go past the end of "
                    + "audience 'subscribers' (100 members, numbered 0 to 99); at most 50 fit"
            ])
        let fromStart = F.messages(
            F.head + F.audience + F.client(recipients: "{ audience: subscribers, count: 101 }"))
        #expect(
            fromStart == [
                "test.yaml:13:49: traffic[0].recipients.count: 101 members from member 0 go past the end of "
                    + "audience 'subscribers' (100 members, numbered 0 to 99); at most 100 fit"
            ])
    }

    @Test(
        arguments: [
            ("{ audience: subscribers }", 0, nil),
            ("{ audience: subscribers, from: 50, count: 50 }", 50, 50),
            ("{ audience: subscribers, from: 99, count: 1 }", 99, 1),
            ("{ audience: subscribers, from: 99 }", 99, nil),
        ] as [(String, Int, Int?)])
    func slicesInsideTheAudienceLoad(_ recipients: String, from: Int, count: Int?) throws {
        let scenario = try F.load(F.head + F.audience + F.client(recipients: recipients))
        #expect(
            scenario.traffic.first?.recipients == .audience(name: "subscribers", from: from, count: count))
    }
}
