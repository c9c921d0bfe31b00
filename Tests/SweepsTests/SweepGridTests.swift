import Runner
import ScenarioFormat
import ScenarioTesting
import SimJSON
import Testing

@testable import Sweeps

@Suite("Sweep grids")
struct SweepGridTests {
    @Test func theFirstSetVariesSlowest() throws {
        let grid = try SweepGrid(settings: [
            "account.maxSendRate=14,50,200", "traffic[0].retry.maxAttempts=1,5",
        ])
        #expect(grid.pointCount == 6)
        #expect(
            grid.points.map(\.label) == [
                "account.maxSendRate=14 traffic[0].retry.maxAttempts=1",
                "account.maxSendRate=14 traffic[0].retry.maxAttempts=5",
                "account.maxSendRate=50 traffic[0].retry.maxAttempts=1",
                "account.maxSendRate=50 traffic[0].retry.maxAttempts=5",
                "account.maxSendRate=200 traffic[0].retry.maxAttempts=1",
                "account.maxSendRate=200 traffic[0].retry.maxAttempts=5",
            ])
        #expect(grid.points.map(\.index) == Array(0..<6))
        #expect(grid.point(at: 3).overrides.map(\.value) == ["50", "5"])
    }

    @Test func noSetIsOnePoint() throws {
        let grid = try SweepGrid(settings: [])
        #expect(grid.pointCount == 1)
        #expect(grid.point(at: 0).parameters.isEmpty)
        #expect(grid.point(at: 0).label == "scenario as written")
    }

    @Test func valuesSplitAtTopLevelCommasOnly() throws {
        let grid = try SweepGrid(settings: ["a.b=[1, 2],[3]", "c='x,y', \"z\"", "d={k: 1, j: 2}"])
        #expect(grid.axes[0].values == ["[1, 2]", "[3]"])
        #expect(grid.axes[1].values == ["'x,y'", "\"z\""])
        #expect(grid.axes[2].values == ["{k: 1, j: 2}"])
    }

    @Test(arguments: [
        (["account.maxSendRate"], "expected PATH=VALUE"),
        (["account.maxSendRate=1,,2"], "an empty value"),
        (["account.maxSendRate=1,2,1"], "the value '1' is listed twice"),
        (["account.maxSendRate=1", "account.maxSendRate=2"], "is given twice"),
        (["account..x=1"], "must be followed by a key"),
    ])
    func badSettingsAreRejected(settings: [String], message: String) {
        #expect {
            try SweepGrid(settings: settings)
        } throws: { error in
            (error as? SweepError)?.message.contains(message) == true
        }
    }

    @Test func seedRanges() throws {
        let range = try SeedRange(parsing: "5-9")
        #expect(range.count == 5)
        #expect(range.seed(at: 4) == 9)
        #expect(try SeedRange(parsing: "3").count == 1)
        #expect(throws: SweepError.self) { try SeedRange(parsing: "9-5") }
        #expect(throws: SweepError.self) { try SeedRange(parsing: "a-b") }
        #expect(throws: SweepError.self) { try SeedRange(parsing: "1-") }
        #expect(throws: SweepError.self) { try SeedRange(parsing: "0-99999999999") }
    }
}
