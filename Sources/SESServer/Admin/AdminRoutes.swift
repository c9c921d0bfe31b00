import Hummingbird
import SimCore
import SimJSON

/// The admin API under `/_sesim/` (JSON): health, the clock, the summary,
/// reset, the events as SES publishes them to Firehose, and the messages
/// with their delivered content.
public struct AdminRoutes: ServerRoutes {
    let host: EngineHost

    public init(host: EngineHost) {
        self.host = host
    }

    /// The most messages one `GET /_sesim/messages` returns.
    static let maximumMessagesPerPage = 1_000

    public func register(on router: Router<ServerContext>) {
        let group = router.group("/_sesim")
        group.get("health") { _, _ in jsonResponse(.object(["status": .string("ok")])) }
        group.get("clock") { _, _ in
            jsonResponse(
                .object(["now": .string(await host.readClock()), "mode": .string(host.mode.description)]))
        }
        group.post("clock/advance") { request, _ in
            let input = try await Self.readObject(request)
            guard let seconds = input["seconds"]?.numberValue else {
                throw AdminError(.badRequest, "Expected a JSON object with \"seconds\": a number of seconds.")
            }
            do {
                _ = try await host.advance(seconds: seconds)
            } catch let error as ClockError {
                throw AdminError(clock: error)
            }
            return jsonResponse(.object(["now": .string(await host.nowText)]))
        }
        group.post("clock/set") { request, _ in
            let input = try await Self.readObject(request)
            guard case .string(let text)? = input["to"] else {
                throw AdminError(.badRequest, "Expected a JSON object with \"to\": an ISO 8601 timestamp.")
            }
            let time: SimTime
            do {
                time = try host.scenario.calendar.instant(parsing: text)
            } catch {
                throw AdminError(.badRequest, "\"to\" is not a timestamp: \(error)")
            }
            do {
                _ = try await host.set(to: time)
            } catch let error as ClockError {
                throw AdminError(clock: error)
            }
            return jsonResponse(.object(["now": .string(await host.nowText)]))
        }
        group.get("summary") { _, _ in jsonResponse(await host.summary()) }
        group.post("reset") { _, _ in
            do {
                try await host.reset()
            } catch let error as ClockError {
                throw AdminError(clock: error)
            }
            return jsonResponse(.object(["now": .string(await host.nowText)]))
        }
        group.get("events") { request, _ in
            let query = request.uri.queryParameters
            let records = await host.eventRecords(
                type: query.get("type").flatMap { $0.isEmpty ? nil : $0 },
                messageId: query.get("messageId").flatMap { $0.isEmpty ? nil : $0 })
            return jsonResponse(text: "{\"events\":[" + records.joined(separator: ",") + "]}")
        }
        group.get("messages") { request, _ in
            let query = request.uri.queryParameters
            var limit = 100
            if let text = query.get("limit") {
                guard let value = Int(text), (1...Self.maximumMessagesPerPage).contains(value) else {
                    throw AdminError(
                        .badRequest, "limit must be a whole number from 1 to \(Self.maximumMessagesPerPage).")
                }
                limit = value
            }
            let after = query.get("after").flatMap { $0.isEmpty ? nil : $0 }
            return jsonResponse(
                .object(["messages": .array(await host.messages(limit: limit, after: after))]))
        }
        group.get("messages/:MessageId") { _, context in
            let id = context.parameters.get("MessageId") ?? ""
            guard let message = await host.message(id) else {
                throw AdminError(.notFound, "No message \(id).")
            }
            return jsonResponse(message)
        }
    }

    static func readObject(_ request: Request) async throws -> [String: JSONValue] {
        var request = request
        let buffer = try await request.collectBody(upTo: 1 << 20)
        guard case .object(let members) = try? JSONParser.parse(bytes: Array(buffer.readableBytesView)) else {
            throw AdminError(.badRequest, "The body must be a JSON object.")
        }
        return members
    }
}

/// An admin API error: the status and `{"message": "…"}`.
struct AdminError: HTTPResponseError {
    let status: HTTPResponse.Status
    let message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    /// 400 for a move backwards, 409 past the scenario's end or after it.
    init(clock error: ClockError) {
        switch error.kind {
        case .backwards: self.init(.badRequest, error.message)
        case .pastEnd, .finished: self.init(.conflict, error.message)
        }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        jsonResponse(.object(["message": .string(message)]), status: status)
    }
}
