import Foundation
import GRDB
import QuorumCore
import XCTest
@testable import QuorumStore

/// The cached status columns against the log's derivation, over random histories.
final class DerivedStateTests: StoreTestCase {
    func testCacheEqualsDerivationOverRandomHistories() async throws {
        let (store, ids) = try await storeWithItems(12)
        let appended = try await store.write { transaction in
            var generator = SplitMix(seed: 20_231_024)
            var appended = 0
            for _ in 0..<700 {
                let item = ids[Int(generator.next() % UInt64(ids.count))]
                if (try? transaction.append(Self.randomAction(item, transaction, &generator), to: item, curator: "fuzz")) != nil {
                    appended += 1
                }
            }
            return appended
        }
        XCTAssertGreaterThan(appended, 450)
        let stale = try await store.write { try $0.itemsWithStaleState() }
        XCTAssertEqual(stale, [])
        let statuses = try await rawQuery(store) { try Set(String.fetchAll($0, sql: "SELECT DISTINCT status FROM items")) }
        XCTAssertGreaterThan(statuses.count, 3, "the history should visit several statuses: \(statuses)")
    }

    func testRebuildRepairsATamperedCache() async throws {
        let (store, ids) = try await storeWithItems(3)
        _ = try await store.write { try $0.append(.accept, to: ids[1], curator: "ada") }
        try await store.write { try $0.db.execute(sql: "UPDATE items SET status = 'rejected', output = NULL") }
        let stale = try await store.write { try $0.itemsWithStaleState() }
        XCTAssertEqual(stale, ids)
        let rebuilt = try await store.write { try $0.rebuildDerivedState() }
        XCTAssertEqual(rebuilt, 3)
        let statuses = try await [0, 1, 2].asyncMap { try await store.item(ids[$0]).item.status }
        XCTAssertEqual(statuses, [.pending, .accepted, .pending])
    }

    func testDerivationIsAPureFunctionOfTheLog() {
        let set = CandidateSetSummary(id: 1, isDecided: true, choice: 0, texts: ["a", "b"])
        func event(_ id: Int64, _ kind: DecisionKind, candidate: Int? = nil, target: Int64? = nil) -> Decision {
            Decision(
                id: id, itemID: 1, kind: kind, setID: kind == .undo ? nil : 1, candidate: candidate, text: nil,
                reason: "r", targetID: target, curator: "c", at: Date(), note: nil)
        }
        let log = [
            event(1, .override, candidate: 1), event(2, .reject), event(3, .undo, target: 2),
            event(4, .undo, target: 3), event(5, .undo, target: 4),
        ]
        XCTAssertEqual(ItemStateDerivation.activeEventIDs(log), [1, 3, 5])
        let state = ItemStateDerivation.derive(initialSetID: 1, sets: [1: set], log: log)
        XCTAssertEqual(state, DerivedItemState(status: .overridden, output: "b", chosen: 1, currentSetID: 1))
    }

    private static func randomAction(
        _ item: Int64, _ transaction: StoreTransaction, _ generator: inout SplitMix
    ) throws -> DecisionAction {
        switch generator.next() % 7 {
        case 0: return .accept
        case 1: return .override(candidate: Int(generator.next() % 3))
        case 2: return .edit(text: "edit \(generator.next() % 100)", basedOn: nil)
        case 3: return .reject(reason: "random")
        case 4:
            let choice: Int? = generator.next() % 3 == 0 ? nil : 0
            return .rerun(NewCandidateSet(candidates: Fixtures.candidates(9, count: 2), consensus: Fixtures.consensus(choice: choice, count: 2)))
        default:
            let log = try Decision.filter(Column("item_id") == item).order(Column("id")).fetchAll(transaction.db)
            let active = ItemStateDerivation.activeEventIDs(log)
            let candidates = log.filter { active.contains($0.id!) }
            guard !candidates.isEmpty else { return .accept }
            return .undo(decisionID: candidates[Int(generator.next() % UInt64(candidates.count))].id!)
        }
    }
}

/// A small seeded generator so random histories repeat exactly.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
