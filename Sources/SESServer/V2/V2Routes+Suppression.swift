import Hummingbird
import SESModel
import SimJSON

extension V2Routes {
    func registerSuppression(on group: RouterGroup<ServerContext>) {
        group.put("suppression/addresses") { request, _ in
            let input = try await JSONInput.read(request)
            let address = try input.requiredString("EmailAddress")
            let reason = try Self.reason(try input.requiredString("Reason"))
            return try await performEmpty(.putSuppressedDestination(address: address, reason: reason))
        }
        group.get("suppression/addresses") { request, _ in
            let paging = try Paging(
                request: request, defaultSize: 1_000, maximum: 1_000, invalidToken: .invalidNextToken)
            let query = request.uri.queryParameters
            var reasons: [SuppressionReason] = []
            for text in query.getAll("Reason") { reasons.append(try Self.reason(String(text))) }
            let start = try query.get("StartDate").map { (text: String) throws(V2Error) in
                try instant(query: text, member: "StartDate")
            }
            let end = try query.get("EndDate").map { (text: String) throws(V2Error) in
                try instant(query: text, member: "EndDate")
            }
            guard
                case .suppressedDestinations(let entries) = try await perform(
                    .listSuppressedDestinations(reasons: reasons, start: start, end: end))
            else { throw V2Error.badRequest("unexpected answer") }
            let page = paging.page(entries)
            var members: [String: JSONValue] = [
                "SuppressedDestinationSummaries": .array(
                    page.items.map { entry in
                        .object([
                            "EmailAddress": .string(entry.emailAddress),
                            "Reason": .string(entry.reason.rawValue),
                            "LastUpdateTime": epochSeconds(entry.lastUpdateTime),
                        ])
                    })
            ]
            if let next = page.nextToken { members["NextToken"] = .string(next) }
            return jsonResponse(.object(members))
        }
        group.get("suppression/addresses/:EmailAddress") { _, context in
            let address = try Self.parameter("EmailAddress", of: context)
            guard
                case .suppressedDestination(let entry) = try await perform(
                    .getSuppressedDestination(address: address))
            else { throw V2Error.badRequest("unexpected answer") }
            var destination: [String: JSONValue] = [
                "EmailAddress": .string(entry.emailAddress), "Reason": .string(entry.reason.rawValue),
                "LastUpdateTime": epochSeconds(entry.lastUpdateTime),
            ]
            if let messageId = entry.messageId {
                var attributes: [String: JSONValue] = ["MessageId": .string(messageId)]
                if let feedbackId = entry.feedbackId { attributes["FeedbackId"] = .string(feedbackId) }
                destination["Attributes"] = .object(attributes)
            }
            return jsonResponse(.object(["SuppressedDestination": .object(destination)]))
        }
        group.delete("suppression/addresses/:EmailAddress") { _, context in
            try await performEmpty(
                .deleteSuppressedDestination(address: try Self.parameter("EmailAddress", of: context)))
        }
    }

    static func reason(_ text: String) throws(V2Error) -> SuppressionReason {
        guard let reason = SuppressionReason(rawValue: text) else {
            throw V2Error.badRequest("Invalid Reason <\(text)>; expected BOUNCE or COMPLAINT.")
        }
        return reason
    }
}
