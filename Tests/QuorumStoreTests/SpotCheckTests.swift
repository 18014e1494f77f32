import Foundation
import GRDB
import QuorumCore
import XCTest
@testable import QuorumStore

final class SpotCheckTests: StoreTestCase {
    /// Items 0–4 auto-accepted; humans then accept 0, override 1, reject 2, edit-then-undo 3;
    /// items 5–7 wait for review (not in the population).
    func spotCheckStore() async throws -> (Store, [Int64]) {
        let (store, ids) = try await storeWithItems(8)
        try await store.write { transaction in
            for id in ids.prefix(5) { try transaction.append(.accept, to: id, curator: Store.autoCurator) }
            try transaction.append(.accept, to: ids[0], curator: "ada")
            try transaction.append(.override(candidate: 2), to: ids[1], curator: "ada")
            try transaction.append(.reject(reason: "off topic"), to: ids[2], curator: "bob")
            let edit = try transaction.append(.edit(text: "mine", basedOn: nil), to: ids[3], curator: "ada")
            _ = try transaction.undo(edit.id!, curator: "ada")
        }
        return (store, ids)
    }

    func testPopulationAndVerdicts() async throws {
        let (store, ids) = try await spotCheckStore()
        let population = try await store.spotCheckPopulation(stratifiedBy: .type)
        XCTAssertEqual(population.count, 5)
        XCTAssertEqual(population.strata["A"], [ids[0], ids[2], ids[4]], "even-numbered fixtures have an input")
        XCTAssertEqual(population.strata["B"], [ids[1], ids[3]])
        XCTAssertEqual(population.verdicts, [ids[0]: .right, ids[1]: .wrong, ids[2]: .wrong])
        let byMember = try await store.spotCheckPopulation(stratifiedBy: .member)
        XCTAssertEqual(byMember.strata, ["flan-t5-xxl": Array(ids.prefix(5))], "the consensus chose candidate 1")
        let byRule = try await store.spotCheckPopulation(stratifiedBy: .rule)
        XCTAssertEqual(byRule.strata.keys.sorted(), ["rouge"])
    }

    func testOneItemsVerdictFollowsThePopulationsRule() async throws {
        let (store, ids) = try await spotCheckStore()
        let population = try await store.spotCheckPopulation(stratifiedBy: .member)
        for id in ids {
            let verdict = try await store.spotCheckVerdict(of: id)
            XCTAssertEqual(verdict, population.verdicts[id], "item \(id)")
        }
        _ = try await store.write { transaction in
            try transaction.undo(try transaction.activeDecisionIDs(of: ids[1]).last!, curator: "ada")
        }
        let undone = try await store.spotCheckVerdict(of: ids[1])
        XCTAssertNil(undone, "the override was undone: the auto accept stands unjudged")
        let outside = try await store.spotCheckVerdict(of: ids[6])
        XCTAssertNil(outside, "not in the population")
    }

    func testReportMatchesTheStore() async throws {
        let (store, ids) = try await spotCheckStore()
        let report = try await store.spotCheckPopulation(stratifiedBy: .type).report(sampleSize: 5, seed: 7)
        XCTAssertEqual(report.population, 5)
        XCTAssertEqual(report.sample.strata.map(\.sample), [[ids[0], ids[2], ids[4]], [ids[1], ids[3]]])
        XCTAssertEqual(report.estimate.strata.map(\.judged), [2, 1])
        XCTAssertEqual(report.estimate.strata.map(\.wrong), [1, 1])
        XCTAssertEqual(report.estimate.overall.judged, 3)
        XCTAssertEqual(report.estimate.overall.wrong, 2)
        XCTAssertEqual(report.estimate.overall.interval, WilsonInterval(successes: 2, trials: 3))
    }

    func testSampleIsReproducibleAndStratified() async throws {
        let (store, ids) = try await storeWithItems(40)
        try await store.write { transaction in
            for id in ids { try transaction.append(.accept, to: id, curator: Store.autoCurator) }
        }
        let population = try await store.spotCheckPopulation(stratifiedBy: .type)
        let first = population.report(sampleSize: 6, seed: 99)
        let again = try await store.spotCheckPopulation(stratifiedBy: .type).report(sampleSize: 6, seed: 99)
        XCTAssertEqual(first, again)
        XCTAssertEqual(first.sample.strata.map(\.sample.count), [3, 3])
        XCTAssertNotEqual(first.sample.sampledIDs, population.report(sampleSize: 6, seed: 100).sample.sampledIDs)
    }

    func testFragilityStrataAreQuartilesWithTheMostFragileInQ4() async throws {
        let store = try openWriter()
        let ids = try await store.write { transaction in
            let run = try transaction.beginRun(source: "import", configJSON: "{}")
            return try (0..<8).map { index in
                var item = Fixtures.item(runID: run.id!, index: index)
                item.candidateSet.consensus?.margin = Double(index) / 10
                return try transaction.insertItem(item).id!
            }
        }
        let population = try await store.spotCheckPopulation(stratifiedBy: .fragility)
        XCTAssertEqual(population.count, 8, "imported consensus choices count without any decision")
        let edges = try XCTUnwrap(population.fragilityEdges)
        XCTAssertEqual(edges.count, 3)
        XCTAssertEqual(edges, edges.sorted())
        // A larger margin is a safer decision: the smallest margins are the most fragile.
        XCTAssertEqual(population.strata, ["q4": Array(ids[0..<2]), "q3": Array(ids[2..<4]), "q2": Array(ids[4..<6]), "q1": Array(ids[6..<8])])
    }
}
