import SimCore

/// Virtual time that follows the wall clock at a rate: the virtual instant
/// is `anchor + (wall - wallAnchor) × rate`, never past `end`. Moving it
/// forward by hand (the admin API in real and scaled modes) moves the anchor.
struct ScaledClock: Sendable {
    let rate: Double
    let end: SimTime
    private(set) var anchor: SimTime
    private(set) var wallAnchor: UInt64

    init(rate: Double, start: SimTime, wallNow: UInt64, end: SimTime) {
        self.rate = rate
        self.anchor = start
        self.wallAnchor = wallNow
        self.end = end
    }

    /// The virtual instant at wall reading `wall`.
    func virtualTime(atWall wall: UInt64) -> SimTime {
        let elapsed = Double(wall &- wallAnchor) / 1_000 * rate
        let micros = anchor.microsecondsSinceStart + Int64(min(elapsed, 9e17))
        return min(SimTime(microsecondsSinceStart: micros), end)
    }

    /// The wall delay, in nanoseconds, until virtual time reaches `time`
    /// from wall reading `wall`.
    func wallDelay(until time: SimTime, fromWall wall: UInt64) -> UInt64 {
        let now = virtualTime(atWall: wall)
        guard time > now else { return 0 }
        let virtualMicros = Double(time.microsecondsSinceStart - now.microsecondsSinceStart)
        return UInt64(min(virtualMicros / rate * 1_000, 9e17))
    }

    /// Restarts from `time` at wall reading `wall`.
    mutating func reanchor(at time: SimTime, wall: UInt64) {
        anchor = min(time, end)
        wallAnchor = wall
    }
}
