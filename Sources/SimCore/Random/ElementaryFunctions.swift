#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(ucrt)
    import ucrt
#endif

/// The C library's elementary functions, named for what they compute, so
/// that model code needs no Foundation. Results are the platform's libm's:
/// identical on every run of the same build.
public enum ElementaryFunctions {
    /// ln x.
    public static func naturalLogarithm(_ x: Double) -> Double { log(x) }

    /// eˣ.
    public static func exponential(_ x: Double) -> Double { exp(x) }

    /// cos x.
    public static func cosine(_ x: Double) -> Double { cos(x) }

    /// xʸ.
    public static func power(_ x: Double, _ y: Double) -> Double { pow(x, y) }
}
