import SESEvents
import SimCore
import Testing

@Suite("Validating configuration sets and destinations")
struct ValidationTests {
    typealias H = PublisherHarness

    static func problem(
        _ sets: [ConfigurationSetDestinations], region: String = "us-east-1",
        accountId: String = "123456789012",
        metricPeriod: SimDuration = .minutes(1)
    ) -> EventPublishingValidationError? {
        let configuration = EventPublisherConfiguration(
            configurationSets: sets, region: region, accountId: accountId, calendar: H.calendar,
            metricPeriod: metricPeriod)
        do {
            try configuration.validate()
            return nil
        } catch {
            return error
        }
    }

    static func set(_ destinations: EventDestination..., name: String = "launch")
        -> ConfigurationSetDestinations
    {
        ConfigurationSetDestinations(name: name, eventDestinations: destinations)
    }

    @Test func aValidConfigurationPasses() {
        #expect(
            Self.problem([
                Self.set(
                    H.cloudWatch("cw", H.tag("campaign"), H.tag("ses:configuration-set")),
                    EventDestination(
                        name: "f", enabled: true, matchingTypes: .all, kind: .firehose(deliveryStream: "s.1")),
                    EventDestination(
                        name: "s", enabled: true, matchingTypes: .all,
                        kind: .sns(topicArn: "arn:aws:sns:us-east-1:123456789012:t")),
                    EventDestination(
                        name: "b", enabled: true, matchingTypes: .all,
                        kind: .eventBridge(
                            eventBus: "arn:aws:events:us-east-1:123456789012:event-bus/default")))
            ]) == nil)
    }

    @Test func destinationNamesMustBeShortAndPlain() {
        let long = String(repeating: "a", count: 64)
        #expect(
            Self.problem([Self.set(H.cloudWatch(long, H.tag("c")))])
                == EventPublishingValidationError(
                    path: "configurationSets[0].eventDestinations[0].name",
                    problem: .invalidEventDestinationName(long)))
        #expect(
            Self.problem([Self.set(H.cloudWatch("a b", H.tag("c")))])?.problem
                == .invalidEventDestinationName("a b"))
        #expect(Self.problem([Self.set(H.cloudWatch(String(repeating: "a", count: 63), H.tag("c")))]) == nil)
        #expect(
            Self.problem([Self.set(H.cloudWatch("d", H.tag("c")), H.cloudWatch("d", H.tag("c")))])
                == EventPublishingValidationError(
                    path: "configurationSets[0].eventDestinations[1].name",
                    problem: .duplicateEventDestinationName("d")))
    }

    @Test func aSetHasAtMostTenDestinations() {
        let destinations = (0..<11).map { H.cloudWatch("d\($0)", H.tag("c")) }
        let error = Self.problem([
            ConfigurationSetDestinations(name: "launch", eventDestinations: destinations)
        ])
        #expect(error?.problem == .tooManyEventDestinations(count: 11))
        #expect(
            error?.description
                == "configurationSets[0].eventDestinations: 11 event destinations; a configuration set has at most 10"
        )
    }

    @Test func cloudWatchDimensionsAreCheckedByNameCountAndDefault() {
        let eleven = (0..<11).map { H.tag("d\($0)") }
        #expect(
            Self.problem([
                Self.set(
                    EventDestination(
                        name: "cw", enabled: true, matchingTypes: .all, kind: .cloudWatch(dimensions: eleven))
                )
            ])?.problem == .dimensionCount(11))
        #expect(
            Self.problem([
                Self.set(
                    EventDestination(
                        name: "cw", enabled: true, matchingTypes: .all, kind: .cloudWatch(dimensions: [])))
            ])?.problem == .dimensionCount(0))
        #expect(
            Self.problem([Self.set(H.cloudWatch("cw", H.tag("bad:name")))])?.problem
                == .invalidDimensionName("bad:name"))
        #expect(
            Self.problem([
                Self.set(
                    H.cloudWatch(
                        "cw",
                        DimensionConfiguration(
                            name: "ses:from-domain", valueSource: .emailHeader, defaultValue: "x")))
            ])?.problem == .invalidDimensionName("ses:from-domain"))
        #expect(
            Self.problem([Self.set(H.cloudWatch("cw", H.tag("Send")))])?.problem
                == .reservedDimensionName("Send"))
        #expect(
            Self.problem([Self.set(H.cloudWatch("cw", H.tag("_aws")))])?.problem
                == .reservedDimensionName("_aws"))
        #expect(
            Self.problem([Self.set(H.cloudWatch("cw", H.tag("c", default: "")))])?.problem
                == .invalidDefaultDimensionValue(""))
        #expect(
            Self.problem([Self.set(H.cloudWatch("cw", H.tag("c"), H.tag("c")))])
                == EventPublishingValidationError(
                    path: "configurationSets[0].eventDestinations[0].dimensions[1].name",
                    problem: .duplicateDimensionName("c")))
    }

    @Test func targetsAndAccountSettingsAreChecked() {
        let badTopic = EventDestination(
            name: "s", enabled: true, matchingTypes: .all, kind: .sns(topicArn: "topic"))
        #expect(
            Self.problem([Self.set(badTopic)])?.path == "configurationSets[0].eventDestinations[0].topicArn")
        let noTypes = EventDestination(
            name: "f", enabled: true, matchingTypes: [], kind: .firehose(deliveryStream: "s"))
        #expect(Self.problem([Self.set(noTypes)])?.problem == .noMatchingEventTypes)
        #expect(Self.problem([], region: "US East")?.problem == .invalidRegion("US East"))
        #expect(Self.problem([], accountId: "12345")?.problem == .invalidAccountID("12345"))
        #expect(
            Self.problem([], metricPeriod: .milliseconds(500))?.problem
                == .invalidMetricPeriod(microseconds: 500_000))
        #expect(
            Self.problem([Self.set(name: "bad name")])?.problem == .invalidConfigurationSetName("bad name"))
        #expect(Self.problem([Self.set(), Self.set()])?.problem == .duplicateConfigurationSetName("launch"))
    }

    @Test func thePublisherRefusesAnInvalidConfiguration() {
        #expect(throws: EventPublishingValidationError.self) {
            _ = try H([Self.set(H.cloudWatch("cw", H.tag("Send")))])
        }
    }
}
