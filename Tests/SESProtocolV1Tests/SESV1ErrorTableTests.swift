import SESModel
import SESProtocolV1
import Testing

/// The model's errors on the v1 wire.
@Suite struct SESV1ErrorTableTests {
    @Test func everyModelErrorHasItsV1Code() {
        let expected: [SESErrorCode: String] = [
            .invalidParameterValue: "InvalidParameterValue", .messageRejected: "MessageRejected",
            .mailFromDomainNotVerified: "MailFromDomainNotVerifiedException",
            .configurationSetDoesNotExist: "ConfigurationSetDoesNotExist",
            .configurationSetAlreadyExists: "ConfigurationSetAlreadyExists",
            .invalidConfigurationSet: "InvalidConfigurationSet",
            .invalidDeliveryOptions: "InvalidDeliveryOptions",
            .invalidTrackingOptions: "InvalidTrackingOptions", .templateDoesNotExist: "TemplateDoesNotExist",
            .accountSendingPaused: "AccountSendingPausedException",
            .configurationSetSendingPaused: "ConfigurationSetSendingPausedException",
            .accountSuspended: "MessageRejected", .invalidSendingPoolName: "InvalidParameterValue",
            .throttling: "Throttling", .limitExceeded: "LimitExceeded",
            .eventDestinationAlreadyExists: "EventDestinationAlreadyExists",
            .eventDestinationDoesNotExist: "EventDestinationDoesNotExist", .notFound: "InvalidParameterValue",
            .alreadyExists: "AlreadyExists", .invalidTemplate: "InvalidTemplate",
            .invalidRenderingParameter: "InvalidRenderingParameter",
            .missingRenderingAttribute: "MissingRenderingAttribute",
        ]
        #expect(Set(expected.keys) == Set(SESErrorCode.allCases))
        for code in SESErrorCode.allCases {
            let error = SESV1Error(SESError(code, "text"))
            #expect(error.code.rawValue == expected[code], "\(code)")
            #expect(error.message == "text")
            #expect(error.fault == .sender)
            #expect(error.httpStatus == 400)
        }
    }

    @Test func throttlingKeepsSESsMessages() {
        let rate = SESV1Error(SESError(.throttling, SESErrorMessages.maximumSendingRateExceeded))
        #expect(rate.description == "Throttling: Maximum sending rate exceeded.")
        let daily = SESV1Error(SESError(.throttling, SESErrorMessages.dailyMessageQuotaExceeded))
        #expect(daily.description == "Throttling: Daily message quota exceeded.")
    }

    @Test func commonErrorsCarryTheirStatusAndFault() {
        #expect(SESV1ErrorCode.malformedQueryString.httpStatus == 404)
        #expect(SESV1ErrorCode.signatureDoesNotMatch.httpStatus == 403)
        #expect(SESV1ErrorCode.internalFailure.httpStatus == 500)
        #expect(SESV1ErrorCode.internalFailure.fault == .receiver)
        #expect(SESV1Error.missingAction.code == .missingAction)
        #expect(SESV1Error.validation(["a"]).message == "1 validation error detected: a")
        #expect(SESV1Error.validation(["a", "b"]).message == "2 validation errors detected: a; b")
    }
}
