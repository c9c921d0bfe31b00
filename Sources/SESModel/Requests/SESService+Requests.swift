import SimCore

extension SESService {
    /// Performs `request` at `now`: the entry point through which callers
    /// outside the scenario's clients (actions, the HTTP API, SMTP, tests)
    /// reach the account, with the same rules the clients' typed calls
    /// (``sendEmail(_:origin:at:)`` and the others) apply. Every message the
    /// call sends enters the delivery pipeline with `origin`.
    public mutating func perform(_ request: SESRequest, origin: MessageOrigin, at now: SimTime)
        throws(SESError) -> SESResponse
    {
        switch request {
        case .sendEmail(let send):
            return .message(try sendEmail(send, origin: origin, at: now))
        case .sendTemplatedEmail(let send):
            return .message(try sendTemplatedEmail(send, origin: origin, at: now))
        case .sendBulkTemplatedEmail(let send):
            let origins = Array(repeating: origin, count: send.destinations.count)
            return .bulk(try sendBulkTemplatedEmail(send, origins: origins, at: now))
        case .getSendQuota:
            return .sendQuota(try account.getSendQuota(at: now))
        case .getSendStatistics:
            return .sendStatistics(try account.getSendStatistics(at: now))
        case .getAccountSendingEnabled:
            return .enabled(try account.getAccountSendingEnabled(at: now))
        case .updateAccountSendingEnabled(let enabled):
            try account.updateAccountSendingEnabled(enabled, at: now)
        case .createConfigurationSet(let set):
            try account.createConfigurationSet(set, at: now)
        case .deleteConfigurationSet(let name):
            try account.deleteConfigurationSet(named: name, at: now)
        case .describeConfigurationSet(let name):
            return .configurationSet(try account.describeConfigurationSet(named: name, at: now))
        case .updateConfigurationSetSendingEnabled(let name, let enabled):
            try updateConfigurationSetSendingEnabled(named: name, enabled: enabled, at: now)
        case .updateConfigurationSetReputationMetricsEnabled(let name, let enabled):
            try account.updateConfigurationSetReputationMetricsEnabled(named: name, enabled: enabled, at: now)
        case .putConfigurationSetDeliveryOptions(let name, let pool, let maximumDeliveryTime):
            try account.putConfigurationSetDeliveryOptions(
                named: name, sendingPoolName: pool, maximumDeliveryTime: maximumDeliveryTime, at: now)
        case .createTemplate(let template):
            try account.createTemplate(template, at: now)
        case .updateTemplate(let template):
            try account.updateTemplate(template, at: now)
        case .deleteTemplate(let name):
            try account.deleteTemplate(named: name, at: now)
        case .getTemplate(let name):
            return .template(try account.getTemplate(named: name, at: now))
        case .putDedicatedIpWarmupAttributes(let ip, let percentage):
            try putDedicatedIpWarmupAttributes(ip: ip, warmupPercentage: percentage, at: now)
        case .putAccountDedicatedIpWarmupAttributes(let enabled):
            try putAccountDedicatedIpWarmupAttributes(autoWarmupEnabled: enabled, at: now)
        case .markDedicatedIpWarmupComplete(let ip):
            try markDedicatedIpWarmupComplete(ip: ip, at: now)
        case .resetDedicatedIpWarmup(let ip):
            try resetDedicatedIpWarmup(ip: ip, at: now)
        }
        return .empty
    }
}
