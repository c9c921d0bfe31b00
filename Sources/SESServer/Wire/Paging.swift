import Hummingbird

/// Paging of v2 list operations: `PageSize` and `NextToken` in the query
/// string. The token is opaque to clients; sesim's is the position of the
/// next item in the full list, which the model keeps in a stable order.
struct Paging: Sendable {
    var offset: Int
    var pageSize: Int

    /// Reads `NextToken` and `PageSize` (1 to `maximum`, `defaultSize` when absent).
    init(request: Request, defaultSize: Int, maximum: Int, invalidToken: V2ErrorCode = .badRequest)
        throws(V2Error)
    {
        let query = request.uri.queryParameters
        offset = 0
        pageSize = defaultSize
        if let token = query.get("NextToken") {
            guard let value = Int(token), value >= 0 else {
                throw V2Error(invalidToken, "The NextToken <\(token)> is not valid.")
            }
            offset = value
        }
        if let text = query.get("PageSize") {
            guard let size = Int(text), (1...maximum).contains(size) else {
                throw V2Error.badRequest("PageSize must be a whole number from 1 to \(maximum); got \(text).")
            }
            pageSize = size
        }
    }

    /// This page of `items`, and the token of the next page when there is one.
    func page<Item>(_ items: [Item]) -> (items: ArraySlice<Item>, nextToken: String?) {
        let start = min(offset, items.count)
        let end = min(items.count, start + pageSize)
        return (items[start..<end], end < items.count ? String(end) : nil)
    }
}
