import Foundation
import XCTest
@testable import QuorumStore

/// `Store.merge`: a copy kept current from another store's rows ends up equal to it, and a
/// read taken before a decision and merged after it never takes the item back.
final class MergeRowsTests: StoreTestCase {
    func testAMirrorCatchesUpAndAnOlderReadDoesNotTakeAnItemBack() async throws {
        let (source, ids) = try await storeWithItems(3)
        defer { try? source.close() }
        let before = try await source.readRows()
        try await source.write { transaction in
            try transaction.append(.accept, to: ids[0], curator: "ada")
            try transaction.append(.reject(reason: "vague"), to: ids[1], curator: "bob")
        }
        let after = try await source.readRows()

        let mirror = try openWriter("mirror.sqlite")
        defer { try? mirror.close() }
        try await mirror.merge(before)
        let early = try await mirror.item(ids[0])
        XCTAssertEqual(early.item.status, .pending)
        try await mirror.merge(after)
        try await mirror.merge(before)
        let late = try await mirror.item(ids[0])
        XCTAssertEqual(late.item.status, .accepted, "a read older than the mirror's log is not merged over it")
        try await mirror.merge(after)
        let merged = try await mirror.readRows()
        XCTAssertEqual(merged, after, "the mirror holds the source's rows, each once")
        let statuses = try await ids.asyncMap { try await mirror.item($0).item.status }
        XCTAssertEqual(statuses, [.accepted, .rejected, .pending])
    }
}

extension Array {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
