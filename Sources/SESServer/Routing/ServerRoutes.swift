import Hummingbird

/// The request context every route of the server uses.
public typealias ServerContext = BasicRequestContext

/// One group of routes of the server: SES API v2, the admin API, and what
/// later parts add (API v1 at `POST /`, `/_sesim/metrics`). Each group
/// registers its routes, and any middleware of its own, on the router
/// ``ServerApplication`` builds; groups are registered in order.
public protocol ServerRoutes: Sendable {
    /// Adds the group's routes to `router`.
    func register(on router: Router<ServerContext>)
}
