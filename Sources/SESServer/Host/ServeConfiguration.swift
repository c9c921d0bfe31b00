import Logging
import ServiceLifecycle

/// How `sesim serve` listens, and what runs beside the SES API.
public struct ServeConfiguration: Sendable {
    /// The address the HTTP listener binds (loopback by default).
    public var host: String
    /// The HTTP port; 0 picks a free one.
    public var port: Int
    /// Route groups added after the admin API and API v2 (API v1 at
    /// `POST /`, `/_sesim/metrics`).
    public var routes: [any ServerRoutes]
    /// Services started once the HTTP listener is up and stopped with it
    /// (the SMTP listener), in order.
    public var services: [any Service]
    /// The server's own log lines (on standard error).
    public var logLevel: Logger.Level

    public init(
        host: String = "127.0.0.1", port: Int = 4579, routes: [any ServerRoutes] = [],
        services: [any Service] = [],
        logLevel: Logger.Level = .info
    ) {
        self.host = host
        self.port = port
        self.routes = routes
        self.services = services
        self.logLevel = logLevel
    }
}
