/// The version of sesim, printed by `sesim --version` and recorded in every
/// run's summary: outputs are reproducible for the same scenario, seed and version.
public enum SesimVersion {
    public static let current = "0.1.0"
}
