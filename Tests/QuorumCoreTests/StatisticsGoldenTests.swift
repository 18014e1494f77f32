import QuorumCore
import XCTest

/// Wilson intervals and Cohen's kappa against values computed independently by
/// `scripts/golden/stats_golden.py` (scipy's binomtest Wilson interval; kappa with exact fractions).
final class StatisticsGoldenTests: XCTestCase {
    // Output of scripts/golden/stats_golden.py.
    static let wilson: [(successes: Int, trials: Int, lower: Double, upper: Double)] = [
        (0, 1, 0.0, 0.7934506856227626),
        (1, 1, 0.20654931437723745, 1.0),
        (0, 10, 0.0, 0.27753279986288926),
        (3, 10, 0.10779126740630102, 0.6032218525388546),
        (10, 10, 0.7224672001371109, 1.0),
        (1, 100, 0.001767432064140647, 0.054486196178705315),
        (37, 250, 0.10931982398325645, 0.1973340188615365),
        (500, 1000, 0.4690696003681042, 0.5309303996318958),
        (7, 12345, 0.0002747012893962391, 0.001170086780819861),
    ]
    static let kappa: [String: Double] = [
        "perfect": 1.0,
        "mixed": 0.4444444444444444,
        "worse_than_chance": -1.0,
        "skewed": 0.35802469135802467,
    ]

    // The same pairs as KAPPA_CASES in the script.
    static let kappaCases: [String: [(String, String)]] = [
        "perfect": [("0", "0"), ("1", "1"), ("2", "2"), ("1", "1")],
        "mixed": [("0", "0"), ("1", "1"), ("2", "1"), ("edited/rejected", "0"), ("1", "1"),
                  ("0", "0"), ("2", "2"), ("edited/rejected", "2"), ("1", "0"), ("0", "0")],
        "worse_than_chance": [("0", "1"), ("1", "0"), ("0", "1"), ("1", "0")],
        "skewed": Array(repeating: ("1", "1"), count: 40) + Array(repeating: ("edited/rejected", "1"), count: 7)
            + Array(repeating: ("0", "0"), count: 3) + Array(repeating: ("0", "1"), count: 2),
    ]

    func testZIsScipysQuantile() {
        XCTAssertEqual(WilsonInterval.z95, 1.959963984540054)
    }

    func testWilsonMatchesScipy() throws {
        for golden in Self.wilson {
            let interval = try XCTUnwrap(WilsonInterval(successes: golden.successes, trials: golden.trials))
            XCTAssertEqual(interval.lower, golden.lower, accuracy: 1e-12, "\(golden.successes)/\(golden.trials)")
            XCTAssertEqual(interval.upper, golden.upper, accuracy: 1e-12, "\(golden.successes)/\(golden.trials)")
        }
    }

    func testWilsonWithoutTrialsIsNil() {
        XCTAssertNil(WilsonInterval(successes: 0, trials: 0))
        XCTAssertNil(WilsonInterval(successes: 3, trials: 2))
    }

    func testKappaMatchesExactFractions() throws {
        XCTAssertEqual(Set(Self.kappaCases.keys), Set(Self.kappa.keys))
        for (name, pairs) in Self.kappaCases {
            let kappa = try XCTUnwrap(CohenKappa.kappa(pairs), name)
            XCTAssertEqual(kappa, Self.kappa[name]!, accuracy: 1e-12, name)
        }
    }

    func testKappaIsUndefinedWithoutPairsOrVariety() {
        XCTAssertNil(CohenKappa.kappa([(String, String)]()))
        XCTAssertNil(CohenKappa.kappa([("1", "1"), ("1", "1")]))
    }
}
