import Foundation
import QuorumTestSupport
import XCTest
@testable import QuorumStore

/// Issue 12: the store's locks belong to its file, not to the name it was opened by. A hard
/// link to an open store is refused (SQLite would keep a second WAL under it); a symlink is
/// the same name and shares the run lock; writers of decisions work beside a run.
final class StoreNameLockTests: StoreTestCase {
    private let line = #"{"instruction": "Name a colour.", "input": "", "output": "Blue"}"#

    private func link(_ name: String, symbolic: Bool) throws -> String {
        let target = path(name)
        if symbolic {
            try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: path("quorum.sqlite"))
        } else {
            try FileManager.default.linkItem(atPath: path("quorum.sqlite"), toPath: target)
        }
        return target
    }

    private func itemCount() async throws -> Int {
        let reader = try Store.open(at: path("quorum.sqlite"), access: .read)
        defer { try? reader.close() }
        return try await reader.items(withStatus: ItemStatus.allCases, limit: 10_000).count
    }

    func testAHardLinkToAnOpenStoreIsRefusedToWritersAndReaders() async throws {
        let (holder, _) = try await storeWithItems(3)
        let hard = try link("hard.sqlite", symbolic: false)
        let data = try write(line + "\n", to: "data.jsonl")
        let imported = try QuorumBinary.run(["import", "--store", hard, data], in: folder)
        XCTAssertEqual(imported.status, 75, imported.standardError)
        XCTAssertTrue(imported.standardError.contains("open under another name"), imported.standardError)
        let exported = try QuorumBinary.run(["export", "--store", hard, "--status", "all"], in: folder)
        XCTAssertEqual(exported.status, 75, exported.standardError)
        _ = try await holder.write { try $0.append(.accept, to: 1, curator: "ada") }
        try holder.close()

        // Closed, the other name is free; and now the first name waits for it.
        let later = try QuorumBinary.run(["import", "--store", hard, data], in: folder)
        XCTAssertEqual(later.status, 0, later.standardError)
        let count = try await itemCount()
        XCTAssertEqual(count, 4, "nothing lost: the 3 items and the import")
        let reader = try Store.open(at: path("quorum.sqlite"), access: .read)
        let status = try await reader.item(1).item.status
        XCTAssertEqual(status, .accepted)
        try reader.close()
    }

    func testTheSameProcessCannotOpenTwoNamesOfOneFileEither() async throws {
        let (holder, _) = try await storeWithItems(1)
        let hard = try link("hard.sqlite", symbolic: false)
        XCTAssertThrowsStoreError(try Store.open(at: hard, access: .read), .openUnderAnotherName(path: hard))
        let again = try Store.open(at: path("quorum.sqlite"), access: .read)
        try again.close()
        try holder.close()
        try Store.open(at: hard, access: .read).close()
    }

    func testASymlinkSharesTheRunLock() async throws {
        let (holder, _) = try await storeWithItems(2)
        let symlink = try link("link.sqlite", symbolic: true)
        let data = try write(line + "\n", to: "data.jsonl")
        let imported = try QuorumBinary.run(["import", "--store", symlink, data], in: folder)
        XCTAssertEqual(imported.status, 75, imported.standardError)
        XCTAssertTrue(imported.standardError.contains("pid \(getpid()) (quorum test)"), imported.standardError)
        let exported = try QuorumBinary.run(["export", "--store", symlink, "--status", "all"], in: folder)
        XCTAssertEqual(exported.status, 0, "a symlink is the same name: readers work: \(exported.standardError)")
        try holder.close()
    }

    func testADecisionWriterWorksBesideARunAndARunBesideIt() async throws {
        let (run, ids) = try await storeWithItems(2)
        let reviewer = try openWriter(options: StoreOpenOptions(claimsRun: false))
        XCTAssertFalse(reviewer.holdsRun)
        _ = try await reviewer.write { try $0.append(.accept, to: ids[0], curator: "ada") }
        XCTAssertThrowsError(try reviewer.claimRun(command: "quorum review")) { error in
            guard case StoreError.locked(_, let holder?) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(holder.command, "quorum test")
        }
        _ = try await run.write { try $0.insertItem(Fixtures.item(runID: 1, index: 9)) }
        let latest = try await reviewer.latestItemID()
        XCTAssertEqual(latest, 3, "the reviewer sees what the run commits")
        try run.close()
        try reviewer.claimRun(command: "quorum review")
        XCTAssertTrue(reviewer.holdsRun)
        try reviewer.close()
    }
}
