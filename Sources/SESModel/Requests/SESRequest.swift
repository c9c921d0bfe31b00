import SESEvents
import SESTemplates
import SimCore

/// One call of SES's API, as the account model understands it: what a
/// scenario's clients and actions, the HTTP API (v1 and v2) and SMTP all
/// translate their input into, so that each rule has one implementation.
///
/// The names follow SES's v1 operations; a v2 operation maps onto the case
/// with the same behaviour (``operationName`` is the v1 name).
public enum SESRequest: Equatable, Sendable {
    // MARK: Sending
    case sendEmail(SendEmailRequest)
    case sendTemplatedEmail(SendTemplatedEmailRequest)
    case sendBulkTemplatedEmail(SendBulkTemplatedEmailRequest)
    /// `SendRawEmail`; also v2 `SendEmail` with `Content.Raw` and SMTP, as
    /// the request's `interface` says.
    case sendRawEmail(SendRawEmailRequest)

    // MARK: Account
    case getSendQuota
    case getSendStatistics
    case getAccountSendingEnabled
    case updateAccountSendingEnabled(enabled: Bool)

    // MARK: Configuration sets
    case createConfigurationSet(ConfigurationSet)
    case deleteConfigurationSet(name: String)
    case describeConfigurationSet(name: String)
    case updateConfigurationSetSendingEnabled(name: String, enabled: Bool)
    case updateConfigurationSetReputationMetricsEnabled(name: String, enabled: Bool)
    case putConfigurationSetDeliveryOptions(
        name: String, sendingPoolName: String?, maximumDeliveryTime: SimDuration?)

    // MARK: Templates
    case createTemplate(EmailTemplate)
    case updateTemplate(EmailTemplate)
    case deleteTemplate(name: String)
    case getTemplate(name: String)
    case listTemplates
    case testRenderTemplate(name: String, data: String)

    // MARK: Event destinations
    case createConfigurationSetEventDestination(configurationSet: String, destination: EventDestination)
    case updateConfigurationSetEventDestination(configurationSet: String, destination: EventDestination)
    case deleteConfigurationSetEventDestination(configurationSet: String, destinationName: String)
    case getConfigurationSetEventDestinations(configurationSet: String)
    case listConfigurationSets

    // MARK: Identities
    case createEmailIdentity(String)
    case getEmailIdentity(String)
    case listEmailIdentities
    case deleteEmailIdentity(String)

    // MARK: Suppression list
    case putSuppressedDestination(address: String, reason: SuppressionReason)
    case getSuppressedDestination(address: String)
    case deleteSuppressedDestination(address: String)
    /// The entries with one of `reasons` (all when empty) last updated within `[start, end]`.
    case listSuppressedDestinations(reasons: [SuppressionReason], start: SimTime?, end: SimTime?)

    // MARK: Account (v2)
    case getAccount

    // MARK: Dedicated IPs
    case getDedicatedIps(pool: String?)
    case getDedicatedIp(String)
    case getDedicatedIpPool(String)
    case listDedicatedIpPools
    case putDedicatedIpWarmupAttributes(ip: String, warmupPercentage: Int)
    case putAccountDedicatedIpWarmupAttributes(autoWarmupEnabled: Bool)
    /// The console's "Mark as complete" (no API of its own in SES).
    case markDedicatedIpWarmupComplete(ip: String)
    /// The console's "Reset percentage" (no API of its own in SES).
    case resetDedicatedIpWarmup(ip: String)

    /// The operation's name, as SES spells it.
    public var operationName: String {
        switch self {
        case .sendEmail: "SendEmail"
        case .sendTemplatedEmail: "SendTemplatedEmail"
        case .sendBulkTemplatedEmail: "SendBulkTemplatedEmail"
        case .sendRawEmail: "SendRawEmail"
        case .getSendQuota: "GetSendQuota"
        case .getSendStatistics: "GetSendStatistics"
        case .getAccountSendingEnabled: "GetAccountSendingEnabled"
        case .updateAccountSendingEnabled: "UpdateAccountSendingEnabled"
        case .createConfigurationSet: "CreateConfigurationSet"
        case .deleteConfigurationSet: "DeleteConfigurationSet"
        case .describeConfigurationSet: "DescribeConfigurationSet"
        case .updateConfigurationSetSendingEnabled: "UpdateConfigurationSetSendingEnabled"
        case .updateConfigurationSetReputationMetricsEnabled: "UpdateConfigurationSetReputationMetricsEnabled"
        case .putConfigurationSetDeliveryOptions: "PutConfigurationSetDeliveryOptions"
        case .createTemplate: "CreateTemplate"
        case .updateTemplate: "UpdateTemplate"
        case .deleteTemplate: "DeleteTemplate"
        case .getTemplate: "GetTemplate"
        case .listTemplates: "ListTemplates"
        case .testRenderTemplate: "TestRenderTemplate"
        case .createConfigurationSetEventDestination: "CreateConfigurationSetEventDestination"
        case .updateConfigurationSetEventDestination: "UpdateConfigurationSetEventDestination"
        case .deleteConfigurationSetEventDestination: "DeleteConfigurationSetEventDestination"
        case .getConfigurationSetEventDestinations: "GetConfigurationSetEventDestinations"
        case .listConfigurationSets: "ListConfigurationSets"
        case .createEmailIdentity: "CreateEmailIdentity"
        case .getEmailIdentity: "GetEmailIdentity"
        case .listEmailIdentities: "ListEmailIdentities"
        case .deleteEmailIdentity: "DeleteEmailIdentity"
        case .putSuppressedDestination: "PutSuppressedDestination"
        case .getSuppressedDestination: "GetSuppressedDestination"
        case .deleteSuppressedDestination: "DeleteSuppressedDestination"
        case .listSuppressedDestinations: "ListSuppressedDestinations"
        case .getAccount: "GetAccount"
        case .getDedicatedIps: "GetDedicatedIps"
        case .getDedicatedIp: "GetDedicatedIp"
        case .getDedicatedIpPool: "GetDedicatedIpPool"
        case .listDedicatedIpPools: "ListDedicatedIpPools"
        case .putDedicatedIpWarmupAttributes: "PutDedicatedIpWarmupAttributes"
        case .putAccountDedicatedIpWarmupAttributes: "PutAccountDedicatedIpWarmupAttributes"
        case .markDedicatedIpWarmupComplete: "MarkDedicatedIpWarmupComplete"
        case .resetDedicatedIpWarmup: "ResetDedicatedIpWarmup"
        }
    }

    /// Whether a successful call changes the configuration sets' event
    /// destinations, which the event publisher must then follow.
    public var changesEventDestinations: Bool {
        switch self {
        case .createConfigurationSet, .deleteConfigurationSet, .createConfigurationSetEventDestination,
            .updateConfigurationSetEventDestination, .deleteConfigurationSetEventDestination:
            true
        default: false
        }
    }

    /// The sending operation, for the calls that send mail.
    public var sendOperation: SendOperation? {
        switch self {
        case .sendEmail: .sendEmail
        case .sendTemplatedEmail: .sendTemplatedEmail
        case .sendBulkTemplatedEmail: .sendBulkTemplatedEmail
        case .sendRawEmail(let request): request.interface.operation
        default: nil
        }
    }
}

/// What an ``SESRequest`` returned when it succeeded.
public enum SESResponse: Equatable, Sendable {
    /// The call succeeded and returns nothing.
    case empty
    /// `SendEmail`, `SendTemplatedEmail`, `SendRawEmail`: the accepted message.
    case message(AcceptedMessage)
    /// `SendBulkTemplatedEmail`: a status per destination.
    case bulk(BulkSendResult)
    case sendQuota(SendQuota)
    case sendStatistics([SendDataPoint])
    /// `GetAccountSendingEnabled`.
    case enabled(Bool)
    case configurationSet(ConfigurationSet)
    case template(EmailTemplate)
    /// `ListTemplates`.
    case templates([TemplateMetadata])
    /// `TestRenderTemplate`.
    case renderedTemplate(RenderedTemplateMessage)
    /// `ListConfigurationSets`, `ListDedicatedIpPools`: names.
    case names([String])
    case eventDestinations([EventDestination])
    case identity(EmailIdentityInfo)
    case identities([EmailIdentityInfo])
    case suppressedDestination(SuppressedDestination)
    case suppressedDestinations([SuppressedDestination])
    case account(AccountDetails)
    case dedicatedIps([DedicatedIPState])
    case dedicatedIp(DedicatedIPState)
    case dedicatedIpPool(DedicatedIPPoolInfo)
}
