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

    // MARK: Dedicated IPs
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
        case .putDedicatedIpWarmupAttributes: "PutDedicatedIpWarmupAttributes"
        case .putAccountDedicatedIpWarmupAttributes: "PutAccountDedicatedIpWarmupAttributes"
        case .markDedicatedIpWarmupComplete: "MarkDedicatedIpWarmupComplete"
        case .resetDedicatedIpWarmup: "ResetDedicatedIpWarmup"
        }
    }

    /// The sending operation, for the calls that send mail.
    public var sendOperation: SendOperation? {
        switch self {
        case .sendEmail: .sendEmail
        case .sendTemplatedEmail: .sendTemplatedEmail
        case .sendBulkTemplatedEmail: .sendBulkTemplatedEmail
        default: nil
        }
    }
}

/// What an ``SESRequest`` returned when it succeeded.
public enum SESResponse: Equatable, Sendable {
    /// The call succeeded and returns nothing.
    case empty
    /// `SendEmail`, `SendTemplatedEmail`: the accepted message.
    case message(AcceptedMessage)
    /// `SendBulkTemplatedEmail`: a status per destination.
    case bulk(BulkSendResult)
    case sendQuota(SendQuota)
    case sendStatistics([SendDataPoint])
    /// `GetAccountSendingEnabled`.
    case enabled(Bool)
    case configurationSet(ConfigurationSet)
    case template(EmailTemplate)
}
