/// How `sesim serve`'s virtual clock moves.
public enum ClockMode: Sendable, Equatable, CustomStringConvertible {
    /// Only when told, through the admin API: a test's calls and clock
    /// moves fully decide what happens (the default).
    case manual
    /// With the wall clock, from the scenario's start.
    case real
    /// `factor` virtual seconds for each real second (`x60`).
    case scaled(Double)

    /// Reads `manual`, `real` or `xN` (N a positive number, e.g. `x60`, `x0.5`).
    public init?(argument: String) {
        switch argument {
        case "manual": self = .manual
        case "real": self = .real
        default:
            guard argument.hasPrefix("x"), let factor = Double(argument.dropFirst()), factor > 0,
                factor.isFinite, factor <= 1_000_000
            else { return nil }
            self = factor == 1 ? .real : .scaled(factor)
        }
    }

    /// Virtual seconds per real second; nil in manual mode.
    public var rate: Double? {
        switch self {
        case .manual: nil
        case .real: 1
        case .scaled(let factor): factor
        }
    }

    /// `manual`, `real` or `xN`, as the command line spells it.
    public var description: String {
        switch self {
        case .manual: "manual"
        case .real: "real"
        case .scaled(let factor):
            factor == factor.rounded() && abs(factor) < 1e15 ? "x\(Int64(factor))" : "x\(factor)"
        }
    }
}
