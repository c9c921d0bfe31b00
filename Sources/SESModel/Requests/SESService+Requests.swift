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
        case .sendRawEmail(let send):
            return .message(try sendRawEmail(send, origin: origin, at: now))
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
            try createConfigurationSet(set, at: now)
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
        case .listTemplates:
            return .templates(try account.listTemplates(at: now))
        case .testRenderTemplate(let name, let data):
            return .renderedTemplate(try account.testRenderTemplate(named: name, data: data, at: now))
        case .createConfigurationSetEventDestination(let set, let destination):
            try account.createConfigurationSetEventDestination(
                configurationSet: set, destination: destination, at: now)
        case .updateConfigurationSetEventDestination(let set, let destination):
            try account.updateConfigurationSetEventDestination(
                configurationSet: set, destination: destination, at: now)
        case .deleteConfigurationSetEventDestination(let set, let name):
            try account.deleteConfigurationSetEventDestination(
                configurationSet: set, destinationName: name, at: now)
        case .getConfigurationSetEventDestinations(let set):
            return .eventDestinations(
                try account.getConfigurationSetEventDestinations(configurationSet: set, at: now))
        case .listConfigurationSets:
            return .names(try account.listConfigurationSets(at: now))
        case .createEmailIdentity(let identity):
            return .identity(try account.createEmailIdentity(identity, at: now))
        case .getEmailIdentity(let identity):
            return .identity(try account.getEmailIdentity(identity, at: now))
        case .listEmailIdentities:
            return .identities(try account.listEmailIdentities(at: now))
        case .deleteEmailIdentity(let identity):
            try account.deleteEmailIdentity(identity, at: now)
        case .putSuppressedDestination(let address, let reason):
            try account.putSuppressedDestination(address, reason: reason, at: now)
        case .getSuppressedDestination(let address):
            return .suppressedDestination(try account.getSuppressedDestination(address, at: now))
        case .deleteSuppressedDestination(let address):
            try account.deleteSuppressedDestination(address, at: now)
        case .listSuppressedDestinations(let reasons, let start, let end):
            return .suppressedDestinations(
                try account.listSuppressedDestinations(reasons: reasons, start: start, end: end, at: now))
        case .getAccount:
            return .account(try getAccount(at: now))
        case .getDedicatedIps(let pool):
            return .dedicatedIps(try getDedicatedIps(pool: pool, at: now))
        case .getDedicatedIp(let ip):
            return .dedicatedIp(try getDedicatedIp(ip, at: now))
        case .getDedicatedIpPool(let name):
            return .dedicatedIpPool(try getDedicatedIpPool(name, at: now))
        case .listDedicatedIpPools:
            return .names(try listDedicatedIpPools(at: now))
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
