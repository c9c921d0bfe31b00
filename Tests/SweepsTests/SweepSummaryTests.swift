import ScenarioFormat
import Testing

@testable import Sweeps

@Suite("The sweep summary")
struct SweepSummaryTests {
    /// Three expectations: a campaign's p(95) completion time, the bounce
    /// rate's upper 95% bound, and a text status in every run.
    static let expectations: [SweepManifest.Expectation] = [
        .init(
            description: "promo completes within 20m", over: .percentile(95), comparison: .atMost(1_200),
            subject: .campaign("promo")),
        .init(
            description: "reputation.account.bounceRate below 0.05", over: .upperConfidenceBound,
            comparison: .below(0.05), subject: .metric("reputation.account.bounceRate")),
        .init(
            description: "reputation.account.status equals HEALTHY", over: .each,
            comparison: .equals(.text("HEALTHY")), subject: .metric("reputation.account.status")),
    ]

    /// Four replications; the fourth campaign never completes (no
    /// completion figure, an infinite value) and the third run's status is
    /// not HEALTHY.
    static func results() throws -> [ReplicationResult] {
        let completion = ["600", "660", "720", nil]
        let bounceRate = ["0.01", "0.02", "0.03", "0.04"]
        return try (0..<4).map { index in
            var figures = [
                "\"delivery.outcomes.delivered\":\(100 + 10 * index)",
                "\"reputation.account.bounceRate\":\(bounceRate[index])",
                "\"reputation.account.complaintRate\":0", "\"api.throttling.maximumSendingRateExceeded\":5",
                "\"cost.total\":0.3", "\"events.open\":\(index + 1)",
            ]
            if let seconds = completion[index] {
                figures.append("\"clients.promo.campaigns[0].completionSeconds\":\(seconds)")
            }
            let campaign =
                completion[index].map { "{\"passed\":true,\"value\":\($0)}" }
                ?? "{\"passed\":false,\"value\":\"Infinity\"}"
            let healthy = index != 2
            let line = """
                {"replication":\(index),"point":0,"parameters":{},"seed":\(index + 1),"scenarioHash":"h",\
                "passed":\(completion[index] != nil && healthy),"expectations":[\(campaign),\
                {"passed":true,"value":\(bounceRate[index])},{"passed":\(healthy)}],\
                "figures":{\(figures.joined(separator: ","))}}
                """
            return try ReplicationResult(line: line)
        }
    }

    static func aggregate(shard: Shard? = nil) throws -> SweepAggregate {
        let manifest = SweepManifest(
            scenario: "promo", scenarioHash: "h", version: "9.9.9", seeds: try SeedRange(first: 1, last: 4),
            grid: try SweepGrid(settings: []), expectations: [expectations], shard: shard)
        let all = try results()
        return SweepAggregate(
            manifest: manifest,
            results: shard.map { shard in all.filter { shard.contains(replication: $0.replication) } }
                ?? all)
    }

    // mean 660 s, sd 60 s, t(0.975, 2) = 4.302653: 660 ± 149.05 s.
    // Bounce rate: mean 0.025, sd 0.0129099, t(0.975, 3) = 3.182446: 0.025 ± 0.020543.
    // Delivered: mean 115, sd 12.9099: 115 ± 20.543.
    @Test func printsTheExpectationsAndTheHeadlineFiguresWithTheirIntervals() throws {
        #expect(
            SweepSummary.render(try Self.aggregate()) == """
                sesim 9.9.9 — promo: 4 replications (1 point × seeds 1-4)

                point 0: scenario as written — 4 replications, 2 passed every expectation

                        expectation                               over                 runs passing  mean  95% CI of the mean
                  FAIL  promo completes within 20m                p(95) = ∞                  3 of 4   11m  8m31s – 13m29s (1 did not complete)
                  PASS  reputation.account.bounceRate below 0.05  ci95.upper = 4.554%        4 of 4  2.5%  0.4457% – 4.554%
                  FAIL  reputation.account.status equals HEALTHY  each                       3 of 4  —     —

                figures                                         mean  95% CI of the mean
                  clients.promo.campaigns[0].completionSeconds   11m  8m31s – 13m29s (in 3 of 4 runs)
                  delivery.outcomes.delivered                    115  94.46 – 135.5
                  reputation.account.bounceRate                 2.5%  0.4457% – 4.554%
                  reputation.account.complaintRate                0%  0% – 0%
                  api.throttling.maximumSendingRateExceeded        5  5 – 5
                  cost.total                                     0.3  0.3 – 0.3

                2 of 3 expectations failed over the replications
                7 figures in all: --all prints them; aggregate.json has them

                """)
    }

    @Test func aShardsSummaryLeavesTheVerdictsToTheMerge() throws {
        let text = SweepSummary.render(try Self.aggregate(shard: try Shard(index: 0, count: 2)))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "sesim 9.9.9 — promo: 2 replications (1 point × seeds 1-4, shard 0/2)")
        #expect(
            lines.contains {
                $0.hasPrefix("  —  promo completes within 20m                p(95)             2 of 2")
            })
        #expect(!text.contains("PASS") && !text.contains("FAIL"))
        #expect(
            lines.suffix(3).first == "a shard: sesim merge judges the expectations over every replication")
    }

    @Test func theFullTableListsEveryFigure() throws {
        let aggregate = try Self.aggregate()
        let summary = SweepSummary.render(aggregate)
        let full = SweepTable.render(aggregate)
        #expect(!summary.contains("events.open"))
        let lines = full.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("events.open ") })
        #expect(lines.contains { $0.hasPrefix("figure ") && $0.contains(" p95 ") })
    }

    @Test func headlineCampaignsAreInCampaignOrderAndCappedPerClient() {
        let paths = [
            "clients.daily.campaigns[10].completionSeconds", "clients.daily.campaigns[2].completionSeconds",
            "clients.daily.campaigns[0].completionSeconds", "clients.daily.campaigns[1].completionSeconds",
            "clients.daily.campaigns[0].sendingSeconds", "clients[\"a.b\"].campaigns[0].completionSeconds",
            "cost.total", "events.open", "delivery.outcomes.delivered",
        ].sorted()
        #expect(
            SweepSummary.headline(paths: paths) == [
                .figure("clients[\"a.b\"].campaigns[0].completionSeconds"),
                .figure("clients.daily.campaigns[0].completionSeconds"),
                .figure("clients.daily.campaigns[1].completionSeconds"),
                .figure("clients.daily.campaigns[2].completionSeconds"), .more(client: "daily", count: 1),
                .figure("delivery.outcomes.delivered"), .figure("cost.total"),
            ])
    }

    @Test func figuresAreWrittenForPeople() {
        #expect(FigureFormat(path: "clients.promo.campaigns[0].completionSeconds").text(1_110.45) == "18m30s")
        #expect(FigureFormat(path: "clients.promo.campaigns[0].completionSeconds").text(-12.5) == "-12s500ms")
        #expect(FigureFormat(path: "reputation.account.complaintRate").text(0.000484) == "0.0484%")
        #expect(FigureFormat(path: "delivery.outcomes.delivered").text(2_968.37) == "2968")
        #expect(FigureFormat(.campaign("promo")).text(.infinity) == "∞")
        #expect(FigureFormat(nil) == .number)
    }
}
