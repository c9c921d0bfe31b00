import Runner
import ScenarioFormat
import ScenarioTesting
import SimJSON
import Testing

@testable import Sweeps

@Suite("Student t quantiles")
struct StudentTTests {
    /// t(0.975, ν) from `scipy.stats.t.ppf(0.975, ν)` (SciPy 1.17.1).
    static let scipy: [(Double, Double)] = [
        (1, 12.706204736174694), (2, 4.302652729749462), (3, 3.1824463052837078),
        (4, 2.7764451051977934), (5, 2.5705818356363146), (9, 2.262157162798205),
        (10, 2.228138851986274), (29, 2.045229642132703), (30, 2.0422724563012378),
        (99, 1.9842169515864174), (199, 1.9719565442517533), (1000, 1.9623390808264083),
        (1e6, 1.959966356814107), (2.5, 3.5746548420036817), (7.3, 2.345066736547703),
    ]

    @Test(arguments: scipy)
    func matchesSciPyAt975(degrees: Double, expected: Double) {
        let quantile = StudentT.quantile(0.975, degreesOfFreedom: degrees)
        #expect(abs(quantile - expected) <= 1e-10 * expected, "ν = \(degrees): \(quantile) vs \(expected)")
    }

    @Test func matchesSciPyElsewhere() {
        // scipy.stats.t.ppf(0.995, 4), t.ppf(0.6, 3), t.ppf(0.025, 12); t.cdf(2, 5).
        #expect(abs(StudentT.quantile(0.995, degreesOfFreedom: 4) - 4.604094871349992) < 1e-10)
        #expect(abs(StudentT.quantile(0.6, degreesOfFreedom: 3) - 0.2766706623326898) < 1e-12)
        #expect(abs(StudentT.quantile(0.025, degreesOfFreedom: 12) + 2.1788128296672293) < 1e-11)
        #expect(abs(StudentT.distribution(2, degreesOfFreedom: 5) - 0.9490302605850708) < 1e-13)
    }

    @Test func isSymmetricAndInvertsTheDistribution() {
        for degrees in [1.5, 3, 17, 250] {
            for p in [0.01, 0.2, 0.5, 0.9, 0.999] {
                let q = StudentT.quantile(p, degreesOfFreedom: degrees)
                #expect(q == -StudentT.quantile(1 - p, degreesOfFreedom: degrees))
                #expect(abs(StudentT.distribution(q, degreesOfFreedom: degrees) - p) < 1e-12)
            }
        }
    }

    @Test func textbookTableValues() {
        // Two-sided 95% critical values as printed in statistics tables (3 decimals).
        for (degrees, table) in [
            (1.0, 12.706), (5, 2.571), (10, 2.228), (20, 2.086), (60, 2.000), (120, 1.980),
        ] {
            #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: degrees) - table) < 5e-4)
        }
        #expect(abs(NormalDistribution.quantile(0.975) - 1.959963984540054) < 1e-14)
    }
}
