import QuorumCore
import XCTest

final class StatisticsSamplingTests: XCTestCase {
    static let population: [String: [Int64]] = [
        "falcon": Array(1...600), "flan-t5": Array(601...900), "ul2": Array(901...990), "tiny": [991], "empty": [],
    ]

    func testAllocationIsProportionalWithOnePerStratum() {
        // 4 non-empty strata, R = 16 over capacities 599, 299, 89, 0 (of 987):
        // quotas 9.75, 4.87, 1.45, 0 → 9, 4, 1 and the 2 seats left to the largest remainders (.87, .75).
        XCTAssertEqual(StratifiedSample.allocate(size: 20, sizes: [600, 300, 90, 1, 0]), [11, 6, 2, 1, 0])
        XCTAssertEqual(StratifiedSample.allocate(size: 2, sizes: [5, 9, 9, 0]), [0, 1, 1, 0], "fewer seats than strata: the largest")
        XCTAssertEqual(StratifiedSample.allocate(size: 50, sizes: [3, 4]), [3, 4], "everything when asked for more")
        XCTAssertEqual(StratifiedSample.allocate(size: 0, sizes: [3, 4]), [0, 0])
        for size in [5, 13, 100, 500, 990] {
            let counts = StratifiedSample.allocate(size: size, sizes: [600, 300, 90, 1, 0])
            XCTAssertEqual(counts.reduce(0, +), size)
            XCTAssertTrue(zip(counts, [600, 300, 90, 1, 0]).allSatisfy { $0 <= $1 })
            XCTAssertTrue(zip(counts, [600, 300, 90, 1, 0]).allSatisfy { $1 == 0 || $0 >= 1 })
        }
    }

    func testSampleIsReproducibleFromTheSeedAndDrawnFromEachStratum() {
        let first = StratifiedSample(strata: Self.population, size: 20, seed: 42)
        let again = StratifiedSample(strata: Self.population, size: 20, seed: 42)
        let other = StratifiedSample(strata: Self.population, size: 20, seed: 43)
        XCTAssertEqual(first, again)
        XCTAssertNotEqual(first.sampledIDs, other.sampledIDs)
        XCTAssertEqual(first.strata.map(\.key), ["empty", "falcon", "flan-t5", "tiny", "ul2"])
        XCTAssertEqual(first.strata.map(\.sample.count), [0, 11, 6, 1, 2])
        XCTAssertEqual(Set(first.sampledIDs).count, 20, "without replacement")
        for stratum in first.strata {
            XCTAssertTrue(Set(stratum.sample).isSubset(of: Self.population[stratum.key]!))
            XCTAssertEqual(stratum.sample, stratum.sample.sorted())
        }
    }

    func testSamplerIsRoughlyUniformWithinAStratum() {
        var hits = [Int64: Int]()
        for seed in 0..<2000 {
            for id in StratifiedSample(strata: ["all": Array(1...10)], size: 3, seed: UInt64(seed)).sampledIDs {
                hits[id, default: 0] += 1
            }
        }
        for id in 1...10 { XCTAssertEqual(Double(hits[Int64(id)] ?? 0), 600, accuracy: 90) }
    }

    func testQuantileBins() {
        let bins = QuantileBins(values: (0..<100).map { Double($0) / 100 }, count: 4)
        XCTAssertEqual(bins.edges, [0.25, 0.5, 0.75])
        XCTAssertEqual(bins.bin(of: 0), 0)
        XCTAssertEqual(bins.bin(of: 0.2499), 0)
        XCTAssertEqual(bins.bin(of: 0.25), 1)
        XCTAssertEqual(bins.bin(of: 0.99), 3)
        XCTAssertEqual(bins.label(of: 3), "q4")
        XCTAssertEqual(QuantileBins(values: [], count: 3).bin(of: 1), 0)
    }

    func testErrorRateEstimate() throws {
        let sample = StratifiedSample(strata: ["a": [1, 2, 3], "b": [4, 5]], size: 5, seed: 1)
        let estimate = ErrorRateEstimate(sample: sample, verdicts: [1: .wrong, 2: .right, 4: .right, 5: .right])
        XCTAssertEqual(estimate.strata.map(\.judged), [2, 2])
        XCTAssertEqual(estimate.strata.map(\.wrong), [1, 0])
        XCTAssertEqual(estimate.overall.sampled, 5)
        XCTAssertEqual(estimate.overall.judged, 4)
        XCTAssertEqual(estimate.overall.errorRate, 0.25)
        let interval = try XCTUnwrap(estimate.overall.interval)
        XCTAssertEqual(interval, WilsonInterval(successes: 1, trials: 4))
        XCTAssertFalse(estimate.meets(target: 0.5))
        XCTAssertTrue(estimate.meets(target: interval.upper + 0.01))
        XCTAssertNil(ErrorRateEstimate(sample: sample, verdicts: [:]).overall.interval)
    }

    func testBlockHistogram() {
        XCTAssertEqual(BlockHistogram.bar(8, maximum: 8, width: 2), "██")
        XCTAssertEqual(BlockHistogram.bar(1, maximum: 8, width: 2), "▎")
        XCTAssertEqual(BlockHistogram.bar(3, maximum: 8, width: 2), "▊")
        XCTAssertEqual(BlockHistogram.bar(0, maximum: 8, width: 2), "")
        let bins = BlockHistogram.bins(of: [0, 0.1, 0.6, 0.7, 0.75, 1.0], lower: 0, upper: 1, count: 2, digits: 1)
        XCTAssertEqual(bins, [.init(label: "0.0–0.5", count: 2), .init(label: "0.5–1.0", count: 4)])
        XCTAssertEqual(BlockHistogram(bins: bins, width: 4).lines, ["0.0–0.5  2  ██", "0.5–1.0  4  ████"])
    }
}
