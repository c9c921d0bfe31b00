#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(ucrt)
    import ucrt
#endif

/// The C library's elementary functions, named for what they compute.
@usableFromInline
enum ElementaryFunctions {
    @usableFromInline
    static func naturalLogarithm(_ x: Double) -> Double { log(x) }

    @usableFromInline
    static func exponential(_ x: Double) -> Double { exp(x) }

    @usableFromInline
    static func cosine(_ x: Double) -> Double { cos(x) }
}
