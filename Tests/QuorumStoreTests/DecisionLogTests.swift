import Foundation
import GRDB
import QuorumCore
import XCTest
@testable import QuorumStore

final class DecisionLogTests: StoreTestCase {
    func testEachOutcomeSetsStatusAndOutput() async throws {
        let (store, ids) = try await storeWithItems(4, choice: 1)
        try await store.write { transaction in
            try transaction.append(.accept, to: ids[0], curator: "ada")
            try transaction.append(.override(candidate: 2), to: ids[1], curator: "ada")
            try transaction.append(.edit(text: "better text", basedOn: 0), to: ids[2], curator: "ada", note: "typo")
            try transaction.append(.reject(reason: "off-topic"), to: ids[3], curator: "ada")
        }
        let items = try await [0, 1, 2, 3].asyncMap { try await store.item(ids[$0]).item }
        XCTAssertEqual(items.map(\.status), [.accepted, .overridden, .edited, .rejected])
        XCTAssertEqual(items.map(\.output), ["output 1 of item 0", "output 2 of item 1", "better text", nil])
        XCTAssertEqual(items.map(\.chosen), [1, 2, nil, nil])
    }

    func testPendingAndDiscardedComeFromTheConsensus() async throws {
        let (store, ids) = try await storeWithItems(1, choice: nil)
        let discarded = try await store.item(ids[0]).item
        XCTAssertEqual(discarded.status, .discarded)
        XCTAssertNil(discarded.output)
        let pending = try await store.write { transaction in
            try transaction.insertItem(Fixtures.item(runID: 1, index: 9, choice: 0))
        }
        XCTAssertEqual(pending.status, .pending)
        XCTAssertEqual(pending.output, "output 0 of item 9")
    }

    func testStreamingUntilTheConsensusArrives() async throws {
        let store = try openWriter()
        let item = try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            return try transaction.insertItem(NewItem(
                runID: run.id!, instruction: "Say hi.", input: "",
                candidateSet: NewCandidateSet(candidates: [], consensus: nil)))
        }
        XCTAssertEqual(item.status, .streaming)
        XCTAssertEqual(item.type, .b)
        let setID = item.currentSetID!
        let final = try await store.write { transaction in
            for candidate in Fixtures.candidates(0) { _ = try transaction.addCandidate(candidate, toSet: setID) }
            try transaction.recordConsensus(Fixtures.consensus(choice: 2), forSet: setID)
            return try transaction.derivedState(of: item.id!)
        }
        XCTAssertEqual(final.status, .pending)
        XCTAssertEqual(final.output, "output 2 of item 0")
        let queue = try await store.reviewQueue()
        XCTAssertEqual(queue.first?.candidates.map(\.position), [0, 1, 2])
    }

    func testUndoHasNoDepthLimitAndUndoOfUndoReapplies() async throws {
        let (store, ids) = try await storeWithItems(1)
        let item = ids[0]
        let accepted = try await store.write { try $0.append(.accept, to: item, curator: "ada") }
        var latest = accepted
        for round in 0..<200 {
            latest = try await store.write { [latest] transaction in
                try transaction.append(.undo(decisionID: latest.id!), to: item, curator: "ada")
            }
            let expected: ItemStatus = round % 2 == 0 ? .pending : .accepted
            let status = try await store.item(item).item.status
            XCTAssertEqual(status, expected, "after \(round + 1) undos")
        }
        let history = try await store.history(of: item)
        XCTAssertEqual(history.count, 201)
        XCTAssertTrue(history[0].isActive, "an even number of undos leaves the accept in force")
    }

    func testUndoingADecisionRevealsTheOneBefore() async throws {
        let (store, ids) = try await storeWithItems(1)
        let item = ids[0]
        let (reject, edit) = try await store.write { transaction in
            let reject = try transaction.append(.reject(reason: "bad"), to: item, curator: "ada")
            let edit = try transaction.append(.edit(text: "fixed", basedOn: nil), to: item, curator: "bob")
            return (reject, edit)
        }
        _ = try await store.write { try $0.undo(edit.id!, curator: "bob") }
        var state = try await store.item(item).item
        XCTAssertEqual(state.status, .rejected)
        _ = try await store.write { try $0.undo(reject.id!, curator: "bob") }
        state = try await store.item(item).item
        XCTAssertEqual(state.status, .pending)
        XCTAssertEqual(state.output, "output 1 of item 0")
    }

    func testRerunStartsReviewAgainAndUndoingItRestoresTheEarlierDecision() async throws {
        let (store, ids) = try await storeWithItems(1, choice: 1)
        let item = ids[0]
        let newSet = NewCandidateSet(
            candidates: [NewCandidate(member: "a", text: "fresh 0"), NewCandidate(member: "b", text: "fresh 1")],
            consensus: Fixtures.consensus(choice: 0, count: 2))
        let rerun = try await store.write { transaction in
            try transaction.append(.override(candidate: 2), to: item, curator: "ada")
            return try transaction.append(.rerun(newSet), to: item, curator: "ada")
        }
        var detail = try await store.item(item)
        XCTAssertEqual(detail.item.status, .pending)
        XCTAssertEqual(detail.item.output, "fresh 0")
        XCTAssertEqual(detail.candidateSet.ordinal, 1)
        XCTAssertEqual(detail.candidates.map(\.text), ["fresh 0", "fresh 1"])

        _ = try await store.write { try $0.append(.accept, to: item, curator: "ada") }
        detail = try await store.item(item)
        XCTAssertEqual(detail.item.status, .accepted)

        _ = try await store.write { try $0.undo(rerun.id!, curator: "ada") }
        detail = try await store.item(item)
        XCTAssertEqual(detail.item.status, .overridden, "the override made on the first set applies again")
        XCTAssertEqual(detail.item.output, "output 2 of item 0")
        XCTAssertEqual(detail.candidateSet.ordinal, 0)
    }

    func testDecisionsThatCannotTakeEffectAreRefused() async throws {
        let (store, ids) = try await storeWithItems(1, choice: nil)
        let item = ids[0]
        await assertRefused(store) { try $0.append(.accept, to: item, curator: "ada") }
        await assertRefused(store) { try $0.append(.override(candidate: 3), to: item, curator: "ada") }
        await assertRefused(store) { try $0.append(.edit(text: "  ", basedOn: nil), to: item, curator: "ada") }
        await assertRefused(store) { try $0.append(.reject(reason: "x"), to: item, curator: " ") }
        let override = try await store.write { try $0.append(.override(candidate: 0), to: item, curator: "ada") }
        _ = try await store.write { try $0.undo(override.id!, curator: "ada") }
        await assertRefused(store) { try $0.undo(override.id!, curator: "ada") }
        await assertThrowsAsync({ try await store.write { try $0.undo(999, curator: "ada") } }) { error in
            XCTAssertEqual(error as? StoreError, .unknownDecision(999))
        }
        await assertThrowsAsync({ try await store.write { try $0.append(.accept, to: 77, curator: "ada") } }) { error in
            XCTAssertEqual(error as? StoreError, .unknownItem(77))
        }
        let count = try await rawQuery(store) { try Decision.fetchCount($0) }
        XCTAssertEqual(count, 2, "refused events leave no trace")
    }

    func testFailedCandidateCannotBeChosen() async throws {
        let store = try openWriter()
        let item = try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            var candidates = Fixtures.candidates(0)
            candidates[2].error = "HTTP 503"
            return try transaction.insertItem(NewItem(
                runID: run.id!, instruction: "Do it.", input: "",
                candidateSet: NewCandidateSet(candidates: candidates, consensus: Fixtures.consensus(choice: 0))))
        }
        await assertRefused(store) { try $0.append(.override(candidate: 2), to: item.id!, curator: "ada") }
    }

    func testTheLogRefusesUpdatesAndDeletes() async throws {
        let (store, ids) = try await storeWithItems(1)
        _ = try await store.write { try $0.append(.accept, to: ids[0], curator: "ada") }
        for statement in ["UPDATE decisions SET curator = 'mallory'", "DELETE FROM decisions"] {
            await assertThrowsAsync({ try await store.write { try $0.db.execute(sql: statement) } }) { error in
                XCTAssertTrue("\(error)".contains("append-only"), "\(error)")
            }
        }
        let curators = try await rawQuery(store) { try String.fetchAll($0, sql: "SELECT curator FROM decisions") }
        XCTAssertEqual(curators, ["ada"])
    }

    private func assertRefused(
        _ store: Store, file: StaticString = #filePath, line: UInt = #line,
        _ body: @escaping @Sendable (StoreTransaction) throws -> Decision
    ) async {
        await assertThrowsAsync({ try await store.write(body) }, file: file, line: line) { error in
            switch error as? StoreError {
            case .refused?, .invalid?: break
            default: XCTFail("expected a refusal, got \(error)", file: file, line: line)
            }
        }
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
