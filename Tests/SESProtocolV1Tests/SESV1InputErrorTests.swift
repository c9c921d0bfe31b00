import SESProtocolV1
import SimJSON
import Testing

/// What SES answers, before the operation runs, for parameters it refuses.
@Suite struct SESV1InputErrorTests {
    func refusal(_ operation: String, _ parameters: JSONValue) -> SESV1InputError? {
        do {
            _ = try SESV1Input.call(operation: operation, parameters: parameters)
            return nil
        } catch {
            return error
        }
    }

    @Test func aMissingRequiredMemberIsAValidationErrorInAWSsWording() throws {
        let error = try #require(
            refusal(
                "SendTemplatedEmail",
                .object([
                    "Destination": .object([:]), "Template": .string("t"), "TemplateData": .string("{}"),
                ])))
        #expect(error.error.code == .validationError)
        #expect(error.error.httpStatus == 400)
        #expect(error.error.fault == .sender)
        // The wording of aws/aws-sdk-net#1212.
        #expect(
            error.error.message
                == "1 validation error detected: Value null at 'source' failed to satisfy constraint: Member must not be null"
        )
        #expect(error.memberPath == "Source")
    }

    @Test func severalProblemsAreCountedInOneError() throws {
        let error = try #require(refusal("SendEmail", .object(["Source": .string("a@example.com")])))
        #expect(
            error.error.message
                == "2 validation errors detected: Value null at 'destination' failed to satisfy constraint: Member must "
                + "not be null; Value null at 'message' failed to satisfy constraint: Member must not be null"
        )
    }

    @Test func nestedAndListPathsAreSpelledAsSESSpellsThem() throws {
        let error = try #require(
            refusal(
                "SendBulkTemplatedEmail",
                .object([
                    "Source": .string("a@example.com"), "Template": .string("t"),
                    "DefaultTemplateData": .string("{}"),
                    "Destinations": .array([.object(["Destination": .object([:])]), .object([:])]),
                ])))
        #expect(
            error.error.message
                == "1 validation error detected: Value null at 'destinations.2.member.destination' failed to satisfy "
                + "constraint: Member must not be null")
        #expect(error.memberPath == "Destinations[1].Destination")
        let subject = try #require(
            refusal(
                "SendEmail",
                .object([
                    "Source": .string("a@example.com"), "Destination": .object([:]),
                    "Message": .object(["Subject": .object([:]), "Body": .object([:])]),
                ])))
        #expect(subject.error.message.contains("Value null at 'message.subject.data'"))
        #expect(subject.memberPath == "Message.Subject.Data")
    }

    @Test func wrongKindsEnumsAndLengthsAreValidationErrors() throws {
        let kind = try #require(refusal("ListTemplates", .object(["MaxItems": .string("ten")])))
        #expect(
            kind.error.message
                == "1 validation error detected: Value 'ten' at 'maxItems' failed to satisfy constraint: Member must be "
                + "an integer")
        let list = try #require(
            refusal("GetIdentityVerificationAttributes", .object(["Identities": .string("a.com")])))
        #expect(
            list.error.message.contains("at 'identities' failed to satisfy constraint: Member must be a list")
        )
        let enumValue = try #require(refusal("ListIdentities", .object(["IdentityType": .string("Phone")])))
        #expect(
            enumValue.error.message
                == "1 validation error detected: Value 'Phone' at 'identityType' failed to satisfy constraint: Member "
                + "must satisfy enum value set: [EmailAddress, Domain]")
        let eventType = try #require(
            refusal(
                "CreateConfigurationSetEventDestination",
                .object([
                    "ConfigurationSetName": .string("cs"),
                    "EventDestination": .object([
                        "Name": .string("d"), "MatchingEventTypes": .array([.string("deliveryDelay")]),
                        "SNSDestination": .object(["TopicARN": .string("arn")]),
                    ]),
                ])))
        #expect(eventType.error.message.contains("'eventDestination.matchingEventTypes.1.member'"))
        let long = try #require(
            refusal(
                "TestRenderTemplate",
                .object([
                    "TemplateName": .string("t"),
                    "TemplateData": .string(String(repeating: "x", count: 262_145)),
                ])))
        #expect(
            long.error.message
                == "1 validation error detected: Value at 'templateData' failed to satisfy constraint: Member must have "
                + "length less than or equal to 262144")
    }

    @Test func aMemberTheShapeDoesNotHaveIsRefusedInBotocoresWording() throws {
        let error = try #require(
            refusal("DeleteTemplate", .object(["TemplateName": .string("t"), "Name": .string("t")])))
        #expect(error.error.code == .validationError)
        #expect(
            error.error.message
                == "1 validation error detected: Unknown parameter in input: \"Name\", must be one of: TemplateName"
        )
        let nested = try #require(
            refusal(
                "CreateConfigurationSet",
                .object(["ConfigurationSet": .object(["Name": .string("a"), "Tags": .array([])])])))
        #expect(
            nested.error.message.contains(
                "Unknown parameter in ConfigurationSet: \"Tags\", must be one of: Name"))
        let noInput = try #require(refusal("GetSendQuota", .object(["Extra": .bool(true)])))
        #expect(noInput.error.code == .validationError)
    }

    @Test func anOperationSESimDoesNotServeIsInvalidAction() throws {
        let error = try #require(refusal("SendSmokeSignal", .null))
        #expect(error.error.code == .invalidAction)
        #expect(error.error.message == "Could not find operation SendSmokeSignal for version 2010-12-01")
        #expect(error.memberPath == "")
        #expect(try #require(refusal("SendEmail", .array([]))).error.code == .validationError)
    }

    @Test func operationRulesOfTheirOwn() throws {
        let token = try #require(refusal("ListTemplates", .object(["NextToken": .string("abc")])))
        #expect(token.error.code == .invalidParameterValue)
        #expect(token.error.message == "The NextToken <abc> is not valid.")
        #expect(
            try #require(refusal("ListIdentities", .object(["MaxItems": .integer(0)]))).error.message
                == "MaxItems must be at least 1; got 0.")
        let address = try #require(
            refusal("VerifyEmailIdentity", .object(["EmailAddress": .string("example.com")])))
        #expect(address.error.code == .invalidParameterValue)
        #expect(address.error.message == "Invalid email address <example.com>.")
        let domain = try #require(
            refusal("VerifyDomainIdentity", .object(["Domain": .string("a@example.com")])))
        #expect(domain.error.message == "Invalid domain name <a@example.com>.")
        let tooMany = try #require(
            refusal(
                "GetIdentityVerificationAttributes",
                .object(["Identities": .array((0...100).map { .string("d\($0).com") })])))
        #expect(tooMany.error.code == .invalidParameterValue)
        let twoKinds = try #require(
            refusal(
                "CreateConfigurationSetEventDestination",
                .object([
                    "ConfigurationSetName": .string("cs"),
                    "EventDestination": .object([
                        "Name": .string("d"), "MatchingEventTypes": .array([.string("send")]),
                        "SNSDestination": .object(["TopicARN": .string("arn")]),
                        "CloudWatchDestination": .object(["DimensionConfigurations": .array([])]),
                    ]),
                ])))
        #expect(twoKinds.error.code == .invalidParameterValue)
        #expect(twoKinds.memberPath == "EventDestination")
        let raw = try #require(
            refusal("SendRawEmail", .object(["RawMessage": .object(["Data": .string("not base64!")])])))
        #expect(raw.error.code == .invalidParameterValue)
        #expect(raw.memberPath == "RawMessage.Data")
    }
}
