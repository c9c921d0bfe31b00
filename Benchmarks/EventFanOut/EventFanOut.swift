import Benchmark
import Foundation
import SESEvents
import SimCore

let benchmarks: @Sendable () -> Void = {
    let events = FanOutWorkload.events(sharedTags: true)
    let eventsWithOwnTags = FanOutWorkload.events(sharedTags: false)
    // CI gates on mallocs per iteration (Benchmarks/Thresholds): a few thousand per
    // million events move with the harness; one per event would add a million.
    let mallocGate: [BenchmarkMetric: BenchmarkThresholds] = [
        .mallocCountTotal: .init(absolute: [.p90: 5_000])
    ]
    let configuration = Benchmark.Configuration(
        metrics: [.throughput, .wallClock, .mallocCountTotal, .peakMemoryResident],
        scalingFactor: .mega,
        maxDuration: .seconds(20),
        maxIterations: 10,
        thresholds: mallocGate
    )

    /// One iteration publishes the million events through a fresh publisher
    /// (created and finished outside the measurement). The publisher borrows
    /// the prebuilt events (`publish(contentsOf:)`): what is measured is the
    /// fan-out, not copying events out of the benchmark's array.
    func fanOut(_ name: String, writesRecords: Bool, computesDigest: Bool, ownTags: Bool = false) {
        let events = ownTags ? eventsWithOwnTags : events
        Benchmark(name, configuration: configuration) { benchmark in
            precondition(benchmark.scaledIterations.count == events.count)
            let publisher = FanOutWorkload.publisher(
                writesRecords: writesRecords, computesDigest: computesDigest)
            benchmark.startMeasurement()
            publisher.publish(contentsOf: events)
            benchmark.stopMeasurement()
            publisher.finish()
            blackHole(publisher.summary())
        }
    }

    fanOut("Fan-out, aggregation only (records off, digest off)", writesRecords: false, computesDigest: false)
    fanOut(
        "Fan-out, aggregation only, every message its own tags array", writesRecords: false,
        computesDigest: false,
        ownTags: true)
    fanOut("Fan-out, aggregation only, with digest", writesRecords: false, computesDigest: true)
    fanOut(
        "Fan-out, records serialised (Firehose + SNS), digest off", writesRecords: true, computesDigest: false
    )
    fanOut(
        "Fan-out, records serialised (Firehose + SNS), with digest", writesRecords: true, computesDigest: true
    )

    // The serialiser against Foundation's JSONEncoder on the same records.
    let sample = Array(events[0..<1_000].enumerated().map { events[$0.offset * 997 % events.count] })
    let serializerConfiguration = Benchmark.Configuration(
        metrics: [.throughput, .wallClock, .mallocCountTotal],
        scalingFactor: .kilo,
        maxDuration: .seconds(10),
        maxIterations: 50,
        thresholds: mallocGate
    )
    Benchmark("Record serialisation, EventRecordSerializer", configuration: serializerConfiguration) {
        benchmark in
        let serializer = EventRecordSerializer(calendar: FanOutWorkload.calendar)
        var buffer = OutputBuffer(capacity: 8192)
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            buffer.removeAll()
            serializer.append(sample[index % sample.count], to: &buffer)
            blackHole(buffer.count)
        }
        benchmark.stopMeasurement()
    }
    Benchmark("Record serialisation, Foundation JSONEncoder", configuration: serializerConfiguration) {
        benchmark in
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            let record = FoundationRecord(sample[index % sample.count], calendar: FanOutWorkload.calendar)
            blackHole(try! encoder.encode(record))
        }
        benchmark.stopMeasurement()
    }
}
