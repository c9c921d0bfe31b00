import Testing

@testable import MIME

/// Mutated messages, from a fixed seed: reading them must never crash, must
/// stay within the scanner's linear bound, and every part must lie inside
/// the message. Each message is small, so the whole run is bounded by
/// construction (count × size), not by a clock.
@Suite("MIME fuzzing")
struct MIMEFuzzTests {
    static let iterations = 100_000
    static let seed: UInt64 = 0x5E51_3FA2_0000_0020

    @Test func mutatedMessagesNeverCrashAndStayLinear() throws {
        let seeds = try Self.seedMessages()
        var random = SplitMix64(seed: Self.seed)
        var outcomes = FuzzOutcomes()
        for _ in 0..<Self.iterations {
            var bytes = seeds[Int(random.next(below: UInt64(seeds.count)))]
            let mutations = 1 + Int(random.next(below: 4))
            for _ in 0..<mutations {
                Mutator.apply(&bytes, seeds: seeds, random: &random)
            }
            outcomes.record(Self.exercise(bytes))
        }
        #expect(outcomes.total == Self.iterations)
        #expect(outcomes.violations.isEmpty, "\(outcomes.violations.prefix(3))")
        // The mutations reach both sides: messages read and messages refused.
        #expect(outcomes.parsed > Self.iterations / 2)
        #expect(outcomes.refused > 100)
        #expect(outcomes.base64Failures > 100)
    }

    /// Reads `bytes` and everything a sender of raw mail uses from it.
    static func exercise(_ bytes: [UInt8]) -> FuzzOutcome {
        let message: MIMEMessage
        do {
            message = try MIMEMessage(parsing: bytes)
        } catch {
            return .refused
        }
        if message.scanSteps > 8 * bytes.count + 64 {
            return .violation("scan steps \(message.scanSteps) for \(bytes.count) bytes")
        }
        for (index, part) in message.parts.enumerated() {
            guard part.start <= part.bodyStart, part.bodyStart <= part.end, part.end <= bytes.count,
                part.fields.upperBound <= message.headerFields.count,
                part.parent.map({ $0 < index }) ?? (index == 0)
            else { return .violation("part \(index) out of bounds: \(part)") }
            _ = part.filename
        }
        for field in message.headerFields {
            guard field.range.upperBound <= bytes.count, field.valueRange.upperBound <= field.range.upperBound
            else {
                return .violation("field out of bounds")
            }
            _ = message.decodedValue(of: field)
            for name in ["From", "To", "Cc", "Bcc", "Sender", "Reply-To", "Return-Path"]
            where field.hasName(name) {
                _ = try? AddressList.parse(message.valueBytes(of: field))
            }
        }
        var scratch: [UInt8] = []
        var base64Failed = false
        for index in message.parts.indices where message.parts[index].isLeaf {
            scratch.removeAll(keepingCapacity: true)
            do {
                try message.decodedBody(of: index, into: &scratch)
            } catch {
                base64Failed = true
            }
        }
        return base64Failed ? .base64Failure : .parsed
    }

    /// The fixtures and a few synthetic messages.
    static func seedMessages() throws -> [[UInt8]] {
        var seeds = try FixtureFiles.names().map { try FixtureFiles.bytes($0) }
        seeds.append(Array(MultipartTests.nested.utf8))
        seeds.append(
            Array("From: a@example.com\r\nTo: b@example.com\r\nSubject: =?utf-8?q?hi?=\r\n\r\nbody\r\n".utf8))
        return seeds
    }
}

enum FuzzOutcome {
    case parsed, refused, base64Failure
    case violation(String)
}

struct FuzzOutcomes {
    var total = 0
    var parsed = 0
    var refused = 0
    var base64Failures = 0
    var violations: [String] = []

    mutating func record(_ outcome: FuzzOutcome) {
        total += 1
        switch outcome {
        case .parsed: parsed += 1
        case .refused: refused += 1
        case .base64Failure:
            parsed += 1
            base64Failures += 1
        case .violation(let text): violations.append(text)
        }
    }
}

/// The fuzzer's own generator (SplitMix64): fixed output for a fixed seed.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (bound > 0).
    mutating func next(below bound: UInt64) -> UInt64 { next() % bound }

    mutating func chance(_ numerator: UInt64, in denominator: UInt64) -> Bool {
        next(below: denominator) < numerator
    }
}
