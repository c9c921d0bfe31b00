import SESModel
import SimCore

/// An API call the scenario makes at an instant.
public struct ActionDefinition: Equatable, Sendable {
    /// When it is made.
    public var at: SimTime
    /// What it does.
    public var call: SESRequest
    /// Its place in the file, for messages.
    public var path: String

    /// Every API name an action may use, in the order the reference lists them.
    public static let apiNames = [
        "UpdateAccountSendingEnabled", "UpdateConfigurationSetSendingEnabled",
        "UpdateConfigurationSetReputationMetricsEnabled", "CreateTemplate", "UpdateTemplate",
        "DeleteTemplate", "PutDedicatedIpWarmupAttributes", "PutAccountDedicatedIpWarmupAttributes",
        "MarkDedicatedIpWarmupComplete", "ResetDedicatedIpWarmup",
    ]
}
