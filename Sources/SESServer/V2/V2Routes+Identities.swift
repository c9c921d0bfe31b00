import Hummingbird
import SESModel
import SimJSON

extension V2Routes {
    func registerIdentities(on group: RouterGroup<ServerContext>) {
        group.post("identities") { request, _ in
            let input = try await JSONInput.read(request)
            let identity = try input.requiredString("EmailIdentity")
            guard case .identity(let info) = try await perform(.createEmailIdentity(identity)) else {
                throw V2Error.badRequest("unexpected answer")
            }
            return jsonResponse(
                .object([
                    "IdentityType": .string(info.type.rawValue),
                    "VerifiedForSendingStatus": .bool(info.verifiedForSending),
                    "DkimAttributes": Self.dkimAttributes(info),
                ]))
        }
        group.get("identities") { request, _ in
            let paging = try Paging(request: request, defaultSize: 100, maximum: 1_000)
            guard case .identities(let identities) = try await perform(.listEmailIdentities) else {
                throw V2Error.badRequest("unexpected answer")
            }
            let page = paging.page(identities)
            var members: [String: JSONValue] = [
                "EmailIdentities": .array(
                    page.items.map { info in
                        .object([
                            "IdentityType": .string(info.type.rawValue), "IdentityName": .string(info.name),
                            "SendingEnabled": .bool(true),
                            "VerificationStatus": .string(info.verificationStatus),
                        ])
                    })
            ]
            if let next = page.nextToken { members["NextToken"] = .string(next) }
            return jsonResponse(.object(members))
        }
        group.get("identities/:EmailIdentity") { _, context in
            let identity = try Self.parameter("EmailIdentity", of: context)
            guard case .identity(let info) = try await perform(.getEmailIdentity(identity)) else {
                throw V2Error.badRequest("unexpected answer")
            }
            return jsonResponse(
                .object([
                    "IdentityType": .string(info.type.rawValue),
                    "FeedbackForwardingStatus": .bool(true),
                    "VerifiedForSendingStatus": .bool(info.verifiedForSending),
                    "VerificationStatus": .string(info.verificationStatus),
                    "DkimAttributes": Self.dkimAttributes(info),
                    "Policies": .object([:]),
                    "Tags": .array([]),
                ]))
        }
        group.delete("identities/:EmailIdentity") { _, context in
            try await performEmpty(.deleteEmailIdentity(try Self.parameter("EmailIdentity", of: context)))
        }
    }

    /// DKIM as sesim reports it: signing off, status NOT_STARTED (sesim
    /// models no DNS; the identity is verified without it).
    static func dkimAttributes(_ info: EmailIdentityInfo) -> JSONValue {
        .object(["SigningEnabled": .bool(false), "Status": .string("NOT_STARTED"), "Tokens": .array([])])
    }
}
