import Foundation
import Runner
import SESSimulation
import ScenarioFormat

/// Student's t distribution, computed here rather than taken from a library:
/// its distribution function through the regularized incomplete beta
/// function, and its quantiles by safeguarded Newton iteration on it.
///
/// Accurate to about 1e-12 relative up to 10^4 degrees of freedom and 1e-9
/// beyond (the log-gamma differences lose digits as the arguments grow);
/// above 10^12 degrees of freedom the normal quantile is returned.
public enum StudentT {
    /// The value `q` with P(T ≤ q) = `probability`, for T with
    /// `degreesOfFreedom` (any positive real number, as Welch's
    /// approximation gives). `probability` must lie strictly between 0 and 1.
    public static func quantile(_ probability: Double, degreesOfFreedom: Double) -> Double {
        precondition(probability > 0 && probability < 1, "a probability strictly between 0 and 1")
        precondition(degreesOfFreedom > 0, "positive degrees of freedom")
        if probability == 0.5 { return 0 }
        if probability < 0.5 { return -quantile(1 - probability, degreesOfFreedom: degreesOfFreedom) }
        let tail = 1 - probability
        let nu = degreesOfFreedom
        if nu == 1 { return tan(Double.pi * (probability - 0.5)) }
        if nu == 2 { return (2 * probability - 1) / (2 * probability * (1 - probability)).squareRoot() }
        let z = NormalDistribution.quantile(probability)
        if nu > 1e12 { return z }

        // A Cornish-Fisher start, then Newton on the upper tail, kept inside a
        // bracket that bisection narrows whenever a step would leave it.
        var low = 0.0
        var high = max(1.0, z)
        while upperTail(high, degreesOfFreedom: nu) > tail {
            low = high
            high *= 2
            if high > 1e300 { return .infinity }
        }
        let z3 = z * z * z
        var t = z + (z3 + z) / (4 * nu) + (5 * z3 * z * z + 16 * z3 + 3 * z) / (96 * nu * nu)
        if !(t > low && t < high) { t = (low + high) / 2 }
        for _ in 0..<200 {
            let excess = upperTail(t, degreesOfFreedom: nu) - tail
            if excess > 0 { low = t } else { high = t }
            let step = excess / density(t, degreesOfFreedom: nu)
            var next = t + step
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - t) <= 1e-15 * abs(t) || high - low <= 1e-15 * abs(t) {
                return next
            }
            t = next
        }
        return t
    }

    /// P(T ≤ `t`).
    public static func distribution(_ t: Double, degreesOfFreedom: Double) -> Double {
        t >= 0
            ? 1 - upperTail(t, degreesOfFreedom: degreesOfFreedom)
            : upperTail(-t, degreesOfFreedom: degreesOfFreedom)
    }

    /// P(T > `t`) for `t` ≥ 0: half the regularized incomplete beta function
    /// I_x(ν/2, 1/2) at x = ν/(ν + t²).
    static func upperTail(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let square = t * t
        let x = nu / (nu + square)
        let complement = square / (nu + square)
        return 0.5 * IncompleteBeta.regularized(a: nu / 2, b: 0.5, x: x, complement: complement)
    }

    /// The density at `t`.
    static func density(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let logNormalizer =
            Gamma.logarithm((nu + 1) / 2) - Gamma.logarithm(nu / 2) - 0.5 * log(nu * Double.pi)
        return exp(logNormalizer - (nu + 1) / 2 * log1p(t * t / nu))
    }
}

/// The standard normal distribution's quantile (Acklam's rational
/// approximation, refined by one Halley step on `erfc`).
enum NormalDistribution {
    static func quantile(_ p: Double) -> Double {
        let a = [
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
        ]
        let b = [
            -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01,
        ]
        let c = [
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
        ]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let lowBreak = 0.02425
        var x: Double
        if p < lowBreak {
            let q = (-2 * log(p)).squareRoot()
            x =
                (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - lowBreak {
            let q = p - 0.5
            let r = q * q
            x =
                (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log1p(-p)).squareRoot()
            x =
                -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let error = 0.5 * erfc(-x / 2.0.squareRoot()) - p
        let u = error * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }
}

/// The logarithm of the gamma function (Lanczos, g = 7, nine terms).
enum Gamma {
    private static let coefficients = [
        0.999_999_999_999_809_93, 676.520_368_121_885_1, -1_259.139_216_722_402_8,
        771.323_428_777_653_13, -176.615_029_162_140_59, 12.507_343_278_686_905,
        -0.138_571_095_265_720_12, 9.984_369_578_019_571_6e-6, 1.505_632_735_149_311_6e-7,
    ]

    /// ln Γ(`x`) for `x` > 0.
    static func logarithm(_ x: Double) -> Double {
        if x < 0.5 {
            // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
            return log(Double.pi / sin(Double.pi * x)) - logarithm(1 - x)
        }
        let shifted = x - 1
        var sum = coefficients[0]
        for index in 1..<coefficients.count {
            sum += coefficients[index] / (shifted + Double(index))
        }
        let t = shifted + 7.5
        return 0.5 * log(2 * Double.pi) + (shifted + 0.5) * log(t) - t + log(sum)
    }
}

/// The regularized incomplete beta function I_x(a, b), by its continued
/// fraction (modified Lentz), on whichever side converges fast.
enum IncompleteBeta {
    /// I_`x`(`a`, `b`); `complement` is 1 − `x`, passed separately so that
    /// it keeps its precision when `x` is close to 1.
    static func regularized(a: Double, b: Double, x: Double, complement: Double) -> Double {
        if x <= 0 { return 0 }
        if complement <= 0 { return 1 }
        let logX = x > 0.5 ? log1p(-complement) : log(x)
        let logComplement = complement > 0.5 ? log1p(-x) : log(complement)
        let logFront =
            Gamma.logarithm(a + b) - Gamma.logarithm(a) - Gamma.logarithm(b) + a * logX + b * logComplement
        let front = exp(logFront)
        if x < (a + 1) / (a + b + 2) {
            return front * continuedFraction(a: a, b: b, x: x) / a
        }
        return 1 - front * continuedFraction(a: b, b: a, x: complement) / b
    }

    private static func continuedFraction(a: Double, b: Double, x: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...100_000 {
            let m = Double(m)
            let evenStep = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + evenStep * d
            if abs(d) < tiny { d = tiny }
            c = 1 + evenStep / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let oddStep = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + oddStep * d
            if abs(d) < tiny { d = tiny }
            c = 1 + oddStep / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return result
    }
}
