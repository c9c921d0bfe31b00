import SimCore

extension EmbeddedMetricFormat {
    /// One Embedded Metric Format line with SES's reputation metrics
    /// (`Reputation.BounceRate`, `Reputation.ComplaintRate`, namespace
    /// `AWS/SES`, unit `None`): the account's, or a configuration set's with
    /// the `ses:configuration-set` dimension. Root keys in sorted order.
    static func appendReputationLine(
        bounceRate: Double, complaintRate: Double, configurationSet: String?, unixMilliseconds: Int64,
        to buffer: inout OutputBuffer
    ) {
        JSONBytes.appendRaw("{\"Reputation.BounceRate\":", to: &buffer)
        JSONBytes.appendNumber(bounceRate, to: &buffer)
        JSONBytes.appendRaw(",\"Reputation.ComplaintRate\":", to: &buffer)
        JSONBytes.appendNumber(complaintRate, to: &buffer)
        JSONBytes.appendRaw(",\"_aws\":{\"CloudWatchMetrics\":[{\"Dimensions\":", to: &buffer)
        if configurationSet == nil {
            JSONBytes.appendRaw("[[]]", to: &buffer)
        } else {
            JSONBytes.appendRaw("[[\"ses:configuration-set\"]]", to: &buffer)
        }
        JSONBytes.appendRaw(
            ",\"Metrics\":[{\"Name\":\"Reputation.BounceRate\",\"Unit\":\"None\"},", to: &buffer)
        JSONBytes.appendRaw("{\"Name\":\"Reputation.ComplaintRate\",\"Unit\":\"None\"}],", to: &buffer)
        JSONBytes.appendRaw("\"Namespace\":\"AWS/SES\"}],\"Timestamp\":", to: &buffer)
        JSONBytes.appendInteger(unixMilliseconds, to: &buffer)
        JSONBytes.appendRaw("}", to: &buffer)
        if let configurationSet {
            JSONBytes.appendRaw(",\"ses:configuration-set\":", to: &buffer)
            JSONBytes.appendString(configurationSet, to: &buffer)
        }
        JSONBytes.appendRaw("}\n", to: &buffer)
    }
}

extension EventPublisher {
    /// Publishes SES's reputation metrics at `time` to the metrics output:
    /// the account's (`configurationSet` nil) or a configuration set's.
    public func publishReputationMetrics(
        bounceRate: Double, complaintRate: Double, configurationSet: String?, at time: SimTime
    ) {
        precondition(!isFinished, "publish after finish")
        var line = OutputBuffer(capacity: 512)
        EmbeddedMetricFormat.appendReputationLine(
            bounceRate: bounceRate, complaintRate: complaintRate, configurationSet: configurationSet,
            unixMilliseconds: configuration.calendar.unixMicroseconds(of: time) / 1_000, to: &line)
        line.withUnsafeBytes { metricsSink.write($0) }
    }

    /// The sink of the metrics output.
    var metricsSink: any RecordSink { sinks.first { $0.output == .metrics }!.sink }
}
