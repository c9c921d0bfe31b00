import SESEvents
import SESModel
import SESProtocolV1
import SESTemplates
import SimCore
import SimJSON
import Testing

/// Encoding the model's answers in v1's output shapes.
@Suite struct SESV1OutputTests {
    let output = SESV1Output(
        calendar: SimCalendar(startUnixMicroseconds: 1_767_225_600_000_000), accountId: "123456789012")

    func answer(_ operation: String, _ parameters: JSONValue, _ outcome: Result<SESResponse, SESError>)
        throws -> Result<JSONValue, SESV1Error>
    {
        output.result(of: try SESV1Input.call(operation: operation, parameters: parameters), outcome)
    }

    func answer(_ operation: String, _ outcome: Result<SESResponse, SESError>) throws -> Result<
        JSONValue, SESV1Error
    > {
        try answer(operation, .null, outcome)
    }

    @Test func accountAnswers() throws {
        let quota = try answer(
            "GetSendQuota",
            .success(
                .sendQuota(SendQuota(maximum24HourSend: 50_000, maximumSendRate: 14, sentLast24Hours: 3))))
        #expect(
            try quota.get()
                == .object([
                    "Max24HourSend": .number(50_000), "MaxSendRate": .number(14),
                    "SentLast24Hours": .number(3),
                ]))
        let statistics = try answer(
            "GetSendStatistics",
            .success(
                .sendStatistics([
                    SendDataPoint(
                        timestamp: .start + .minutes(15), deliveryAttempts: 4, bounces: 1, complaints: 0,
                        rejects: 0)
                ])))
        #expect(
            try statistics.get()
                == .object([
                    "SendDataPoints": .array([
                        .object([
                            "Timestamp": .string("2026-01-01T00:15:00.000Z"), "DeliveryAttempts": .integer(4),
                            "Bounces": .integer(1), "Complaints": .integer(0), "Rejects": .integer(0),
                        ])
                    ])
                ]))
        #expect(
            try answer("GetAccountSendingEnabled", .success(.enabled(false))).get()
                == .object(["Enabled": .bool(false)]))
        #expect(try answer("UpdateAccountSendingEnabled", .success(.empty)).get() == .object([:]))
    }

    @Test func bulkStatusesAreV1s() throws {
        let result = BulkSendResult(entries: [
            BulkEmailEntryResult(status: .accountThrottled, error: "Maximum sending rate exceeded."),
            BulkEmailEntryResult(status: .invalidParameterValue, error: "Missing final '@domain'"),
        ])
        let value = try answer(
            "SendBulkTemplatedEmail",
            .object([
                "Source": .string("a@b.com"), "Template": .string("t"), "DefaultTemplateData": .string("{}"),
                "Destinations": .array([]),
            ]), .success(.bulk(result))
        ).get()
        #expect(
            value
                == .object([
                    "Status": .array([
                        .object([
                            "Status": .string("AccountThrottled"),
                            "Error": .string("Maximum sending rate exceeded."),
                        ]),
                        .object([
                            "Status": .string("InvalidParameterValue"),
                            "Error": .string("Missing final '@domain'"),
                        ]),
                    ])
                ]))
    }

    @Test func templatesArePagedTenByDefault() throws {
        let templates = (0..<12).map {
            TemplateMetadata(name: "t\($0)", createdAt: .start + .seconds(Int64($0)))
        }
        let first = try answer("ListTemplates", .success(.templates(templates))).get()
        #expect(
            first["TemplatesMetadata"].map { if case .array(let items) = $0 { items.count } else { 0 } } == 10
        )
        #expect(first["NextToken"] == .string("10"))
        let second = try answer(
            "ListTemplates", .object(["NextToken": .string("10"), "MaxItems": .integer(500)]),
            .success(.templates(templates))
        ).get()
        #expect(
            second
                == .object([
                    "TemplatesMetadata": .array([
                        .object([
                            "Name": .string("t10"), "CreatedTimestamp": .string("2026-01-01T00:00:10.000Z"),
                        ]),
                        .object([
                            "Name": .string("t11"), "CreatedTimestamp": .string("2026-01-01T00:00:11.000Z"),
                        ]),
                    ])
                ]))
        let template = try answer(
            "GetTemplate", .object(["TemplateName": .string("t")]),
            .success(.template(EmailTemplate(name: "t", subjectPart: "S", textPart: "T")))
        ).get()
        #expect(
            template
                == .object([
                    "Template": .object([
                        "TemplateName": .string("t"), "SubjectPart": .string("S"), "TextPart": .string("T"),
                    ])
                ]))
        let rendered = try answer(
            "TestRenderTemplate", .object(["TemplateName": .string("t"), "TemplateData": .string("{}")]),
            .success(.renderedTemplate(RenderedTemplateMessage(subject: "S", text: "T", html: nil)))
        ).get()
        #expect(
            rendered["RenderedTemplate"]
                == .string(RenderedTemplateMessage(subject: "S", text: "T", html: nil).mime))
    }

    @Test func identitiesAreFilteredPagedAndDescribed() throws {
        let identities = ["a@example.com", "b@example.com", "example.org", "example.net"].map(
            EmailIdentityInfo.init(name:))
        let domains = try answer(
            "ListIdentities", .object(["IdentityType": .string("Domain")]), .success(.identities(identities))
        ).get()
        #expect(domains == .object(["Identities": .array([.string("example.org"), .string("example.net")])]))
        let page = try answer(
            "ListIdentities", .object(["MaxItems": .integer(3)]), .success(.identities(identities))
        ).get()
        #expect(page["NextToken"] == .string("3"))
        let addresses = try answer("ListVerifiedEmailAddresses", .success(.identities(identities))).get()
        #expect(
            addresses
                == .object([
                    "VerifiedEmailAddresses": .array([.string("a@example.com"), .string("b@example.com")])
                ]))
        let attributes = try answer(
            "GetIdentityVerificationAttributes",
            .object([
                "Identities": .array([.string("Example.org"), .string("a@example.com"), .string("nope.com")])
            ]),
            .success(.identities(identities))
        ).get()
        #expect(
            attributes
                == .object([
                    "VerificationAttributes": .object([
                        "Example.org": .object([
                            "VerificationStatus": .string("Success"),
                            "VerificationToken": .string(VerificationToken.token(forDomain: "example.org")),
                        ]),
                        "a@example.com": .object(["VerificationStatus": .string("Success")]),
                    ])
                ]))
    }

    @Test func verifyingAgainAndDeletingWhatIsNotThereSucceed() throws {
        let exists = SESError(.alreadyExists, "Email identity <a@b.com> already exists.")
        #expect(
            try answer("VerifyEmailIdentity", .object(["EmailAddress": .string("a@b.com")]), .failure(exists))
                .get() == .object([:]))
        let domain = try answer(
            "VerifyDomainIdentity", .object(["Domain": .string("Example.org")]), .failure(exists)
        ).get()
        #expect(
            domain
                == .object(["VerificationToken": .string(VerificationToken.token(forDomain: "example.org"))]))
        let created = try answer(
            "VerifyDomainIdentity", .object(["Domain": .string("example.org")]),
            .success(.identity(EmailIdentityInfo(name: "example.org")))
        ).get()
        #expect(created == domain)
        let missing = SESError(.notFound, "Email identity <x.com> does not exist.")
        #expect(
            try answer("DeleteIdentity", .object(["Identity": .string("x.com")]), .failure(missing)).get()
                == .object([:]))
        let noTemplate = SESError(.templateDoesNotExist, "Template t does not exist.")
        #expect(
            try answer("DeleteTemplate", .object(["TemplateName": .string("t")]), .failure(noTemplate)).get()
                == .object([:]))
        // Elsewhere the errors stay errors.
        #expect(
            try answer("GetTemplate", .object(["TemplateName": .string("t")]), .failure(noTemplate))
                == .failure(SESV1Error(.templateDoesNotExist, "Template t does not exist.")))
    }

    @Test func aDescribedConfigurationSetHasTheAttributesAskedFor() throws {
        var set = ConfigurationSet(
            name: "cs", reputationMetricsEnabled: true, customRedirectDomain: "t.example.com")
        set.lastFreshStart = .start + .hours(1)
        set.eventDestinations = [
            EventDestination(
                name: "fh", enabled: true, matchingTypes: EventTypeSet([.send, .bounce]),
                kind: .firehose(deliveryStream: "arn:aws:firehose:us-east-1:1:deliverystream/s")),
            EventDestination(
                name: "eb", enabled: false, matchingTypes: EventTypeSet(.open),
                kind: .eventBridge(eventBus: "bus")),
        ]
        let bare = try answer(
            "DescribeConfigurationSet", .object(["ConfigurationSetName": .string("cs")]),
            .success(.configurationSet(set))
        ).get()
        #expect(bare == .object(["ConfigurationSet": .object(["Name": .string("cs")])]))
        let full = try answer(
            "DescribeConfigurationSet",
            .object([
                "ConfigurationSetName": .string("cs"),
                "ConfigurationSetAttributeNames": .array(
                    ["eventDestinations", "trackingOptions", "deliveryOptions", "reputationOptions"].map {
                        .string($0)
                    }),
            ]), .success(.configurationSet(set))
        ).get()
        #expect(
            full
                == .object([
                    "ConfigurationSet": .object(["Name": .string("cs")]),
                    "EventDestinations": .array([
                        .object([
                            "Name": .string("fh"), "Enabled": .bool(true),
                            "MatchingEventTypes": .array([.string("send"), .string("bounce")]),
                            "KinesisFirehoseDestination": .object([
                                "IAMRoleARN": .string("arn:aws:iam::123456789012:role/sesim-firehose"),
                                "DeliveryStreamARN": .string("arn:aws:firehose:us-east-1:1:deliverystream/s"),
                            ]),
                        ]),
                        .object([
                            "Name": .string("eb"), "Enabled": .bool(false),
                            "MatchingEventTypes": .array([.string("open")]),
                        ]),
                    ]),
                    "TrackingOptions": .object(["CustomRedirectDomain": .string("t.example.com")]),
                    "DeliveryOptions": .object(["TlsPolicy": .string("Optional")]),
                    "ReputationOptions": .object([
                        "SendingEnabled": .bool(true), "ReputationMetricsEnabled": .bool(true),
                        "LastFreshStart": .string("2026-01-01T01:00:00.000Z"),
                    ]),
                ]))
        let names = try answer(
            "ListConfigurationSets", .object(["MaxItems": .integer(1)]), .success(.names(["a", "b"]))
        ).get()
        #expect(
            names
                == .object([
                    "ConfigurationSets": .array([.object(["Name": .string("a")])]), "NextToken": .string("1"),
                ]))
    }

    @Test func anAnswerOfTheWrongKindIsAnInternalFailure() throws {
        let result = try answer("GetSendQuota", .success(.enabled(true)))
        guard case .failure(let error) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.code == .internalFailure)
        #expect(error.httpStatus == 500)
    }

    @Test func verificationTokensLookLikeSESsAndAreStable() {
        let token = VerificationToken.token(forDomain: "example.org")
        #expect(token.count == 44)
        #expect(token.hasSuffix("="))
        #expect(token == VerificationToken.token(forDomain: "EXAMPLE.org"))
        #expect(token != VerificationToken.token(forDomain: "example.net"))
    }
}
