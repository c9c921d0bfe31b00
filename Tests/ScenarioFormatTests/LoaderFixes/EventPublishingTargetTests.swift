import SESEvents
import ScenarioTesting
import SimJSON
import Testing
import Yams

@testable import ScenarioFormat

/// Event destination targets and CloudWatch dimensions are checked by the
/// loader with SESEvents' rules (the ones the run applies), each at its
/// value, so `sesim validate` refuses what `sesim run` would.
@Suite("Loader fixes: event destination targets and dimensions")
struct EventPublishingTargetTests {
    typealias F = LoaderFixFixtures

    static let sets = """
        configurationSets:
          - name: cs
            eventDestinations:
              - name: a
                types: [send]
                sns: { topicArn: "arn:aws:sns:us-east-1:12345:alerts" }
              - name: b
                types: [send]
                firehose: { deliveryStream: "bad stream" }
              - name: c
                types: [send]
                eventBridge: { eventBus: "arn:aws:events:us-east-1:123456789012:bus/x" }
              - name: d
                types: [send]
                cloudWatch:
                  dimensions:
                    - { name: "bad name", source: messageTag, default: none }
                    - { name: Send, source: messageTag, default: none }
                    - { name: k, source: messageTag, default: "no ne" }
                    - { name: k, source: emailHeader, default: x }
                    - { name: k, source: linkTag, default: x }

        """

    @Test func everyBadTargetAndDimensionIsReportedAtItsValue() {
        let prefix = "configurationSets[0].eventDestinations"
        #expect(
            F.messages(F.head + Self.sets) == [
                "test.yaml:9:26: \(prefix)[0].sns.topicArn: invalid target 'arn:aws:sns:us-east-1:12345:alerts'; "
                    + "expected an SNS topic ARN like arn:aws:sns:us-east-1:123456789012:MyTopic",
                "test.yaml:12:37: \(prefix)[1].firehose.deliveryStream: invalid target 'bad stream'; "
                    + "expected a delivery stream name or arn:aws:firehose:…:deliverystream/NAME",
                "test.yaml:15:34: \(prefix)[2].eventBridge.eventBus: invalid target "
                    + "'arn:aws:events:us-east-1:123456789012:bus/x'; expected default or "
                    + "arn:aws:events:…:event-bus/NAME",
                "test.yaml:20:23: \(prefix)[3].cloudWatch.dimensions[0].name: invalid dimension name 'bad name'; "
                    + "expected 1 to 255 characters from [A-Za-z0-9_-], or an auto-tag name such as "
                    + "ses:configuration-set for a messageTag dimension",
                "test.yaml:21:23: \(prefix)[3].cloudWatch.dimensions[1].name: dimension name 'Send' is reserved: "
                    + "_aws and the metric names (Send, Reject, Bounce, Complaint, Delivery, Open, Click, "
                    + "RenderingFailure) are members of every metrics line",
                "test.yaml:22:55: \(prefix)[3].cloudWatch.dimensions[2].default: invalid default dimension value "
                    + "'no ne'; expected 1 to 255 characters from [A-Za-z0-9_-]",
                "test.yaml:24:23: \(prefix)[3].cloudWatch.dimensions[4].name: dimension 'k' is defined twice in "
                    + "this destination",
            ])
    }

    @Test func aBadNameAndABadDefaultInOneDimensionAreBothReported() {
        let prefix = "configurationSets[0].eventDestinations[0].cloudWatch.dimensions"
        #expect(
            F.messages(
                F.head + """
                    configurationSets:
                      - name: cs
                        eventDestinations:
                          - name: d
                            types: [send]
                            cloudWatch:
                              dimensions:
                                - { name: Send, source: messageTag, default: "no ne" }
                                - { name: "a b", source: linkTag, default: "c d" }
                    """) == [
                    "test.yaml:11:23: \(prefix)[0].name: dimension name 'Send' is reserved: _aws and the metric "
                        + "names (Send, Reject, Bounce, Complaint, Delivery, Open, Click, RenderingFailure) are "
                        + "members of every metrics line",
                    "test.yaml:11:58: \(prefix)[0].default: invalid default dimension value 'no ne'; expected 1 "
                        + "to 255 characters from [A-Za-z0-9_-]",
                    "test.yaml:12:23: \(prefix)[1].name: invalid dimension name 'a b'; expected 1 to 255 "
                        + "characters from [A-Za-z0-9_-], or an auto-tag name such as ses:configuration-set for a "
                        + "messageTag dimension",
                    "test.yaml:12:56: \(prefix)[1].default: invalid default dimension value 'c d'; expected 1 "
                        + "to 255 characters from [A-Za-z0-9_-]",
                ])
    }

    @Test func goodTargetsLoadAndPassThePublishersOwnCheck() throws {
        let scenario = try F.load(
            F.head + """
                account: { region: eu-west-1, accountId: "111122223333" }
                configurationSets:
                  - name: cs
                    eventDestinations:
                      - { name: a, types: [send], sns: { topicArn: "arn:aws:sns:eu-west-1:111122223333:alerts" } }
                      - { name: b, types: [send], firehose: { deliveryStream: ses-events.archive } }
                      - name: c
                        types: [send]
                        firehose: { deliveryStream: "arn:aws:firehose:eu-west-1:111122223333:deliverystream/x" }
                      - { name: d, types: [send], eventBridge: { eventBus: default } }
                      - name: e
                        types: [send]
                        eventBridge: { eventBus: "arn:aws:events:eu-west-1:111122223333:event-bus/bus" }
                      - name: f
                        types: [send]
                        cloudWatch:
                          dimensions:
                            - { name: ses:configuration-set, source: messageTag, default: none }
                            - { name: X-Mailer, source: emailHeader, default: unknown }
                """)
        let configuration = EventPublisherConfiguration(
            configurationSets: scenario.configurationSets.map {
                ConfigurationSetDestinations(name: $0.name, eventDestinations: $0.eventDestinations)
            },
            region: scenario.account.region, accountId: scenario.account.accountId,
            calendar: scenario.calendar)
        #expect(throws: Never.self) { try configuration.validate() }
        #expect(scenario.configurationSets.first?.eventDestinations.count == 6)
    }

    /// Should a rule ever be missed where its value is read, the publisher's
    /// own check still fails validation, at the nearest value of its path.
    @Test func thePublishersCheckBacksUpTheLoader() throws {
        let text =
            F.head + """
                configurationSets:
                  - name: cs
                    eventDestinations:
                      - { name: a, types: [send], sns: { topicArn: "arn:aws:sns:us-east-1:123456789012:t" } }
                """
        var scenario = try F.load(text)
        scenario.configurationSets[0].eventDestinations[0].kind = .sns(topicArn: "not-an-arn")
        let issues = IssueCollector(file: "test.yaml")
        let reader = ScenarioReader(issues: issues, directory: "")
        let root = YAMLValue(node: try #require(try Yams.compose(yaml: text)), path: "", issues: issues)
        let top = try #require(root.mapping(allowedKeys: ScenarioReader.topLevelKeys))
        reader.checkEventPublishing(scenario, top: top)
        #expect(
            issues.issues.map(\.description) == [
                "test.yaml:7:9: configurationSets[0].eventDestinations[0]: invalid target 'not-an-arn'; "
                    + "expected an SNS topic ARN like arn:aws:sns:us-east-1:123456789012:MyTopic"
            ])
    }
}
