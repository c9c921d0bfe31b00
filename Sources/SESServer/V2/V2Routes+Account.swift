import Hummingbird
import SESModel
import SimJSON

extension V2Routes {
    func registerAccount(on group: RouterGroup<ServerContext>) {
        group.get("account") { _, _ in try await getAccount() }
        group.put("account/sending") { request, _ in
            let input = try await JSONInput.read(request)
            // The model's only member; SES takes an absent value as false.
            return try await performEmpty(
                .updateAccountSendingEnabled(enabled: try input.bool("SendingEnabled") ?? false))
        }
    }

    /// `GetAccount`.
    func getAccount() async throws -> Response {
        guard case .account(let account) = try await perform(.getAccount) else {
            throw V2Error.badRequest("unexpected answer")
        }
        return jsonResponse(
            .object([
                "DedicatedIpAutoWarmupEnabled": .bool(account.dedicatedIpAutoWarmupEnabled),
                "EnforcementStatus": .string(account.enforcementStatus.rawValue),
                "ProductionAccessEnabled": .bool(account.productionAccessEnabled),
                "SendQuota": .object([
                    "Max24HourSend": .number(account.sendQuota.maximum24HourSend),
                    "MaxSendRate": .number(account.sendQuota.maximumSendRate),
                    "SentLast24Hours": .number(account.sendQuota.sentLast24Hours),
                ]),
                "SendingEnabled": .bool(account.sendingEnabled),
                "SuppressionAttributes": .object([
                    "SuppressedReasons": .array(account.suppressedReasons.map { .string($0.rawValue) })
                ]),
            ]))
    }
}
