import SESTemplates
import SimCore

/// An API call the scenario makes at an instant.
public struct ActionDefinition: Equatable, Sendable {
    /// When it is made.
    public var at: SimTime
    /// What it does.
    public var call: ActionCall
    /// Its place in the file, for messages.
    public var path: String
}

/// The API calls a scenario can make.
public enum ActionCall: Equatable, Sendable {
    case updateAccountSendingEnabled(Bool)
    case updateConfigurationSetSendingEnabled(configurationSet: String, enabled: Bool)
    case updateConfigurationSetReputationMetricsEnabled(configurationSet: String, enabled: Bool)
    case createTemplate(EmailTemplate)
    case updateTemplate(EmailTemplate)
    case deleteTemplate(String)
    case putDedicatedIpWarmupAttributes(ip: String, warmupPercentage: Int)
    case putAccountDedicatedIpWarmupAttributes(autoWarmupEnabled: Bool)
    /// The console's "Mark as complete".
    case markDedicatedIpWarmupComplete(ip: String)
    /// The console's "Reset percentage".
    case resetDedicatedIpWarmup(ip: String)

    /// The API name, as SES spells it.
    public var apiName: String {
        switch self {
        case .updateAccountSendingEnabled: "UpdateAccountSendingEnabled"
        case .updateConfigurationSetSendingEnabled: "UpdateConfigurationSetSendingEnabled"
        case .updateConfigurationSetReputationMetricsEnabled: "UpdateConfigurationSetReputationMetricsEnabled"
        case .createTemplate: "CreateTemplate"
        case .updateTemplate: "UpdateTemplate"
        case .deleteTemplate: "DeleteTemplate"
        case .putDedicatedIpWarmupAttributes: "PutDedicatedIpWarmupAttributes"
        case .putAccountDedicatedIpWarmupAttributes: "PutAccountDedicatedIpWarmupAttributes"
        case .markDedicatedIpWarmupComplete: "MarkDedicatedIpWarmupComplete"
        case .resetDedicatedIpWarmup: "ResetDedicatedIpWarmup"
        }
    }

    /// Every API name an action may use.
    public static let apiNames = [
        "UpdateAccountSendingEnabled", "UpdateConfigurationSetSendingEnabled",
        "UpdateConfigurationSetReputationMetricsEnabled", "CreateTemplate", "UpdateTemplate",
        "DeleteTemplate", "PutDedicatedIpWarmupAttributes", "PutAccountDedicatedIpWarmupAttributes",
        "MarkDedicatedIpWarmupComplete", "ResetDedicatedIpWarmup",
    ]
}
