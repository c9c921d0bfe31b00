import Foundation
import SESEvents
import SESModel
import SESTemplates
import SimCore
import Yams

extension ScenarioReader {
    // MARK: - Account

    static let accountKeys = [
        "region", "accountId", "sandbox", "maxSendRate", "max24HourSend", "burst", "identities",
        "callerIdentity",
        "sourceIp", "sendingEnabled", "mailFromDomainFailures", "suppression", "autoVerifySenders",
        "controlPlaneRate",
    ]

    func readAccount(_ value: YAMLValue?) -> (AccountSettings, Bool) {
        var settings = AccountSettings()
        guard let value, let mapping = value.mapping(allowedKeys: Self.accountKeys) else {
            return (settings, true)
        }
        if let region = mapping.optional("region") {
            if let text = region.nonEmptyString {
                if text.wholeMatch(of: /[a-z]{2}(-gov)?-[a-z]+-[0-9]/) == nil
                    || (try? EventPublishingValidation.validateRegion(text, path: region.path)) == nil
                {
                    region.report("'\(text)' is not an AWS Region name; expected a name such as us-east-1")
                } else {
                    settings.region = text
                }
            }
        }
        if let accountId = mapping.optional("accountId") {
            if let text = accountId.string {
                do throws(EventPublishingValidationError) {
                    try EventPublishingValidation.validateAccountID(text, path: accountId.path)
                    settings.accountId = text
                } catch {
                    accountId.report("expected a 12-digit AWS account ID, such as 123456789012")
                }
            }
        }
        settings.sandbox = mapping.optional("sandbox")?.bool ?? false
        settings.maximumSendRate = mapping.optional("maxSendRate")?.double(
            in: 0.001...1_000_000, what: "messages per second")
        if let quota = mapping.optional("max24HourSend") {
            if let number = quota.double(in: -1...1e12, what: "messages per 24 hours (-1 for unlimited)") {
                if number < 0 && number != -1 {
                    quota.report("expected messages per 24 hours, or -1 for unlimited")
                } else {
                    settings.maximum24HourSend = number
                }
            }
        }
        if let burst = mapping.optional("burst")?.duration(in: .zero...(.hours(1))) {
            settings.burstSeconds = burst.seconds
        }
        if let identities = mapping.optional("identities")?.list {
            settings.identities = identities.compactMap { (item) -> String? in
                guard let text = item.nonEmptyString else { return nil }
                if text.contains("@") {
                    do throws(SESError) {
                        _ = try EmailAddress(parsing: text)
                    } catch {
                        item.report("not an email address: \(error.message)")
                        return nil
                    }
                } else if !Self.isDomainName(text) {
                    item.report("'\(text)' is neither an email address nor a domain name")
                    return nil
                }
                return text
            }
        }
        if let caller = mapping.optional("callerIdentity")?.nonEmptyString {
            settings.callerIdentity = caller
        }
        if let sourceIp = mapping.optional("sourceIp")?.nonEmptyString { settings.sourceIp = sourceIp }
        if let failures = mapping.optional("mailFromDomainFailures")?.list {
            settings.identitiesWithFailedMailFromDomain = failures.compactMap(\.nonEmptyString)
        }
        if let suppression = mapping.optional("suppression")?.mapping(allowedKeys: [
            "enabled", "reasons", "addresses",
        ]) {
            let enabled = suppression.optional("enabled")?.bool ?? true
            var reasons: Set<SuppressionReason> = [.bounce, .complaint]
            if let list = suppression.optional("reasons")?.list {
                reasons = Set(
                    list.compactMap {
                        $0.choice(
                            SuppressionReason.allCases.map { ($0.rawValue, $0) }, what: "suppression reason")
                    })
            }
            var addresses: [String] = []
            for item in suppression.optional("addresses")?.list ?? [] {
                guard let text = item.nonEmptyString else { continue }
                do throws(SESError) {
                    addresses.append(try EmailAddress(parsing: text).address)
                } catch {
                    item.report("not an email address: \(error.message)")
                }
            }
            settings.suppressionList = SuppressionList(
                enabled: enabled, reasons: reasons, addresses: addresses)
        }
        settings.autoVerifySenders = mapping.optional("autoVerifySenders")?.bool ?? false
        if let rate = mapping.optional("controlPlaneRate") {
            if rate.node.scalar?.string == "unlimited" {
                settings.controlPlaneRate = nil
            } else if let number = rate.double(
                in: 0.001...1_000_000, what: "calls per second for each control-plane action, or unlimited")
            {
                settings.controlPlaneRate = number
            }
        }
        let sendingEnabled = mapping.optional("sendingEnabled")?.bool ?? true
        return (settings, sendingEnabled)
    }

    static func isDomainName(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2
            && labels.allSatisfy { label in
                !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
    }
}
