import SESEvents
import SESSimulation
import ScenarioFormat
import SimCore
import SimJSON

/// The timeline as CSV: one row per interval.
enum TimelineCSV {
    static func render(
        rows: [TimelineRow], clients: [String], ips: [String], configurationSets: [String], alarms: [String],
        calendar: SimCalendar
    ) -> String {
        var header = [
            "interval_start", "interval_end", "calls", "throttled_calls", "recipients_accepted",
            "recipients_throttled", "recipients_dropped", "accepted_per_second",
        ]
        for client in clients {
            header += ["\(client):accepted", "\(client):throttled", "\(client):dropped"]
        }
        for type in EventType.allCases { header.append("events:\(type.matchingName)") }
        for ip in ips { header += ["ip:\(ip):volume", "ip:\(ip):cap"] }
        header.append("shared_pool_volume")
        header += [
            "account_bounce_rate", "account_complaint_rate", "account_reputation_volume", "account_status",
        ]
        for set in configurationSets { header += ["set:\(set):bounce_rate", "set:\(set):complaint_rate"] }
        for alarm in alarms { header.append("alarm:\(alarm)") }
        var lines = [header.map(quote).joined(separator: ",")]
        for row in rows {
            let seconds = max((row.end - row.start).seconds, 1e-6)
            var fields = [
                calendar.timestamp(row.start), calendar.timestamp(row.end), String(row.calls),
                String(row.throttledCalls), String(row.recipientsAccepted), String(row.recipientsThrottled),
                String(row.recipientsDropped),
                JSONNumber.format((Double(row.recipientsAccepted) / seconds * 1000).rounded() / 1000),
            ]
            for index in clients.indices {
                fields += [
                    String(row.clientAccepted[index]), String(row.clientThrottled[index]),
                    String(row.clientDropped[index]),
                ]
            }
            for type in EventType.allCases {
                fields.append(String(row.events.count > type.rawValue ? row.events[type.rawValue] : 0))
            }
            for index in ips.indices {
                fields.append(String(index < row.ipVolume.count ? row.ipVolume[index] : 0))
                fields.append(index < row.ipCap.count ? row.ipCap[index].map(String.init) ?? "" : "")
            }
            fields.append(String(row.sharedVolume))
            let reputation = row.reputation
            fields += [
                rate(reputation.accountBounceRate), rate(reputation.accountComplaintRate),
                String(reputation.accountVolume), reputation.status,
            ]
            for index in configurationSets.indices {
                fields.append(
                    index < reputation.setBounceRates.count ? rate(reputation.setBounceRates[index]) : "")
                fields.append(
                    index < reputation.setComplaintRates.count
                        ? rate(reputation.setComplaintRates[index]) : "")
            }
            for index in alarms.indices {
                fields.append(index < reputation.alarmStates.count ? reputation.alarmStates[index] : "")
            }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A rate to six decimals.
    static func rate(_ value: Double) -> String {
        JSONNumber.format((value * 1_000_000).rounded() / 1_000_000)
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
