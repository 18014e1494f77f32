import Foundation
import QuorumStore
import XCTest
@testable import QuorumStorePostgres

/// `quorum store copy`: SQLite to PostgreSQL and back, every export the same, all or nothing.
final class StoreCopyTests: PostgresTestCase {
    func testRoundTripSQLiteToPostgresToSQLiteKeepsEveryExport() async throws {
        let original = try await makeDecidedSQLiteStore("original.sqlite")
        try original.close()
        let toPostgres = try await StoreCopy.copy(
            from: .sqlite(path: path("original.sqlite")), to: .postgres(location), environment: environment)
        XCTAssertEqual(toPostgres.itemCount, 7)
        XCTAssertTrue(toPostgres.summary.hasPrefix("1 runs, 7 items, 7 candidate sets, 19 candidates, 3 decisions"), toPostgres.summary)
        let back = try await StoreCopy.copy(
            from: .postgres(location), to: .sqlite(path: path("back.sqlite")), environment: environment)
        XCTAssertEqual(back, toPostgres)
        let first = try Store.open(at: path("original.sqlite"), access: .read)
        let second = try Store.open(at: path("back.sqlite"), access: .write(command: "test"))
        for (index, request) in StoreFixture.exports.enumerated() {
            _ = try await first.export(request, to: .file(path: path("first-\(index)")))
            _ = try await second.export(request, to: .file(path: path("second-\(index)")))
            let a = try Data(contentsOf: URL(fileURLWithPath: path("first-\(index)")))
            let b = try Data(contentsOf: URL(fileURLWithPath: path("second-\(index)")))
            XCTAssertFalse(a.isEmpty)
            XCTAssertEqual(a, b, "\(request.format) differs after SQLite → PostgreSQL → SQLite")
        }
        let skipsBack = try await second.stats().curators.first { $0.curator == "ana" }?.skipped
        XCTAssertEqual(skipsBack, 1, "the skips travel with the store")
        let decisions = try await second.write { try $0.append(.accept, to: 7, curator: "cy") }
        XCTAssertEqual(decisions.id, 4, "the copy's sequence continues after the copied decisions")
        try first.close()
        try second.close()
    }

    func testCopyIntoAStoreThatHoldsDataIsRefusedAndChangesNothing() async throws {
        let original = try await makeDecidedSQLiteStore("original.sqlite")
        try original.close()
        _ = try await StoreCopy.copy(from: .sqlite(path: path("original.sqlite")), to: .postgres(location), environment: environment)
        do {
            _ = try await StoreCopy.copy(from: .sqlite(path: path("original.sqlite")), to: .postgres(location), environment: environment)
            XCTFail("a second copy into the same PostgreSQL store was allowed")
        } catch let error as PostgresStoreError {
            XCTAssertEqual(error, .notEmpty(location.description))
        }
        let rows = try await withStore { try await $0.readRows() }
        XCTAssertEqual(rows.itemCount, 7)
        do {
            _ = try await StoreCopy.copy(from: .postgres(location), to: .sqlite(path: path("original.sqlite")), environment: environment)
            XCTFail("a copy into a SQLite store that holds data was allowed")
        } catch let error as StoreError {
            XCTAssertTrue(error.description.contains("already holds data"), error.description)
        }
        let reopened = try Store.open(at: path("original.sqlite"), access: .read)
        let count = try await reopened.readRows().itemCount
        XCTAssertEqual(count, 7)
        try reopened.close()
    }

    func testAFailedCopyLeavesNoNewSQLiteFile() async throws {
        let unreachable = PostgresLocation(user: "quorum", host: "127.0.0.1", port: try freePort(), database: "none", sslMode: .disable)
        do {
            _ = try await StoreCopy.copy(from: .postgres(unreachable), to: .sqlite(path: path("new.sqlite")), environment: environment)
            XCTFail("a copy from an unreachable server succeeded")
        } catch let error as PostgresStoreError {
            XCTAssertTrue(error.isUnreachable, error.description)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("new.sqlite")))
    }

    /// The fixture with three decisions.
    func makeDecidedSQLiteStore(_ name: String) async throws -> Store {
        let file = try write(StoreFixture.jsonl, to: name + ".jsonl")
        let store = try Store.open(at: path(name), access: .write(command: "test"))
        _ = try await store.importJSONL(from: .file(path: file))
        try await store.write { transaction in
            try transaction.append(.accept, to: 1, curator: "ana")
            try transaction.append(.edit(text: "Bleu", basedOn: 0), to: 2, curator: "ana")
            try transaction.append(.reject(reason: "dull"), to: 6, curator: "bo")
            try transaction.skip(3, curator: "ana")
        }
        return store
    }
}

/// A loopback port nothing listens on at this moment.
func freePort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
    }
    guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}
