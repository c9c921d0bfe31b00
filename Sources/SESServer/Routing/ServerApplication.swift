import Hummingbird
import Logging

/// The HTTP side of `sesim serve`: one router with the admin API, SES API
/// v2 and any further route groups, in front of one ``EngineHost``.
public enum ServerApplication {
    /// The route groups every server has: the admin API, API v2 and API v1.
    public static func standardRoutes(host: EngineHost) -> [any ServerRoutes] {
        [AdminRoutes(host: host), V2Routes(host: host), V1Routes(host: host)]
    }

    /// A router with `routes` (by default ``standardRoutes(host:)``), behind
    /// the middleware that answers unknown paths in SES's error shape.
    public static func router(host: EngineHost, routes: [any ServerRoutes]? = nil) -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        router.add(middleware: WireErrorMiddleware())
        for group in routes ?? standardRoutes(host: host) {
            group.register(on: router)
        }
        return router
    }
}
