import SimCore

extension FanOutCore {
    // MARK: - Records

    /// Counts an event of `type` for each record destination of `set` that
    /// takes it, when records are not written.
    @inline(__always)
    mutating func countRoutes(type: EventType, set: FanOutPlan.CompiledSet) {
        for index in set.routeRange where plan.routeTypes[index].contains(type) {
            counters[10 &+ plan.routeDestinations[index] &* 10 &+ type.rawValue] &+= 1
        }
    }

    /// Counts and writes the event's record to each record destination of
    /// its set that takes its type.
    @inline(never)
    mutating func routeRecords(_ event: SESEvent, type: EventType, sequence: UInt64, setIndex: Int) {
        let routeRange = plan.sets[setIndex].routeRange
        var serialized = false
        for index in routeRange where plan.routeTypes[index].contains(type) {
            let destinationIndex = plan.routeDestinations[index]
            counters[10 &+ destinationIndex &* 10 &+ type.rawValue] &+= 1
            let sinkIndex = plan.routes[index].sinkIndex
            switch plan.routes[index].envelope {
            case .firehose:
                serializeRecord(event, unlessDone: &serialized)
                recordBuffer.withUnsafeBytes { sinks[sinkIndex].write($0) }
            case .eventBridge(let envelope):
                serializeRecord(event, unlessDone: &serialized)
                lineBuffer.removeAll()
                let setName = plan.setNames[setIndex]
                recordBuffer.withUnsafeBytes { record in
                    envelope.append(
                        record: UnsafeRawBufferPointer(rebasing: record.dropLast()), of: event,
                        configurationSet: setName, sequence: sequence, calendar: calendar, to: &lineBuffer)
                }
                lineBuffer.append(UInt8(ascii: "\n"))
                lineBuffer.withUnsafeBytes { sinks[sinkIndex].write($0) }
            case .sns(let envelope):
                serializeRecord(event, unlessDone: &serialized)
                lineBuffer.removeAll()
                recordBuffer.withUnsafeBytes { record in
                    envelope.append(of: event, sequence: sequence, calendar: calendar, to: &lineBuffer) {
                        serializationCache.appendEscaped(
                            record: UnsafeRawBufferPointer(rebasing: record.dropLast()), to: &$0)
                    }
                }
                lineBuffer.append(UInt8(ascii: "\n"))
                lineBuffer.withUnsafeBytes { sinks[sinkIndex].write($0) }
            }
            recordsWritten[destinationIndex] += 1
        }
    }

    /// Writes `event`'s record and a newline into ``recordBuffer``, unless
    /// `done` says this event's record is already there.
    @inline(__always)
    mutating func serializeRecord(_ event: SESEvent, unlessDone done: inout Bool) {
        guard !done else { return }
        recordBuffer.removeAll()
        serializer.append(event, to: &recordBuffer, cache: &serializationCache)
        recordBuffer.append(UInt8(ascii: "\n"))
        done = true
    }
}
