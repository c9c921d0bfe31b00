import SESModel
import ScenarioFormat
import SimJSON

/// Calls made to the account and what they returned.
struct APICounters: Sendable {
    /// Per operation name: calls by result (`Success` or the error code).
    private(set) var results: [String: [String: Int]] = [:]
    /// Per bulk entry status.
    private(set) var bulkEntries: [BulkEmailStatus: Int] = [:]
    /// Throttled calls by reason.
    private(set) var rateExceeded = 0
    private(set) var dailyQuotaExceeded = 0
    /// Every call, cumulatively (for the timeline).
    private(set) var totalCalls = 0

    mutating func record(_ operation: SendOperation, callResult: String, error: SESError?) {
        record(operation.rawValue, callResult: callResult, error: error)
    }

    mutating func record(_ operation: String, callResult: String, error: SESError?) {
        results[operation, default: [:]][callResult, default: 0] += 1
        totalCalls += 1
        if let error, error.code == .throttling {
            if error.message == SESErrorMessages.dailyMessageQuotaExceeded {
                dailyQuotaExceeded += 1
            } else {
                rateExceeded += 1
            }
        }
    }

    mutating func recordEntry(_ status: BulkEmailStatus) {
        bulkEntries[status, default: 0] += 1
        if status == .accountThrottled { rateExceeded += 1 }
        if status == .accountDailyQuotaExceeded { dailyQuotaExceeded += 1 }
    }

    /// The counters as a summary object (keys sorted when written).
    var summary: JSONValue {
        var object: [String: JSONValue] = [:]
        for (operation, byResult) in results {
            var entry: [String: JSONValue] = [
                "calls": .int(byResult.values.reduce(0, +)),
                "results": .object(byResult.mapValues { .int($0) }),
            ]
            if operation == SendOperation.sendBulkTemplatedEmail.rawValue {
                entry["entries"] = .object(
                    Dictionary(
                        uniqueKeysWithValues: bulkEntries.map { ($0.key.rawValue, JSONValue.int($0.value)) }))
            }
            object[operation] = .object(entry)
        }
        object["throttling"] = .object([
            "maximumSendingRateExceeded": .int(rateExceeded),
            "dailyMessageQuotaExceeded": .int(dailyQuotaExceeded),
        ])
        return .object(object)
    }
}
