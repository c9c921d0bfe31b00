import ScenarioTesting
import SimJSON
import Testing

@testable import ScenarioFormat

/// The smaller loader fixes: the range message of probabilities, schedules
/// starting after the end, IPv4 addresses and account IDs.
@Suite("Loader fixes: smaller ones")
struct SmallFixTests {
    typealias F = LoaderFixFixtures

    @Test func aProbabilityOutOfRangeSaysTheRangeOnce() {
        #expect(
            F.messages(F.head + "delivery: { virusRate: 2 }\n") == [
                "test.yaml:4:24: delivery.virusRate: 2 is out of range; expected a probability from 0 to 1"
            ])
        #expect(
            F.messages(F.head + "delivery: { virusRate: often }\n") == [
                "test.yaml:4:24: delivery.virusRate: expected a probability between 0 and 1, found the text 'often'"
            ])
    }

    @Test func aScheduleStartingAfterTheEndIsAnError() {
        let list = "{ list: [success@simulator.amazonses.com] }"
        #expect(
            F.messages(F.head + F.client(recipients: list, schedule: "{ executor: once, start: +2h }")) == [
                "test.yaml:10:40: traffic[0].schedule.start: the schedule starts after the run ends "
                    + "(1h after the start)"
            ])
        #expect(
            F.messages(
                F.head
                    + F.client(
                        recipients: list,
                        schedule: "{ executor: constant-arrival-rate, start: day 2, rate: 1, duration: 1h }"))
                == [
                    "test.yaml:10:57: traffic[0].schedule.start: the schedule starts after the run ends "
                        + "(1h after the start)"
                ])
    }

    @Test func aScheduleStartingAtTheEndOrRepeatingPastItLoads() throws {
        let list = "{ list: [success@simulator.amazonses.com] }"
        #expect(
            F.messages(F.head + F.client(recipients: list, schedule: "{ executor: once, start: +1h }"))
                .isEmpty)
        #expect(
            F.messages(
                F.head
                    + F.client(recipients: list, schedule: "{ executor: repeating, every: 1h, times: 5 }")
            ).isEmpty)
    }

    @Test func ipv4AddressesAreDottedDecimalWithoutSignsOrLeadingZeros() throws {
        let messages = F.messages(
            F.head + """
                dedicatedIps:
                  ips:
                    - { address: "+1.2.3.4" }
                    - { address: 1.-0.3.4 }
                    - { address: 01.2.3.4 }
                    - { address: 1.2.3.256 }
                    - { address: "١.2.3.4" }
                    - { address: 1.2.3 }
                    - { address: 0.0.0.0 }
                    - { address: 10.20.255.9 }
                """)
        #expect(
            messages == [
                "test.yaml:6:18: dedicatedIps.ips[0].address: '+1.2.3.4' is not an IPv4 address",
                "test.yaml:7:18: dedicatedIps.ips[1].address: '1.-0.3.4' is not an IPv4 address",
                "test.yaml:8:18: dedicatedIps.ips[2].address: '01.2.3.4' is not an IPv4 address",
                "test.yaml:9:18: dedicatedIps.ips[3].address: '1.2.3.256' is not an IPv4 address",
                "test.yaml:10:18: dedicatedIps.ips[4].address: '١.2.3.4' is not an IPv4 address",
                "test.yaml:11:18: dedicatedIps.ips[5].address: '1.2.3' is not an IPv4 address",
            ])
        #expect(ScenarioReader.isIPv4Address("0.0.0.0"))
        #expect(ScenarioReader.isIPv4Address("255.255.255.255"))
        #expect(ScenarioReader.isIPv4Address("192.0.2.10"))
    }

    @Test(arguments: ["１２３４５６７８９０１２", "١٢٣٤٥٦٧٨٩٠١٢", "12345678901", "1234567890123", "12345678901a"])
    func anAccountIdIsTwelveASCIIDigits(_ id: String) {
        #expect(
            F.messages(F.head + "account: { accountId: \"\(id)\" }\n") == [
                "test.yaml:4:23: account.accountId: expected a 12-digit AWS account ID, such as 123456789012"
            ])
    }

    @Test func anAccountIdOfTwelveDigitsLoads() throws {
        let scenario = try F.load(F.head + "account: { accountId: \"000011112222\" }\n")
        #expect(scenario.account.accountId == "000011112222")
    }

    @Test func aRegionLongerThanThePublisherAllowsIsRefused() {
        let region = "us-" + String(repeating: "a", count: 30) + "-1"
        #expect(
            F.messages(F.head + "account: { region: \(region) }\n") == [
                "test.yaml:4:20: account.region: '\(region)' is not an AWS Region name; expected a name such as "
                    + "us-east-1"
            ])
    }
}
