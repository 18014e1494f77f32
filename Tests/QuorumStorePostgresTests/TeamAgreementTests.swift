import Foundation
import QuorumStore
import XCTest
@testable import QuorumStorePostgres

/// Agreement between curators: the statistics on hand-computed cases, then on a store.
final class TeamAgreementTests: PostgresTestCase {
    func testKappaAndAlphaOnHandComputedCases() throws {
        let kappa = try XCTUnwrap(AgreementMath.cohensKappa([("x", "x"), ("x", "y"), ("y", "y"), ("y", "y")]))
        XCTAssertEqual(kappa, 0.5, accuracy: 1e-12)
        XCTAssertEqual(AgreementMath.cohensKappa([("x", "x"), ("x", "x")]), 1)
        XCTAssertNil(AgreementMath.cohensKappa([]))
        // Coincidences: o[x][x] = 2, o[x][y] = o[y][x] = 1, o[y][y] = 4; n = 8; alpha = 1 - 7 * 2 / 30.
        let alpha = try XCTUnwrap(AgreementMath.krippendorffsAlpha([["x", "x"], ["x", "y"], ["y", "y"], ["y", "y"], ["z"]]))
        XCTAssertEqual(alpha, 1 - 14.0 / 30.0, accuracy: 1e-12)
        XCTAssertNil(AgreementMath.krippendorffsAlpha([["x"], ["y"]]))
    }

    func testCuratorsAgreementOnAStoreCountsOnlyDecisionsInForce() async throws {
        let file = try write(StoreFixture.jsonl, to: "data.jsonl")
        let agreement = try await withStore { store in
            _ = try await store.importJSONL(from: .file(path: file))
            for item in [1, 3, 6, 7] as [Int64] { try await store.decide(.accept, itemID: item, curator: "ana") }
            try await store.decide(.accept, itemID: 1, curator: "bo")
            try await store.decide(.override(candidate: 2), itemID: 3, curator: "bo")
            let undone = try await store.decide(.reject(reason: "no"), itemID: 6, curator: "bo")
            try await store.decide(.undo(decisionID: undone.id!), itemID: 6, curator: "bo")
            try await store.decide(.accept, itemID: 6, curator: "bo")
            try await store.decide(.accept, itemID: 7, curator: "bo")
            return try await store.teamAgreement()
        }
        XCTAssertEqual(agreement.curators.map(\.name), ["ana", "bo"])
        XCTAssertEqual(agreement.curators.map(\.decisions), [4, 6])
        XCTAssertEqual(agreement.curators.map(\.overrides), [0, 1])
        XCTAssertEqual(agreement.pairs.count, 1)
        XCTAssertEqual(agreement.pairs[0].sharedItems, 4)
        XCTAssertEqual(agreement.pairs[0].disagreements, [3])
        XCTAssertNotNil(agreement.alpha)
        XCTAssertTrue(agreement.reportLines.contains { $0.contains("kappa ana / bo") && $0.contains("differ on items 3") })
    }
}
