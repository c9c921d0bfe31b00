import Foundation
import SESEvents
import SimCore

/// The same records written with Foundation's `JSONEncoder`, for the
/// serialiser comparison: Codable mirrors of the record shape (the event
/// types the workload uses), with timestamps preformatted as SES prints them.
struct FoundationRecord: Encodable {
    struct Header: Encodable {
        var name: String
        var value: String
    }

    struct CommonHeaders: Encodable {
        var from: [String]
        var to: [String]
        var messageId: String
        var subject: String?
    }

    struct Mail: Encodable {
        var timestamp: String
        var source: String
        var sourceArn: String
        var sendingAccountId: String
        var messageId: String
        var destination: [String]
        var headersTruncated: Bool
        var headers: [Header]
        var commonHeaders: CommonHeaders
        var tags: [String: [String]]
    }

    struct Empty: Encodable {}

    struct DeliveryObject: Encodable {
        var timestamp: String
        var processingTimeMillis: Int64
        var recipients: [String]
        var smtpResponse: String
        var reportingMTA: String
    }

    struct OpenObject: Encodable {
        var ipAddress: String
        var timestamp: String
        var userAgent: String
    }

    struct ClickObject: Encodable {
        var ipAddress: String
        var link: String
        var linkTags: [String: [String]]
        var timestamp: String
        var userAgent: String
    }

    var eventType: String
    var mail: Mail
    var send: Empty?
    var delivery: DeliveryObject?
    var open: OpenObject?
    var click: ClickObject?

    static func grouped(_ pairs: [NameValue]) -> [String: [String]] {
        var groups: [String: [String]] = [:]
        for pair in pairs { groups[pair.name, default: []].append(pair.value) }
        return groups
    }

    init(_ event: SESEvent, calendar: SimCalendar) {
        let source = event.mail
        var tags = Self.grouped(source.tags)
        if let ip = source.outgoingIp { tags["ses:outgoing-ip"] = [ip] }
        eventType = event.type.recordName
        mail = Mail(
            timestamp: calendar.timestamp(source.timestamp), source: source.source,
            sourceArn: source.sourceArn,
            sendingAccountId: source.sendingAccountId, messageId: source.messageId.description,
            destination: source.destination, headersTruncated: source.headersTruncated,
            headers: source.headers.map { Header(name: $0.name, value: $0.value) },
            commonHeaders: CommonHeaders(
                from: source.commonHeaders.from, to: source.commonHeaders.to,
                messageId: source.commonHeaders.messageId.description, subject: source.commonHeaders.subject),
            tags: tags)
        switch event.detail {
        case .send: send = Empty()
        case .delivery(let detail):
            delivery = DeliveryObject(
                timestamp: calendar.timestamp(detail.timestamp),
                processingTimeMillis: detail.processingTimeMillis,
                recipients: detail.recipients, smtpResponse: detail.smtpResponse,
                reportingMTA: detail.reportingMTA)
        case .open(let detail):
            open = OpenObject(
                ipAddress: detail.ipAddress, timestamp: calendar.timestamp(detail.timestamp),
                userAgent: detail.userAgent)
        case .click(let detail):
            click = ClickObject(
                ipAddress: detail.ipAddress, link: detail.link, linkTags: Self.grouped(detail.linkTags),
                timestamp: calendar.timestamp(detail.timestamp), userAgent: detail.userAgent)
        default:
            fatalError("the workload uses Send, Delivery, Open and Click only")
        }
    }
}
