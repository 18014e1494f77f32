import Foundation
import GRDB
import QuorumTestSupport
import XCTest
@testable import QuorumStore

/// A full disk and a read-only store: a clear refusal, and the data already stored intact.
final class BadStoreTests: StoreTestCase {
    func bigImportFile() throws -> String {
        let text = String(repeating: "filler text that takes room. ", count: 40_000)
        return try write(#"{"instruction": "Big.", "input": "", "output": "\#(text)"}"# + "\n", to: "big.jsonl")
    }

    func testFullDatabaseRollsBackAndKeepsEarlierData() async throws {
        let (store, ids) = try await storeWithItems(5)
        _ = try await store.write { try $0.append(.accept, to: ids[0], curator: "ada") }
        try store.close()
        let pages = try sqlitePragma(path("quorum.sqlite"), "page_count")
        let limited = try openWriter(options: StoreOpenOptions(maximumPageCount: pages + 4))
        let file = try bigImportFile()
        await assertThrowsAsync({ try await limited.importJSONL(from: .file(path: file)) }) { error in
            XCTAssertEqual(error as? StoreError, .diskFull(path: self.path("quorum.sqlite")))
        }
        let stats = try await limited.stats()
        XCTAssertEqual([stats.items, stats.decisions], [5, 1])
        let integrity = try await limited.integrityCheck()
        XCTAssertEqual(integrity, ["ok"])
        _ = try await limited.write { try $0.append(.reject(reason: "still writable"), to: ids[1], curator: "ada") }
    }

    func testRealFullDiskOnASmallTmpfs() throws {
        let mount = try SmallTmpfs(folder: folder.appendingPathComponent("tiny"), megabytes: 2)
        defer { mount.unmount() }
        try Data((goodLines(20)).utf8).write(to: mount.url.appendingPathComponent("small.jsonl"))
        XCTAssertEqual(try QuorumBinary.run(["import", "small.jsonl"], in: mount.url).status, 0)
        let filler = String(repeating: "x", count: 3_000_000)
        try? Data(#"{"instruction": "Big.", "output": "\#(filler)"}"#.utf8).write(to: folder.appendingPathComponent("big.jsonl"))
        let result = try QuorumBinary.run(["import", folder.appendingPathComponent("big.jsonl").path], in: mount.url)
        XCTAssertEqual(result.status, 74, result.standardError)
        XCTAssertTrue(result.standardError.contains("full"), result.standardError)
        let stats = try QuorumBinary.run(["stats", "--json"], in: mount.url)
        XCTAssertTrue(stats.standardOutput.contains(#""items":20"#), stats.standardOutput + stats.standardError)
    }

    func testReadOnlyFileSystemIsRefusedClearly() throws {
        let mount = try SmallTmpfs(folder: folder.appendingPathComponent("ro"), megabytes: 4)
        defer { mount.unmount() }
        try Data(goodLines(3).utf8).write(to: mount.url.appendingPathComponent("data.jsonl"))
        XCTAssertEqual(try QuorumBinary.run(["import", "data.jsonl"], in: mount.url).status, 0)
        let before = try Data(contentsOf: mount.url.appendingPathComponent("quorum.sqlite"))
        try mount.remountReadOnly()
        let importing = try QuorumBinary.run(["import", "data.jsonl"], in: mount.url)
        XCTAssertEqual(importing.status, 73, importing.standardError)
        XCTAssertTrue(importing.standardError.contains("read-only"), importing.standardError)
        let exporting = try QuorumBinary.run(["export", "--status", "all"], in: mount.url)
        XCTAssertNotEqual(exporting.status, 0)
        XCTAssertTrue(exporting.standardError.contains("read-only"), exporting.standardError)
        XCTAssertEqual(try Data(contentsOf: mount.url.appendingPathComponent("quorum.sqlite")), before)
    }

    func testUnwritableStoreIsRefusedForNonRootUsers() throws {
        try XCTSkipIf(getuid() == 0, "root writes through file modes; the read-only tmpfs test covers root")
        try openWriter().close()
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path("quorum.sqlite"))
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path("quorum.sqlite")) }
        XCTAssertThrowsError(try openWriter()) { error in
            guard case StoreError.readOnly = error else { return XCTFail("\(error)") }
        }
    }

    private func goodLines(_ count: Int) -> String {
        (0..<count).map { #"{"instruction": "Item \#($0).", "input": "", "candidates": ["a", "b", "a"]}"# }.joined(separator: "\n") + "\n"
    }
}

/// A tmpfs of a few megabytes, mounted for one test; needs root (skips otherwise).
struct SmallTmpfs {
    let url: URL

    init(folder: URL, megabytes: Int) throws {
        try XCTSkipIf(getuid() != 0, "mounting a tmpfs needs root")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        url = folder
        guard Self.mount(["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", folder.path]) else {
            throw XCTSkip("cannot mount a tmpfs here")
        }
    }

    func remountReadOnly() throws {
        guard Self.mount(["-o", "remount,ro", url.path]) else { throw XCTSkip("cannot remount read-only") }
    }

    func unmount() {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/umount")
        process.arguments = ["-l", url.path]
        try? process.run()
        process.waitUntilExit()
    }

    private static func mount(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
