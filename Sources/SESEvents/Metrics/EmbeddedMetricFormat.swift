/// Writes CloudWatch Embedded Metric Format (EMF) lines: JSON documents that
/// CloudWatch Logs turns into metrics, so `metrics.jsonl` is real CloudWatch
/// input.
///
/// Shape (CloudWatch User Guide, "Specification: Embedded metric format"):
///
/// ```json
/// {"_aws":{"Timestamp":1700000000000,"CloudWatchMetrics":[{"Namespace":"AWS/SES",
///   "Dimensions":[["campaign"]],"Metrics":[{"Name":"Send","Unit":"Count"}]}]},
///  "campaign":"spring","Send":12}
/// ```
///
/// `Timestamp` is the period's start in milliseconds since the Unix epoch;
/// each line carries one dimension set and the counts of every metric (event
/// type) seen for those dimension values in the period, all with unit
/// `Count`. Other root members (the line's configuration set and destination,
/// under `sesim:` keys no dimension can be named) are ignored by CloudWatch,
/// as the specification allows.
struct EmbeddedMetricFormat {
    /// `","Dimensions":[[…]],"Metrics":[` for this line shape, after the namespace.
    let directivePrefix: [UInt8]
    /// Root members that precede the dimension values (may be empty), each
    /// starting with a comma.
    let properties: [UInt8]
    /// `,"name":` for each dimension, in order.
    let dimensionKeys: [[UInt8]]

    /// A line shape for `dimensionNames` in `namespace`, with `properties`
    /// (name, value) pairs written before the dimensions.
    init(namespace: String, dimensionNames: [String], properties: [(String, String)]) {
        var prefix = OutputBuffer()
        JSONBytes.appendRaw(",\"CloudWatchMetrics\":[{\"Namespace\":", to: &prefix)
        JSONBytes.appendString(namespace, to: &prefix)
        JSONBytes.appendRaw(",\"Dimensions\":[", to: &prefix)
        JSONBytes.appendStringArray(dimensionNames, to: &prefix)
        JSONBytes.appendRaw("],\"Metrics\":[", to: &prefix)
        directivePrefix = prefix.bytes
        var members = OutputBuffer()
        for (name, value) in properties {
            members.append(UInt8(ascii: ","))
            JSONBytes.appendString(name, to: &members)
            members.append(UInt8(ascii: ":"))
            JSONBytes.appendString(value, to: &members)
        }
        self.properties = members.bytes
        dimensionKeys = dimensionNames.map { name in
            var key = OutputBuffer(capacity: 32)
            key.append(UInt8(ascii: ","))
            JSONBytes.appendString(name, to: &key)
            key.append(UInt8(ascii: ":"))
            return key.bytes
        }
    }

    /// Appends one line (with its newline) to `buffer`: `counts` holds a count
    /// per ``EventType`` raw value; types with a zero count or no metric name
    /// are left out. `dimensionValues` are the values in dimension order.
    func appendLine(
        timestampMilliseconds: Int64, counts: [UInt64], dimensionValues: some Sequence<String>,
        to buffer: inout OutputBuffer
    ) {
        JSONBytes.appendRaw("{\"_aws\":{\"Timestamp\":", to: &buffer)
        JSONBytes.appendInteger(timestampMilliseconds, to: &buffer)
        buffer.append(contentsOf: directivePrefix)
        var first = true
        for type in EventType.allCases where counts[type.rawValue] > 0 {
            guard let metric = type.metricName else { continue }
            JSONBytes.appendRaw(first ? "{\"Name\":\"" : ",{\"Name\":\"", to: &buffer)
            first = false
            JSONBytes.appendEscaped(metric, to: &buffer)
            JSONBytes.appendRaw("\",\"Unit\":\"Count\"}", to: &buffer)
        }
        JSONBytes.appendRaw("]}]}", to: &buffer)
        buffer.append(contentsOf: properties)
        var dimension = 0
        for value in dimensionValues {
            buffer.append(contentsOf: dimensionKeys[dimension])
            JSONBytes.appendString(value, to: &buffer)
            dimension += 1
        }
        for type in EventType.allCases where counts[type.rawValue] > 0 {
            guard let metric = type.metricName else { continue }
            buffer.append(UInt8(ascii: ","))
            JSONBytes.appendString(metric, to: &buffer)
            buffer.append(UInt8(ascii: ":"))
            JSONBytes.appendUnsigned(counts[type.rawValue], to: &buffer)
        }
        JSONBytes.appendRaw("}\n", to: &buffer)
    }
}
