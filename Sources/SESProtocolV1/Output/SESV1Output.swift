import SESEvents
import SESModel
import SESTemplates
import SimCore
import SimJSON

/// Encodes the outcome of a v1 operation — what the account model returned
/// for a ``SESV1Call``'s request — as the operation's answer: a structured
/// value in the operation's output shape (the nesting of boto3's response
/// dictionaries, without `ResponseMetadata`), or its v1 error.
///
/// Values: strings, booleans and numbers as such (doubles as numbers, longs
/// as integers), timestamps as ISO 8601 text with milliseconds
/// (`2026-01-01T09:00:00.000Z`), lists as arrays, structures and maps as
/// objects. A wire layer writes the value in its own encoding (XML for the
/// Query protocol, driven by ``SESV1Model``'s output shapes).
public struct SESV1Output: Sendable {
    /// The scenario's calendar, for timestamps.
    public var calendar: SimCalendar
    /// The account's ID, for the ARNs an answer names.
    public var accountId: String

    public init(calendar: SimCalendar, accountId: String) {
        self.calendar = calendar
        self.accountId = accountId
    }

    /// The answer to `call`, given the outcome of performing its request.
    ///
    /// An error the v1 operation does not have is an answer: verifying an
    /// identity that is already verified succeeds (v1 declares no error for
    /// it), as does deleting an identity or a template that does not exist
    /// (SES answers 200, boto/boto3#3140). Other errors become their v1 form
    /// (``SESV1ErrorTable``).
    public func result(of call: SESV1Call, _ outcome: Result<SESResponse, SESError>) -> Result<
        JSONValue, SESV1Error
    > {
        switch outcome {
        case .success(let response):
            return encode(response, for: call)
        case .failure(let error):
            switch call.presentation {
            case .verifyEmail where error.code == .alreadyExists:
                return .success(.object([:]))
            case .verifyDomain(let domain) where error.code == .alreadyExists:
                return .success(
                    .object(["VerificationToken": .string(VerificationToken.token(forDomain: domain))]))
            case .deletion where error.code == .notFound || error.code == .templateDoesNotExist:
                return .success(.object([:]))
            default:
                return .failure(SESV1Error(error))
            }
        }
    }

    private func encode(_ response: SESResponse, for call: SESV1Call) -> Result<JSONValue, SESV1Error> {
        guard Self.answers(call.request, with: response) else { return .failure(Self.unexpected(call)) }
        switch (response, call.presentation) {
        case (.empty, _), (.identity, .verifyEmail):
            return .success(.object([:]))
        case (.message(let accepted), _):
            return .success(.object(["MessageId": .string(accepted.messageId.description)]))
        case (.bulk(let result), _):
            return .success(.object(["Status": .array(result.entries.map(Self.bulkStatus))]))
        case (.sendQuota(let quota), _):
            return .success(
                .object([
                    "Max24HourSend": .number(quota.maximum24HourSend),
                    "MaxSendRate": .number(quota.maximumSendRate),
                    "SentLast24Hours": .number(quota.sentLast24Hours),
                ]))
        case (.sendStatistics(let points), _):
            return .success(.object(["SendDataPoints": .array(points.map(dataPoint))]))
        case (.enabled(let enabled), _):
            return .success(.object(["Enabled": .bool(enabled)]))
        case (.template(let template), _):
            return .success(.object(["Template": Self.template(template)]))
        case (.templates(let templates), .page(let offset, let size)):
            let page = Self.page(templates, offset: offset, size: size)
            return .success(
                Self.list(
                    "TemplatesMetadata",
                    page.items.map {
                        .object([
                            "Name": .string($0.name),
                            "CreatedTimestamp": .string(calendar.timestamp($0.createdAt)),
                        ])
                    }, next: page.next))
        case (.renderedTemplate(let rendered), _):
            return .success(.object(["RenderedTemplate": .string(rendered.mime)]))
        case (.names(let names), .page(let offset, let size)):
            let page = Self.page(names, offset: offset, size: size)
            return .success(
                Self.list(
                    "ConfigurationSets", page.items.map { .object(["Name": .string($0)]) }, next: page.next))
        case (.configurationSet(let set), .configurationSet(let attributes)):
            return .success(configurationSet(set, attributes: attributes))
        case (.identity(let info), .verifyDomain):
            return .success(
                .object(["VerificationToken": .string(VerificationToken.token(forDomain: info.name))]))
        case (.identities(let identities), _):
            if let value = Self.identities(identities, call.presentation) { return .success(value) }
        default:
            break
        }
        return .failure(Self.unexpected(call))
    }

    static func unexpected(_ call: SESV1Call) -> SESV1Error {
        SESV1Error(.internalFailure, "sesim could not encode the answer to \(call.operation).")
    }

    /// Whether `response` is the kind of answer `request` has.
    static func answers(_ request: SESRequest, with response: SESResponse) -> Bool {
        switch (request, response) {
        case (_, .empty), (.sendEmail, .message), (.sendTemplatedEmail, .message), (.sendRawEmail, .message),
            (.sendBulkTemplatedEmail, .bulk),
            (.getSendQuota, .sendQuota), (.getSendStatistics, .sendStatistics),
            (.getAccountSendingEnabled, .enabled),
            (.getTemplate, .template), (.listTemplates, .templates), (.testRenderTemplate, .renderedTemplate),
            (.listConfigurationSets, .names), (.describeConfigurationSet, .configurationSet),
            (.createEmailIdentity, .identity), (.listEmailIdentities, .identities):
            true
        default:
            false
        }
    }

    // MARK: - Pieces

    /// A page of `items` from `offset`, and the token of the next page.
    static func page<Item>(_ items: [Item], offset: Int, size: Int) -> (
        items: ArraySlice<Item>, next: String?
    ) {
        let start = min(offset, items.count)
        let end = min(items.count, start + size)
        return (items[start..<end], end < items.count ? String(end) : nil)
    }

    static func list(_ key: String, _ items: [JSONValue], next: String?) -> JSONValue {
        var members: [String: JSONValue] = [key: .array(items)]
        if let next { members["NextToken"] = .string(next) }
        return .object(members)
    }

    static func bulkStatus(_ entry: BulkEmailEntryResult) -> JSONValue {
        var members: [String: JSONValue] = ["Status": .string(entry.status.rawValue)]
        if let error = entry.error { members["Error"] = .string(error) }
        if let id = entry.messageId { members["MessageId"] = .string(id.description) }
        return .object(members)
    }

    func dataPoint(_ point: SendDataPoint) -> JSONValue {
        .object([
            "Timestamp": .string(calendar.timestamp(point.timestamp)),
            "DeliveryAttempts": .int(point.deliveryAttempts), "Bounces": .int(point.bounces),
            "Complaints": .int(point.complaints), "Rejects": .int(point.rejects),
        ])
    }

    static func template(_ template: EmailTemplate) -> JSONValue {
        var members: [String: JSONValue] = ["TemplateName": .string(template.name)]
        if let subject = template.subjectPart { members["SubjectPart"] = .string(subject) }
        if let text = template.textPart { members["TextPart"] = .string(text) }
        if let html = template.htmlPart { members["HtmlPart"] = .string(html) }
        return .object(members)
    }
}
