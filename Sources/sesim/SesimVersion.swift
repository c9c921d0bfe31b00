/// The version of sesim, printed by `sesim --version` and recorded in every
/// run's summary: outputs are reproducible for the same scenario, seed and version.
enum SesimVersion {
    static let current = "0.1.0"
}
