import SESModel
import SimCore

extension ScenarioReader {
    static let dedicatedIPKeys = ["autoWarmup", "firstTimeLessee", "warmupPlan", "pools", "ips"]
    static let ipKeys = ["address", "pool", "leased", "warmupPercentage"]

    /// Whether `text` is an IPv4 address in dotted-decimal form: four
    /// numbers from 0 to 255 of ASCII digits, with no sign and no leading zero.
    static func isIPv4Address(_ text: String) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4
            && octets.allSatisfy { octet in
                (1...3).contains(octet.count) && octet.allSatisfy { $0.isASCII && $0.isWholeNumber }
                    && (octet == "0" || !octet.hasPrefix("0")) && Int(octet).map { $0 <= 255 } ?? false
            }
    }

    func readDedicatedIPs(_ value: YAMLValue?) -> DedicatedIPSettings {
        var settings = DedicatedIPSettings()
        guard let mapping = value?.mapping(allowedKeys: Self.dedicatedIPKeys) else { return settings }
        settings.autoWarmupEnabled = mapping.optional("autoWarmup")?.bool ?? true
        settings.firstTimeLessee = mapping.optional("firstTimeLessee")?.bool ?? true
        if let planValue = mapping.optional("warmupPlan"), let items = planValue.list {
            let caps = items.compactMap { $0.int(in: 1...10_000_000, what: "a daily cap") }
            if caps.count == items.count {
                do throws(WarmupPlanError) {
                    settings.plan = try WarmupPlan(dailyCaps: caps)
                } catch {
                    planValue.report(error.description)
                }
            }
        }
        for item in mapping.optional("pools")?.list ?? [] {
            guard let name = item.nonEmptyString else { continue }
            if AccountSettings.builtInPools.contains(name) {
                item.report("'\(name)' is one of SES's built-in pools; name your own pool differently")
            } else if settings.pools.contains(name) {
                item.report("the pool '\(name)' is listed twice")
            } else if name.count > 64
                || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            {
                item.report(
                    "a pool name contains only ASCII letters, numbers, '_' and '-', at most 64 characters")
            } else {
                settings.pools.append(name)
            }
        }
        for item in mapping.optional("ips")?.list ?? [] {
            guard let ip = item.mapping(allowedKeys: Self.ipKeys), let addressValue = ip.required("address"),
                let address = addressValue.nonEmptyString
            else { continue }
            if !Self.isIPv4Address(address) {
                addressValue.report("'\(address)' is not an IPv4 address")
                continue
            }
            if settings.ips.contains(where: { $0.address == address }) {
                addressValue.report("the IP \(address) is listed twice")
                continue
            }
            var definition = DedicatedIPDefinition(address: address)
            if let pool = ip.optional("pool") {
                if let name = pool.nonEmptyString {
                    if name == DedicatedIPSettings.defaultPool || settings.pools.contains(name) {
                        definition.pool = name == DedicatedIPSettings.defaultPool ? nil : name
                    } else {
                        pool.report(
                            Self.undefined("pool", name, among: settings.pools)
                                + " (list it under dedicatedIps.pools, or leave 'pool' out for the default pool)"
                        )
                    }
                }
            }
            if let leased = ip.optional("leased") {
                if let text = leased.string, text.hasPrefix("-") {
                    do {
                        definition.leasedAt = .start - (try SimDuration(parsing: text.dropFirst()))
                    } catch {
                        leased.report(
                            "'\(text)' is not a time before the start, as in -30d: \(error.problem ?? "")")
                    }
                } else if let time = leased.instant(on: calendar) {
                    definition.leasedAt = time
                }
            }
            if let percentage = ip.optional("warmupPercentage")?.int(
                in: 0...100, what: "a warm-up percentage")
            {
                definition.initialWarmupPercentage = Double(percentage)
            }
            settings.ips.append(definition)
        }
        return settings
    }
}
