import Hummingbird
import Logging
import NIOCore
import SESSimulation
import ServiceLifecycle
import Synchronization
import UnixSignals

/// One run of `sesim serve`: the HTTP listener in front of an
/// ``EngineHost``, the wall-clock driver in real and scaled modes, and the
/// services configured beside them, until SIGINT or SIGTERM; then the
/// listener stops accepting, requests in flight finish, and the run ends
/// with its outputs written.
public struct ServeSession: Sendable {
    public let host: EngineHost
    public let configuration: ServeConfiguration

    public init(host: EngineHost, configuration: ServeConfiguration) {
        self.host = host
        self.configuration = configuration
    }

    /// Serves until a shutdown signal (or until `shutdown` is triggered);
    /// calls `onListening` with the bound host and port once the listener
    /// is up, before the configured services start.
    ///
    /// - Returns: the finished run (its outputs written).
    public func run(
        signals: [UnixSignal] = [.sigterm, .sigint],
        onListening: @escaping @Sendable (String, Int) async -> Void
    ) async throws -> RunResult {
        var logger = Logger(label: "sesim-serve")
        logger.logLevel = configuration.logLevel
        let ready = ReadySignal()
        let router = ServerApplication.router(
            host: host, routes: ServerApplication.standardRoutes(host: host) + configuration.routes)
        let boundHost = configuration.host
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "sesim"),
            onServerRunning: { channel in
                await onListening(boundHost, channel.localAddress?.port ?? 0)
                ready.fire()
            },
            logger: logger)
        var services: [any Service] = [app]
        if host.mode.rate != nil { services.append(ClockDriver(host: host)) }
        for service in configuration.services {
            services.append(AfterListening(service: service, ready: ready))
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services, gracefulShutdownSignals: signals, logger: logger))
        try await group.run()
        return try await host.finish()
    }
}

/// Moves the clock with the wall clock in real and scaled modes: runs what
/// became due, then sleeps until the next event is due (at most 50 ms, so
/// that a jump of the clock is followed promptly).
struct ClockDriver: Service {
    let host: EngineHost

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let delay = await host.tick() ?? 50_000_000
                try await Task.sleep(nanoseconds: max(1_000_000, min(delay, 50_000_000)))
            }
        }
    }
}

/// A service that starts once the HTTP listener is up, so that what it
/// prints follows the listening line.
struct AfterListening: Service {
    let service: any Service
    let ready: ReadySignal

    func run() async throws {
        await ready.wait()
        try await service.run()
    }
}

/// A one-time signal between tasks.
final class ReadySignal: Sendable {
    private struct State {
        var fired = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Lets every waiter go on (later waiters too).
    func fire() {
        let waiters = state.withLock { state in
            state.fired = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Waits until ``fire()``.
    func wait() async {
        await withCheckedContinuation { continuation in
            let fired = state.withLock { state in
                if !state.fired { state.waiters.append(continuation) }
                return state.fired
            }
            if fired { continuation.resume() }
        }
    }
}
