import Foundation
import GRDB
import QuorumJSON
import QuorumTestSupport
import XCTest
@testable import QuorumStore

/// Readers in this process while a `quorum` writer process appends decisions: every snapshot
/// is consistent (no log entry without its cached state) and sees the log only grow.
final class ConcurrentReaderTests: StoreTestCase {
    func testSnapshotsStayConsistentWhileAnotherProcessWrites() async throws {
        let binary = try QuorumBinary.locate()
        let (store, _) = try await storeWithItems(20)
        try store.close()
        let writer = Process()
        writer.executableURL = binary
        writer.arguments = ["debug", "write-decisions", "--store", path("quorum.sqlite"), "--curator", "busy"]
        let output = Pipe()
        writer.standardOutput = output
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        defer {
            kill(writer.processIdentifier, SIGKILL)
            writer.waitUntilExit()
        }
        var lines = LineReader(handle: output.fileHandleForReading)
        _ = lines.nextLine()

        var counts: [Int] = []
        for _ in 0..<15 {
            for _ in 0..<5 { _ = lines.nextLine() }
            let reader = try Store.open(at: path("quorum.sqlite"), access: .read)
            let (count, stale) = try await rawQuery(reader) { db in
                (try Decision.fetchCount(db), try StoreTransaction(db: db).itemsWithStaleState())
            }
            XCTAssertEqual(stale, [], "a snapshot saw a decision without its cached state")
            counts.append(count)
            try reader.close()
        }
        XCTAssertEqual(counts, counts.sorted(), "the log only grows")
        XCTAssertGreaterThan(counts.last!, counts.first!, "the writer kept writing while we read")
        XCTAssertTrue(writer.isRunning, "the writer was never blocked out by readers")
    }
}
