/// The account's API actions other than the sending calls. SES throttles each
/// to one request per second ("You can execute this operation no more than
/// once per second"); a throttled call fails with `Throttling` / `Rate exceeded`.
public enum ControlPlaneAction: String, Hashable, Sendable, CaseIterable {
    case getSendQuota = "GetSendQuota"
    case getSendStatistics = "GetSendStatistics"
    case getAccountSendingEnabled = "GetAccountSendingEnabled"
    case updateAccountSendingEnabled = "UpdateAccountSendingEnabled"
    case createConfigurationSet = "CreateConfigurationSet"
    case deleteConfigurationSet = "DeleteConfigurationSet"
    case describeConfigurationSet = "DescribeConfigurationSet"
    case updateConfigurationSetSendingEnabled = "UpdateConfigurationSetSendingEnabled"
    case updateConfigurationSetReputationMetricsEnabled = "UpdateConfigurationSetReputationMetricsEnabled"
    case putConfigurationSetDeliveryOptions = "PutConfigurationSetDeliveryOptions"
    case createTemplate = "CreateTemplate"
    case updateTemplate = "UpdateTemplate"
    case deleteTemplate = "DeleteTemplate"
    case getTemplate = "GetTemplate"
    case testRenderTemplate = "TestRenderTemplate"
    case putDedicatedIpWarmupAttributes = "PutDedicatedIpWarmupAttributes"
    case putAccountDedicatedIpWarmupAttributes = "PutAccountDedicatedIpWarmupAttributes"
}
