import Foundation
import GRDB
import QuorumJSON
import QuorumTestSupport
import XCTest
@testable import QuorumStore

/// A real `quorum` process appends decisions and is killed with SIGKILL at 50 random moments;
/// every decision it reported as written must be in the store, and the file must be sound.
final class KillNineTests: StoreTestCase {
    func testEveryAcknowledgedDecisionSurvivesSIGKILL() async throws {
        let binary = try QuorumBinary.locate()
        let (store, _) = try await storeWithItems(30)
        try store.close()
        var random = SplitMix(seed: UInt64(Date().timeIntervalSince1970))
        var acknowledged = Set<Int64>()
        for round in 0..<50 {
            let wanted = 1 + Int(random.next() % 20)
            let (status, ids) = try killAfter(wanted, binary: binary)
            XCTAssertEqual(status, SIGKILL, "round \(round): the writer ended on its own (status \(status))")
            XCTAssertGreaterThanOrEqual(ids.count, wanted, "round \(round)")
            acknowledged.formUnion(ids)
        }
        let reader = try Store.open(at: path("quorum.sqlite"), access: .read)
        let stored = try await rawQuery(reader) { try Set(Int64.fetchAll($0, sql: "SELECT id FROM decisions")) }
        let lost = acknowledged.subtracting(stored)
        XCTAssertTrue(lost.isEmpty, "acknowledged but missing after SIGKILL: \(lost.sorted())")
        XCTAssertGreaterThan(acknowledged.count, 50)
        let integrity = try await reader.integrityCheck()
        XCTAssertEqual(integrity, ["ok"])
        try reader.close()
        let writer = try openWriter()
        let stale = try await writer.write { try $0.itemsWithStaleState() }
        XCTAssertEqual(stale, [], "the cached state must match the log after every crash")
    }

    /// Starts a writer, waits until it has reported `wanted` ids, kills it, and returns how it
    /// ended with every id it reported (including any it printed before the signal landed).
    private func killAfter(_ wanted: Int, binary: URL) throws -> (Int32, [Int64]) {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["debug", "write-decisions", "--store", path("quorum.sqlite"), "--curator", "kill-test"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var reader = LineReader(handle: output.fileHandleForReading)
        var ids: [Int64] = []
        while ids.count < wanted, let line = reader.nextLine() {
            ids.append(Int64(line)!)
        }
        kill(process.processIdentifier, SIGKILL)
        while let line = reader.nextLine() {
            ids.append(Int64(line)!)
        }
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? process.terminationStatus : -process.terminationStatus
        return (status, ids)
    }
}

/// Complete lines from a pipe, read as they arrive; a partial last line is not a line.
struct LineReader {
    let handle: FileHandle
    private var pending = Data()

    init(handle: FileHandle) {
        self.handle = handle
    }

    mutating func nextLine() -> String? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending = Data(pending[(newline + 1)...])
                return line
            }
            let chunk = handle.availableData
            guard !chunk.isEmpty else { return nil }
            pending.append(chunk)
        }
    }
}
