import SESEvents
import Testing

@Suite("Event types and identifiers")
struct EventTypeTests {
    @Test func recordNamesAreSESs() {
        #expect(
            EventType.allCases.map(\.recordName) == [
                "Send", "Reject", "Bounce", "Complaint", "Delivery", "Open", "Click", "Rendering Failure",
                "DeliveryDelay", "Subscription",
            ])
        #expect(EventType.renderingFailure.detailKey == "failure")
        #expect(EventType(matchingName: "renderingFailure") == .renderingFailure)
        #expect(EventType(matchingName: "bounced") == nil)
        #expect(EventType.deliveryDelay.metricName == nil)
    }

    @Test func typeSetsAreBitMasks() {
        let set = EventTypeSet([.bounce, .complaint])
        #expect(set.contains(.bounce) && set.contains(.complaint) && !set.contains(.send))
        #expect(set.types == [.bounce, .complaint])
        #expect(EventTypeSet.all.types.count == 10)
    }

    @Test func messageIDsPrintInSESsShape() {
        let id = MessageID(prefix: 0x0102_015f_d91a_5ca3, uuid: 0x93c2_45fe_e333_46ae_8fed_9616_0d20_cfab)
        #expect(id.description == "0102015fd91a5ca3-93c245fe-e333-46ae-8fed-96160d20cfab-000000")
        #expect(id.description.count == MessageID.textLength)
    }

    /// The text is written eight hex digits at a time: every digit value in
    /// every position must print as `String(_:radix:)` does.
    @Test func messageIDTextIsTheHexOfItsBits() {
        func hex(_ value: UInt64, _ digits: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: digits - text.count) + text
        }
        var bits: UInt64 = 0x0123_4567_89ab_cdef
        for round in 0..<64 {
            let prefix = bits
            let high = bits.byteSwapped ^ UInt64(round)
            let low = ~bits &* 0x9E37_79B9_7F4A_7C15
            let id = MessageID(prefix: prefix, uuid: UInt128(high) << 64 | UInt128(low))
            let expected =
                hex(prefix, 16) + "-" + hex(high >> 32, 8) + "-" + hex(high >> 16 & 0xFFFF, 4) + "-"
                + hex(high & 0xFFFF, 4) + "-" + hex(low >> 48, 4) + "-" + hex(low & 0xFFFF_FFFF_FFFF, 12)
                + "-000000"
            #expect(id.description == expected)
            var bytes: [UInt8] = []
            id.append(to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == expected)
            bits = bits &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        }
    }
}
