import SESEvents
import SimCore

/// The timeline as CSV: one row per interval.
enum TimelineCSV {
    static func render(rows: [TimelineRow], clients: [String], ips: [String], calendar: SimCalendar) -> String {
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
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
