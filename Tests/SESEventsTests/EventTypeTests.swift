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
}
