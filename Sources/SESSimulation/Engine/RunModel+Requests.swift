import SESModel
import SimCore

extension RunModel {
    /// The settlement token of messages sent by callers outside the
    /// scenario's clients (actions, tests, `sesim serve`): no client counts them.
    static let outsideToken = UInt64.max

    /// One API call from outside the scenario's clients, at the queue's
    /// current instant, counted in the API statistics as a client's call is.
    mutating func call(_ request: SESRequest, queue: inout EventQueue<RunEvent>) -> Result<
        SESResponse, SESError
    > {
        let result: Result<SESResponse, SESError>
        do throws(SESError) {
            result = .success(
                try service.perform(request, origin: MessageOrigin(token: Self.outsideToken), at: queue.now))
            if request.changesEventDestinations { followConfigurationSets() }
        } catch {
            result = .failure(error)
        }
        drainService(queue: &queue)
        switch result {
        case .success(.bulk(let bulk)):
            api.record(request.operationName, callResult: "Success", error: nil)
            for entry in bulk.entries { api.recordEntry(entry.status) }
        case .success:
            api.record(request.operationName, callResult: "Success", error: nil)
        case .failure(let error):
            api.record(request.operationName, callResult: error.code.rawValue, error: error)
        }
        return result
    }
}
