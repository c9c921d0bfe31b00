import Foundation
import Hummingbird
import SESModel
import SimCore
import SimJSON

/// SES API v2 (REST-JSON, API version 2019-09-27) under `/v2/email/…`:
/// paths, methods, member names and errors as botocore's `sesv2` model
/// declares them. Each route reads its request into an ``SESRequest``, has
/// the ``EngineHost`` perform it, and writes the answer back; no SES rule
/// lives here.
public struct V2Routes: ServerRoutes {
    let host: EngineHost

    public init(host: EngineHost) {
        self.host = host
    }

    /// Every operation: (method, botocore's `requestUri`, operation name).
    /// The route tests check this table against botocore's model.
    public static let operations: [(method: HTTPRequest.Method, uri: String, name: String)] = [
        (.post, "/v2/email/outbound-emails", "SendEmail"),
        (.post, "/v2/email/outbound-bulk-emails", "SendBulkEmail"),
        (.get, "/v2/email/account", "GetAccount"),
        (.put, "/v2/email/account/sending", "PutAccountSendingAttributes"),
        (.post, "/v2/email/identities", "CreateEmailIdentity"),
        (.get, "/v2/email/identities", "ListEmailIdentities"),
        (.get, "/v2/email/identities/{EmailIdentity}", "GetEmailIdentity"),
        (.delete, "/v2/email/identities/{EmailIdentity}", "DeleteEmailIdentity"),
        (.post, "/v2/email/templates", "CreateEmailTemplate"),
        (.get, "/v2/email/templates", "ListEmailTemplates"),
        (.get, "/v2/email/templates/{TemplateName}", "GetEmailTemplate"),
        (.put, "/v2/email/templates/{TemplateName}", "UpdateEmailTemplate"),
        (.delete, "/v2/email/templates/{TemplateName}", "DeleteEmailTemplate"),
        (.post, "/v2/email/templates/{TemplateName}/render", "TestRenderEmailTemplate"),
        (.post, "/v2/email/configuration-sets", "CreateConfigurationSet"),
        (.get, "/v2/email/configuration-sets", "ListConfigurationSets"),
        (.get, "/v2/email/configuration-sets/{ConfigurationSetName}", "GetConfigurationSet"),
        (.delete, "/v2/email/configuration-sets/{ConfigurationSetName}", "DeleteConfigurationSet"),
        (
            .put, "/v2/email/configuration-sets/{ConfigurationSetName}/sending",
            "PutConfigurationSetSendingOptions"
        ),
        (
            .post, "/v2/email/configuration-sets/{ConfigurationSetName}/event-destinations",
            "CreateConfigurationSetEventDestination"
        ),
        (
            .get, "/v2/email/configuration-sets/{ConfigurationSetName}/event-destinations",
            "GetConfigurationSetEventDestinations"
        ),
        (
            .put,
            "/v2/email/configuration-sets/{ConfigurationSetName}/event-destinations/{EventDestinationName}",
            "UpdateConfigurationSetEventDestination"
        ),
        (
            .delete,
            "/v2/email/configuration-sets/{ConfigurationSetName}/event-destinations/{EventDestinationName}",
            "DeleteConfigurationSetEventDestination"
        ),
        (.put, "/v2/email/suppression/addresses", "PutSuppressedDestination"),
        (.get, "/v2/email/suppression/addresses", "ListSuppressedDestinations"),
        (.get, "/v2/email/suppression/addresses/{EmailAddress}", "GetSuppressedDestination"),
        (.delete, "/v2/email/suppression/addresses/{EmailAddress}", "DeleteSuppressedDestination"),
        (.get, "/v2/email/dedicated-ips", "GetDedicatedIps"),
        (.get, "/v2/email/dedicated-ips/{IP}", "GetDedicatedIp"),
        (.put, "/v2/email/dedicated-ips/{IP}/warmup", "PutDedicatedIpWarmupAttributes"),
        (.get, "/v2/email/dedicated-ip-pools", "ListDedicatedIpPools"),
        (.get, "/v2/email/dedicated-ip-pools/{PoolName}", "GetDedicatedIpPool"),
    ]

    public func register(on router: Router<ServerContext>) {
        let group = router.group("/v2/email").add(
            middleware: V2Middleware(region: host.scenario.account.region))
        registerSending(on: group)
        registerAccount(on: group)
        registerIdentities(on: group)
        registerTemplates(on: group)
        registerConfigurationSets(on: group)
        registerSuppression(on: group)
        registerDedicatedIPs(on: group)
    }

    // MARK: - Helpers shared by the routes

    /// Performs `request` on the engine; an SES error becomes its v2 error.
    func perform(_ request: SESRequest) async throws(V2Error) -> SESResponse {
        switch await host.perform(request) {
        case .success(let response): return response
        case .failure(let error): throw V2Error(error)
        }
    }

    /// Performs a call that answers nothing: 200 with `{}`.
    func performEmpty(_ request: SESRequest) async throws(V2Error) -> Response {
        _ = try await perform(request)
        return jsonResponse(.object([:]))
    }

    /// The path parameter `name`, percent-decoded.
    static func parameter(_ name: String, of context: ServerContext) throws(V2Error) -> String {
        guard let raw = context.parameters.get(name), !raw.isEmpty else {
            throw V2Error.badRequest(
                "1 validation error detected: Value null at '\(name)' failed to satisfy constraint: "
                    + "Member must not be null")
        }
        return raw.removingPercentEncoding ?? raw
    }

    /// A v2 timestamp in a JSON body: seconds since the Unix epoch.
    func epochSeconds(_ time: SimTime) -> JSONValue {
        .number(Double(host.scenario.calendar.unixMicroseconds(of: time)) / 1_000_000)
    }

    /// A v2 timestamp in a query string: ISO 8601 (botocore's
    /// serialisation) or seconds since the Unix epoch.
    func instant(query text: String, member: String) throws(V2Error) -> SimTime {
        let calendar = host.scenario.calendar
        if let seconds = Double(text) {
            return calendar.time(unixMicroseconds: Int64((seconds * 1_000_000).rounded()))
        }
        do {
            return try calendar.instant(parsing: text)
        } catch {
            throw V2Error.badRequest("\(member) is not a timestamp: \(text).")
        }
    }
}
