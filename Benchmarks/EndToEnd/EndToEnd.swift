import Benchmark
import Foundation
import Runner
import SESSimulation
import ScenarioFormat
import SimJSON

/// The whole model end to end: `scenarios/scale-1m.yaml` — one bulk campaign
/// through bulk calls, rendering with open and click tracking, deliveries
/// with deferrals and retries, engagement, three event destinations (one of
/// them a Firehose file written to a temporary folder) and reputation —
/// with its audience cut to `recipients` so that CI can afford it.
///
/// Besides time, mallocs and peak memory it reports the model's own
/// counters per thousand recipients: events the simulation processed and
/// events published. They do not depend on the machine, so CI gates on them
/// (with the mallocs) through the committed thresholds.
let benchmarks: @Sendable () -> Void = {
    let scenarioFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios/scale-1m.yaml").path
    let modelEventsPerThousand = BenchmarkMetric.custom(
        "simulation events per 1,000 recipients", polarity: .prefersSmaller, useScalingFactor: false)
    let publishedEventsPerThousand = BenchmarkMetric.custom(
        "published events per 1,000 recipients", polarity: .prefersSmaller, useScalingFactor: false)
    let recipientsPerSecond = BenchmarkMetric.custom(
        "recipients per second", polarity: .prefersLarger, useScalingFactor: false)

    for recipients in [20_000, 100_000] {
        Benchmark(
            "scale-1m at \(recipients) recipients",
            configuration: .init(
                metrics: [
                    .wallClock, .mallocCountTotal, .peakMemoryResident, recipientsPerSecond,
                    modelEventsPerThousand, publishedEventsPerThousand,
                ],
                warmupIterations: 0,
                maxDuration: .seconds(30),
                maxIterations: 3,
                thresholds: [
                    // The counters are exact for a given version: any change is a change of the model.
                    modelEventsPerThousand: .init(absolute: [.p90: 0]),
                    publishedEventsPerThousand: .init(absolute: [.p90: 0]),
                    // Mallocs move a little with the allocator's and the runtime's own work.
                    .mallocCountTotal: .init(relative: [.p90: 2.0]),
                ]
            )
        ) { benchmark in
            let scenario: Scenario
            do {
                scenario = try ScenarioLoader(overrides: [
                    ScenarioOverride(parsing: "audiences[0].size=\(recipients)")
                ]).load(file: scenarioFile)
            } catch {
                benchmark.error("cannot load \(scenarioFile): \(error)")
                return
            }
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("sesim-end-to-end-\(ProcessInfo.processInfo.processIdentifier)").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            do {
                let output = try OutputDirectory(path: folder)
                let started = ContinuousClock.now
                benchmark.startMeasurement()
                let result = try ScenarioRunner(scenario: scenario).run(output: output)
                benchmark.stopMeasurement()
                let elapsed = ContinuousClock.now - started
                let published = result.summary["events"]?.numberTotal ?? 0
                guard Int(result.summary["events"]?["send"]?.numberValue ?? 0) == recipients else {
                    benchmark.error("the campaign did not send to all \(recipients) recipients")
                    return
                }
                let seconds =
                    Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                benchmark.measurement(recipientsPerSecond, Int(Double(recipients) / seconds))
                benchmark.measurement(modelEventsPerThousand, result.eventsProcessed * 1_000 / recipients)
                benchmark.measurement(publishedEventsPerThousand, Int(published) * 1_000 / recipients)
            } catch {
                benchmark.error("run failed: \(error)")
            }
        }
    }
}

extension JSONValue {
    /// The sum of an object's numeric members (the summary's event counts).
    fileprivate var numberTotal: Double {
        guard case .object(let members) = self else { return 0 }
        return members.values.reduce(0) { $0 + ($1.numberValue ?? 0) }
    }
}
