import MIME
import SESEvents
import SimCore
import Testing

@testable import SESModel

/// Mutated raw messages through SES's checks, the pipeline and the
/// delivered-message builder: every outcome is a message or an `SESError`
/// of the codes raw sends answer with, never a crash.
@Suite("Raw message fuzzing")
struct RawFuzzTests {
    static let iterations = 20_000

    @Test func mutatedMessagesGetAMessageIDOrAnSESError() throws {
        let seeds = try [
            "alternative-in-mixed", "nested-related", "forwarded-message", "recipients-in-headers",
            "ses-headers",
            "non-ascii-headers", "latin1-quoted-printable", "malformed-truncated-base64",
        ].map { try RawFixtures.bytes($0) }
        var simulation = Pipeline.simulation(
            configurationSets: [RawPipelineTests.tracked], parameters: RawPipelineTests.engaged())
        var state: UInt64 = 0x00C0_FFEE_0020_0020
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
        let interesting = Array("-\r\n:=?\"<>(),;@ ".utf8)
        var accepted = 0
        var codes: [SESErrorCode: Int] = [:]
        for iteration in 0..<Self.iterations {
            var bytes = seeds[next(seeds.count)]
            for _ in 0..<(1 + next(3)) {
                guard !bytes.isEmpty else { break }
                switch next(4) {
                case 0: bytes[next(bytes.count)] = interesting[next(interesting.count)]
                case 1: bytes[next(bytes.count)] = UInt8(truncatingIfNeeded: next(256))
                case 2: bytes.removeSubrange(next(bytes.count)...)
                default:
                    let at = next(bytes.count)
                    bytes.insert(
                        contentsOf: bytes[at..<min(bytes.count, at + next(200))], at: next(bytes.count))
                }
            }
            let time = SimTime.start + .milliseconds(Int64(iteration) * 10)
            simulation.run(until: time)
            let result = Result { () throws(SESError) in
                try simulation.model.service.sendRawEmail(
                    RawFixtures.request(bytes, configurationSet: iteration % 2 == 0 ? "raw-set" : nil),
                    origin: MessageOrigin(token: 0), at: time)
            }
            simulation.model.drain(&simulation.queue)
            switch result {
            case .success(let message):
                accepted += 1
                if iteration % 10 == 0 {
                    let delivered = simulation.model.service.deliveredMessage(message)
                    #expect(delivered.map { (try? MIMEMessage(parsing: $0)) != nil } == true)
                }
            case .failure(let error):
                codes[error.code, default: 0] += 1
            }
        }
        simulation.run(until: .start + .days(2))
        #expect(simulation.model.violations.isEmpty)
        #expect(simulation.model.service.messagesInFlight == 0)
        #expect(accepted > Self.iterations / 4)
        #expect(
            Set(codes.keys).isSubset(of: [
                .invalidParameterValue, .messageRejected, .configurationSetDoesNotExist,
            ]))
        #expect(codes[.invalidParameterValue, default: 0] > 100)
    }
}
