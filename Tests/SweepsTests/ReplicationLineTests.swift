import Foundation
import SimJSON
import Testing

@testable import Sweeps

@Suite("Replication lines")
struct ReplicationLineTests {
    @Test func replicationLinesRoundTrip() throws {
        let line =
            #"{"eventDigest":"ab","expectations":[{"passed":true,"value":0.25},{"passed":false,"value":"Infinity"},{"passed":false}],"figures":{"events.send":40,"x[\"a.b\"]":0.5},"omittedFigures":2,"parameters":{"account.maxSendRate":"14"},"passed":false,"point":1,"replication":7,"scenarioHash":"00ff","seed":3}"#
        let result = try ReplicationResult(line: line)
        #expect(result.line == line)
        #expect(result.expectations[1].value == .infinity)
        #expect(result.expectations[2].value == nil)
        #expect(throws: SweepError.self) {
            try ReplicationResult(
                line: line.replacingOccurrences(of: "\"seed\":3", with: "\"seed\":3,\"extra\":1"))
        }
        #expect(throws: SweepError.self) {
            try ReplicationResult(
                line: line.replacingOccurrences(
                    of: "\"passed\":false,\"point\"", with: "\"passed\":true,\"point\""))
        }
    }
}
