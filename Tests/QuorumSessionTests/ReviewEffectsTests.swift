import Foundation
import QuorumTUI
import XCTest
@testable import QuorumSession
@testable import QuorumStore

/// The effect interpreter against the in-memory store: what each effect does to the store,
/// and what comes back to the inbox.
final class ReviewEffectsTests: XCTestCase {
    private func actions(
        _ effects: [WorkbenchEffect], on store: any WorkbenchStore, count: Int
    ) async throws -> [WorkbenchAction] {
        let inbox = WorkbenchInbox()
        let interpreter = ReviewEffects(store: store, curator: "tester", inbox: inbox, engine: nil)
        for effect in effects { interpreter.perform(effect) }
        var received: [WorkbenchAction] = []
        let deadline = ContinuousClock.now + .seconds(10)
        while received.count < count && ContinuousClock.now < deadline {
            received += inbox.drain()
            if received.count < count { try await Task.sleep(for: .milliseconds(5)) }
        }
        await interpreter.finish()
        return received + inbox.drain()
    }

    func testADecisionIsRecordedAndTheItemComesBackAsItNowStands() async throws {
        let store = InMemoryWorkbenchStore(SessionFixtures.items(2))
        let received = try await actions([.decide(itemID: 2, .accept)], on: store, count: 1)
        guard case .decisionRecorded(let outcome) = received.first else { return XCTFail("\(received)") }
        XCTAssertEqual(outcome.decision.kind, .accept)
        XCTAssertEqual(outcome.decision.curator, "tester")
        XCTAssertEqual(outcome.item.item.status, .accepted)
        XCTAssertEqual(store.status(of: 1), .pending)
    }

    func testWritesApplyInTheOrderTheyWereAskedForAndFinishWaitsForThem() async throws {
        let store = InMemoryWorkbenchStore(SessionFixtures.items(30))
        let effects = (1...30).map { WorkbenchEffect.decide(itemID: Int64($0), .reject(reason: "r\($0)")) }
        let inbox = WorkbenchInbox()
        let interpreter = ReviewEffects(store: store, curator: "tester", inbox: inbox, engine: nil)
        for effect in effects { interpreter.perform(effect) }
        await interpreter.finish()
        XCTAssertEqual(store.decisions.map(\.reason), (1...30).map { "r\($0)" })
    }

    func testUndoTakesTheLatestDecisionInForceAndSaysWhenNoneIsLeft() async throws {
        let store = InMemoryWorkbenchStore(SessionFixtures.items(1))
        _ = try await actions([.decide(itemID: 1, .accept), .undo(itemID: 1, decisionID: nil)], on: store, count: 2)
        XCTAssertEqual(store.decisions.map(\.kind), [.accept, .undo])
        XCTAssertEqual(store.decisions.last?.targetID, 1)
        XCTAssertEqual(store.status(of: 1), .pending)
        let again = try await actions([.undo(itemID: 1, decisionID: nil)], on: store, count: 1)
        XCTAssertEqual(again, [.decisionFailed(itemID: 1, message: "#1 has no decision left to undo")])
    }

    func testAFailedReadIsShownAndAFailedStatsReadSaysWhy() async throws {
        let store = InMemoryWorkbenchStore(SessionFixtures.items(1))
        let received = try await actions([.loadItem(99), .loadStats(filter: .all)], on: store, count: 2)
        XCTAssertTrue(received.contains(.effectFailed(String(describing: StoreError.unknownItem(99)))), "\(received)")
        XCTAssertTrue(received.contains { if case .statsFailed = $0 { true } else { false } }, "\(received)")
    }

    func testARerunWithoutAnEngineEndsAtOnceAndExportsCarryTheirFormat() async throws {
        let store = InMemoryWorkbenchStore(SessionFixtures.items(1))
        let received = try await actions(
            [.rerun(itemID: 1, .outputs, ticket: 7), .export(path: "out.jsonl", format: .sharegpt)], on: store, count: 2)
        XCTAssertTrue(received.contains(.rerunEnded(ticket: 7, itemID: 1, decisionID: nil, failure: "the engine is off")))
        XCTAssertEqual(store.contents.withLock { $0.exports.map(\.format) }, [.sharegpt])
    }

    func testPagesComeFromTheStoreWithTheFirstItemWhole() async throws {
        let store = InMemoryWorkbenchStore(SessionFixtures.items(5))
        let query = QueueQuery(filter: .awaitingReview)
        let first = try await ReviewPager.page(store, query: query, after: .start, limit: 2, generation: 3)
        XCTAssertEqual(first.rows.map(\.itemID), [1, 2])
        XCTAssertEqual(first.details.map(\.item.id), [1])
        XCTAssertEqual(first.generation, 3)
        XCTAssertFalse(first.isLast)
        let rest = try await ReviewPager.page(store, query: query, after: first.readThrough, limit: 10, generation: 3)
        XCTAssertEqual(rest.rows.map(\.itemID), [3, 4, 5])
        XCTAssertEqual(rest.details, [], "only a query's first page brings an item whole")
        XCTAssertTrue(rest.isLast)
    }
}
