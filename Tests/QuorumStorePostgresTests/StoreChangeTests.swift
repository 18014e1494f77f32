import Foundation
import QuorumStore
import XCTest
@testable import QuorumStorePostgres

/// LISTEN/NOTIFY: another curator's decisions and imports reach a listening store at commit.
final class StoreChangeTests: PostgresTestCase {
    func testDecisionsAndImportsReachAListenerWithinASecond() async throws {
        let file = try write(StoreFixture.jsonl, to: "data.jsonl")
        _ = try await withStore { try await $0.importJSONL(from: .file(path: file)) }
        let more = try write(#"{"instruction": "One more.", "input": "", "output": "Yes."}"#, to: "more.jsonl")
        let received = try await withStore { watcher in
            try await watcher.listenForChanges { changes in
                let start = ContinuousClock.now
                try await withStore { other in
                    try await other.decide(.accept, itemID: 1, curator: "bo")
                    _ = try await other.importJSONL(from: .file(path: more))
                }
                let seen = try await firstTwo(of: changes, within: .seconds(10))
                XCTAssertLessThan(ContinuousClock.now - start, .seconds(5))
                return seen
            }
        }
        XCTAssertEqual(received, [.decided(itemID: 1, curator: "bo"), .imported(runID: 2, items: 1)])
    }

    /// The first two changes, or a failure once `limit` has passed without them.
    private func firstTwo<Changes: AsyncSequence>(of changes: Changes, within limit: Duration) async throws -> [StoreChange]
    where Changes.Element == StoreChange {
        let deadline = ContinuousClock.now + limit
        var seen: [StoreChange] = []
        var iterator = changes.makeAsyncIterator()
        while seen.count < 2 {
            let watchdog = Task {
                try await Task.sleep(until: deadline, clock: .continuous)
                XCTFail("no change arrived within \(limit)")
                exit(1)
            }
            defer { watchdog.cancel() }
            guard let change = try await iterator.next() else { break }
            seen.append(change)
        }
        return seen
    }

    func testPayloadsRoundTripAndCuratorNamesMayHoldSpaces() {
        for change in [StoreChange.decided(itemID: 7, curator: "Ana María"), .imported(runID: 3, items: 120)] {
            XCTAssertEqual(StoreChange(payload: change.payload), change)
        }
        XCTAssertNil(StoreChange(payload: "resized 1 2"))
    }
}
