import Foundation

/// The wall clock, as `sesim serve` reads it in real and scaled modes: the
/// one place in sesim where real time enters (model code reads only the
/// virtual clock). A protocol so that tests can drive it by hand.
public protocol WallClock: Sendable {
    /// A monotonic reading, in nanoseconds from an arbitrary origin.
    func nanoseconds() -> UInt64
}

/// The system's monotonic clock.
public struct SystemWallClock: WallClock {
    public init() {}

    public func nanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
}
